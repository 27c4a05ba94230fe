/**
 * A text shown sentence by sentence, with the sentences of the pair being worked on highlighted: the original in the
 * editor, and the backdrop behind the translation's text area (which cannot mark its own text).
 */
import type { Segment } from '../../../electron/common/translation/segment';

export function SentenceText(props: { text: string; segments: readonly Segment[]; current: readonly number[]; testId?: string }) {
  const { text, segments, current } = props;
  const parts: React.ReactNode[] = [];
  let at = 0;
  segments.forEach((segment, i) => {
    if (segment.start > at) parts.push(text.slice(at, segment.start));
    parts.push(
      current.includes(i) ? (
        <mark key={i} className="sentence sentence--current" data-testid={props.testId ? `${props.testId}-current` : undefined}>
          {text.slice(segment.start, segment.end)}
        </mark>
      ) : (
        <span key={i} className="sentence">
          {text.slice(segment.start, segment.end)}
        </span>
      ),
    );
    at = segment.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
