/**
 * The arithmetic of a list that renders only what is on screen: which rows a scroll position shows, and which page of
 * data to ask for around them. Pure, so it is tested without a browser.
 */

export interface RowRange {
  /** The first row to render. */
  readonly first: number;
  /** One past the last row to render. */
  readonly end: number;
}

/** The rows in view at `scrollTop`, plus `overscan` on each side so a fast scroll does not show blanks. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.min(Math.max(0, top - overscan), total - 1);
  return { first, end: Math.min(total, top + shown + overscan) };
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/**
 * The page of data covering `range`, its edges rounded out to multiples of `step`: scrolling within a page asks for
 * nothing new, and the rows around the screen are already there when it moves.
 */
export function pageAround(range: RowRange, step: number): Page {
  const offset = Math.max(0, Math.floor(range.first / step) * step - step);
  const end = Math.ceil(Math.max(range.end, 1) / step) * step + step;
  return { offset, limit: end - offset };
}
