/**
 * Lets the event loop run between slices of CPU work (a message channel's task: unlike a timer's, it is never
 * clamped to 4 ms), so the relay's answers and the UI's reads are not held up behind a whole batch.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
