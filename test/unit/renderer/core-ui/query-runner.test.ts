/**
 * A view of the core's data during a stream of change notices (a catch-up): one read at a time, one more for all the
 * notices that came while it was on its way, every answer shown in the order asked, and nothing after the view is gone.
 */
import { expect, it } from 'vitest';
import { runQuery } from '../../../../renderer/core-ui/query-runner';

/** A read whose answers the test gives by hand. */
function manualRead() {
  const calls: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const read = () => new Promise<number>((resolve, reject) => calls.push({ resolve, reject }));
  return { read, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

it('reads once at first, and once more for all the changes told while a read is on its way', async () => {
  const { read, calls } = manualRead();
  const told: unknown[] = [];
  const runner = runQuery(read, (outcome) => told.push(outcome));
  expect(calls).toHaveLength(1);
  runner.changed();
  runner.changed();
  runner.changed();
  expect(calls).toHaveLength(1);
  calls[0]!.resolve(1);
  await settle();
  expect(told).toEqual([{ data: 1 }]);
  expect(calls).toHaveLength(2);
  calls[1]!.resolve(2);
  await settle();
  expect(told).toEqual([{ data: 1 }, { data: 2 }]);
  // Nothing changed meanwhile: no third read.
  expect(calls).toHaveLength(2);
  runner.changed();
  expect(calls).toHaveLength(3);
});

it('tells a failure, keeps reading on the next change, and tells nothing once disposed', async () => {
  const { read, calls } = manualRead();
  const told: unknown[] = [];
  const runner = runQuery(read, (outcome) => told.push(outcome));
  const failure = new Error('core.offline');
  calls[0]!.reject(failure);
  await settle();
  expect(told).toEqual([{ error: failure }]);
  runner.changed();
  runner.dispose();
  calls[1]!.resolve(5);
  await settle();
  runner.changed();
  expect(told).toEqual([{ error: failure }]);
  expect(calls).toHaveLength(2);
});
