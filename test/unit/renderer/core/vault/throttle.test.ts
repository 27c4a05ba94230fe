/** The unlock throttle's schedule: three free attempts, then a doubling wait from 1 s, capped at 30 s. */
import { describe, expect, it } from 'vitest';
import { delayAfter } from '../../../../../renderer/core/vault/throttle';

describe('unlock throttle schedule', () => {
  it('waits nothing after up to three failures, then 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(delayAfter)).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
