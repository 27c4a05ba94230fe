/**
 * The virtual list's arithmetic: what is rendered stays bounded by the screen, whatever the list's length, and the
 * page asked of the core always covers what is rendered.
 */
import { describe, expect, it } from 'vitest';
import { pageAround, visibleRows } from '../../../../renderer/components/virtual-range';

describe('virtual list ranges', () => {
  it('render the rows on screen plus the overscan, never more, for any list length', () => {
    for (const total of [1, 7, 100, 100_000]) {
      for (const scrollTop of [0, 500, 1_000_000, 136 * 100_000]) {
        const range = visibleRows(scrollTop, 800, 136, total, 6);
        expect(range.first).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeLessThanOrEqual(total);
        expect(range.end - range.first).toBeLessThanOrEqual(Math.ceil(800 / 136) + 1 + 12);
        expect(range.end).toBeGreaterThan(range.first);
      }
    }
    expect(visibleRows(0, 800, 136, 0, 6)).toEqual({ first: 0, end: 0 });
    expect(visibleRows(136 * 50, 800, 136, 100_000, 6)).toEqual({ first: 44, end: 63 });
  });

  it('ask for a page that covers the rendered rows, aligned so small scrolls reuse it', () => {
    for (let first = 0; first < 1_000; first += 7) {
      const range = { first, end: first + 19 };
      const page = pageAround(range, 25);
      expect(page.offset).toBeLessThanOrEqual(range.first);
      expect(page.offset + page.limit).toBeGreaterThanOrEqual(range.end);
      expect(page.offset % 25).toBe(0);
      expect(page.limit).toBeLessThanOrEqual(500);
    }
    expect(pageAround({ first: 30, end: 49 }, 25)).toEqual(pageAround({ first: 26, end: 45 }, 25));
  });
});
