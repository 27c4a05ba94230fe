/** Locks the vault after `minutes` without the user touching mouse, keyboard or screen, while `enabled`. */
import { useEffect } from 'react';
import { startIdleTimer } from './idle-timer';

const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(enabled: boolean, minutes: number, lock: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const timer = startIdleTimer(minutes * 60_000, lock);
    const options = { capture: true, passive: true } as const;
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, timer.activity, options);
    return () => {
      timer.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, timer.activity, options);
    };
  }, [enabled, minutes, lock]);
}
