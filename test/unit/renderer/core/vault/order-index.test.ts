/** The in-memory order of messages gives the same pages as sorting everything, through any mix of changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderIndex } from '../../../../../renderer/core/vault/order-index';

const op = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 30 }).map(String), order: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 30 }).map(String) }),
);

describe('OrderIndex', () => {
  it('pages newest first exactly as a full sort does, after any sequence of upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.nat(40), fc.integer({ min: 1, max: 40 }), (ops, offset, limit) => {
        const index = new OrderIndex();
        const model = new Map<string, number>();
        for (const change of ops) {
          if (change.kind === 'upsert') {
            index.upsert(change.id, change.order);
            model.set(change.id, change.order);
          } else {
            index.remove(change.id);
            model.delete(change.id);
          }
        }
        const expected = [...model].sort(([idA, a], [idB, b]) => b - a || (idA < idB ? 1 : -1)).map(([id]) => id);
        expect(index.size).toBe(model.size);
        expect(index.newest(offset, limit)).toEqual(expected.slice(offset, offset + limit));
      }),
      { numRuns: 500 },
    );
  });

  it('builds from the index as IndexedDB returns it', () => {
    const index = OrderIndex.from([1, 2, 2, 5], ['a', 'b', 'c', 'd']);
    expect(index.newest(0, 10)).toEqual(['d', 'c', 'b', 'a']);
    expect(index.newest(3, 10)).toEqual(['a']);
    expect(index.newest(4, 10)).toEqual([]);
  });
});
