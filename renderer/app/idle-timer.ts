/**
 * Calls `onIdle` once after `limitMs` without activity. Activity only records a time (pointer and key events fire
 * constantly, so it must stay cheap); one timer checks at the earliest moment the limit could be reached and waits
 * again if there was activity in between.
 */
export interface IdleTimer {
  activity(): void;
  stop(): void;
}

export function startIdleTimer(limitMs: number, onIdle: () => void): IdleTimer {
  let lastActivity = Date.now();
  const check = () => {
    const idle = Date.now() - lastActivity;
    if (idle >= limitMs) onIdle();
    else timer = setTimeout(check, limitMs - idle);
  };
  let timer = setTimeout(check, limitMs);
  return {
    activity: () => {
      lastActivity = Date.now();
    },
    stop: () => clearTimeout(timer),
  };
}
