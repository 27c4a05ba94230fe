/**
 * A list that puts only the rows on screen into the page, so it stays light whatever the list's length (the inbox of
 * 100,000 messages has a few dozen rows in the DOM). Every row has the same height; the list tells its owner which
 * rows it shows, so the owner fetches just those. Positions are logical (block axis), so the list works unchanged in
 * right-to-left layouts; each row carries its position for assistive technology.
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { visibleRows, type RowRange } from './virtual-range';

/** Rows rendered beyond each edge of the screen. */
const OVERSCAN = 6;

export interface VirtualListProps {
  readonly total: number;
  /** Pixels; the rows' CSS must keep to it. */
  readonly rowHeight: number;
  /** The row at `index`, or null while its data is still on the way (a placeholder of the same height is shown). */
  readonly renderRow: (index: number) => ReactNode;
  /** A stable key for the row at `index` (its item's id), so React keeps a row's state as the list moves. */
  readonly rowKey: (index: number) => string;
  readonly onRangeChange?: (range: RowRange) => void;
  readonly label: string;
  readonly testId?: string;
}

export function VirtualList(props: VirtualListProps) {
  const { total, rowHeight, renderRow, rowKey, onRangeChange, label, testId } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    let frame = 0;
    let scrolled = false;
    const measure = () => {
      frame = 0;
      // Read here, in the frame callback where the layout is about to be needed anyway, not inside the state updater:
      // React may run an updater during a later render, and reading the geometry there forces a layout mid-render.
      const next = { top: element.scrollTop, height: element.clientHeight };
      const update = () => setView((previous) => (previous.top === next.top && previous.height === next.height ? previous : next));
      // A scroll must move the rows at once. A resize (and the first measurement) may mount a screenful of rows, a
      // render that is better split across frames than run in one task while the core is busy.
      if (scrolled) update();
      else startTransition(update);
      scrolled = false;
    };
    // One measurement per frame however many scroll events arrive.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    const onScroll = () => {
      scrolled = true;
      schedule();
    };
    // The first measurement too: measured here it would force a layout of the whole page and a second render inside
    // the task that mounted the list (the longest the UI thread had during a catch-up). Until then the list renders
    // its first rows and their overscan, which covers a window's height.
    schedule();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);

  const { first, end } = visibleRows(view.top, view.height, rowHeight, total, OVERSCAN);
  useEffect(() => onRangeChange?.({ first, end }), [first, end, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let index = first; index < end; index += 1) {
    rows.push(
      <li key={rowKey(index)} className="virtual-list__row" style={{ insetBlockStart: index * rowHeight, blockSize: rowHeight }} aria-setsize={total} aria-posinset={index + 1}>
        {renderRow(index) ?? <div className="virtual-list__placeholder" aria-hidden="true" />}
      </li>,
    );
  }
  return (
    // A scrolling region is reachable by keyboard (arrow keys and Page Up/Down scroll it once focused).
    <div ref={viewport} className="virtual-list" role="region" aria-label={label} tabIndex={0} data-testid={testId} data-total={total}>
      <ol className="virtual-list__rows" style={{ blockSize: total * rowHeight }}>
        {rows}
      </ol>
    </div>
  );
}
