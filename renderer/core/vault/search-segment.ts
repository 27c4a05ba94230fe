/**
 * One segment of the search index: an inverted index over the messages written together (a received batch, a sent
 * message) or over segments merged into one. It maps blind tokens (keyed hashes of normalised tokens, see
 * electron/common/search/blind-index.ts) to the messages containing them, so even an opened segment holds no word.
 * Stored sealed, as one row (search-index.ts); this module is its plain, pure form.
 *
 * Encoded as JSON: `{"v":1,"level":n,"docs":[[id, order], ...],"tokens":{"<blind token>":[doc, ...]}}`, where a doc
 * is an index into `docs`, each list ascending, and `order` is the message's sort order when it was written (-1: none).
 */

export const SEGMENT_FORMAT = 1;

/** Sort order of a message without one. */
export const NO_ORDER = -1;

export interface SegmentDoc {
  readonly id: string;
  readonly order: number;
}

export interface Segment {
  /** 0 for a segment written by one commit; one more than its inputs' for a merged one (search-index.ts). */
  readonly level: number;
  readonly docs: readonly SegmentDoc[];
  /** Blind token → ascending doc numbers. */
  readonly tokens: ReadonlyMap<string, readonly number[]>;
}

/** A message as the index sees it: its id, its sort order, and the blind tokens of its text. */
export interface IndexedDoc {
  readonly id: string;
  readonly order: number;
  readonly blindTokens: readonly string[];
}

export function buildSegment(docs: readonly IndexedDoc[]): Segment {
  const tokens = new Map<string, number[]>();
  docs.forEach((doc, number) => {
    for (const token of doc.blindTokens) {
      const list = tokens.get(token);
      // Numbers rise with the loop, so each list stays ascending; a token twice in one doc is listed once.
      if (list === undefined) tokens.set(token, [number]);
      else if (list.at(-1) !== number) list.push(number);
    }
  });
  return { level: 0, docs: docs.map(({ id, order }) => ({ id, order })), tokens };
}

/**
 * One segment holding what `segments` (oldest first) held. A message in several keeps the order of its latest
 * writing and the union of its tokens: a word its text has since lost still points at it, which search filters out
 * by reading the message (search-index.ts), so merging never needs the messages themselves.
 */
export function mergeSegments(segments: readonly Segment[]): Segment {
  const docs: SegmentDoc[] = [];
  const numberOf = new Map<string, number>();
  const tokens = new Map<string, Set<number>>();
  for (const segment of segments) {
    const renumbered = segment.docs.map((doc) => {
      const known = numberOf.get(doc.id);
      if (known !== undefined) {
        docs[known] = doc;
        return known;
      }
      numberOf.set(doc.id, docs.length);
      docs.push(doc);
      return docs.length - 1;
    });
    for (const [token, list] of segment.tokens) {
      let merged = tokens.get(token);
      if (merged === undefined) tokens.set(token, (merged = new Set()));
      for (const number of list) merged.add(renumbered[number]!);
    }
  }
  const level = 1 + Math.max(0, ...segments.map((segment) => segment.level));
  return { level, docs, tokens: new Map([...tokens].map(([token, set]) => [token, [...set].sort((a, b) => a - b)])) };
}

/** The docs containing every one of `blindTokens` (at least one), by intersecting their ascending lists. */
export function docsWithAll(segment: Segment, blindTokens: readonly string[]): readonly SegmentDoc[] {
  const lists: (readonly number[])[] = [];
  for (const token of blindTokens) {
    const list = segment.tokens.get(token);
    if (list === undefined) return [];
    lists.push(list);
  }
  lists.sort((a, b) => a.length - b.length);
  let result = lists[0] ?? [];
  for (const list of lists.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const number of result) {
      while (j < list.length && list[j]! < number) j += 1;
      if (list[j] === number) next.push(number);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result.map((number) => segment.docs[number]!);
}

export function encodeSegment(segment: Segment): string {
  return JSON.stringify({
    v: SEGMENT_FORMAT,
    level: segment.level,
    docs: segment.docs.map((doc) => [doc.id, doc.order]),
    tokens: Object.fromEntries(segment.tokens),
  });
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isOrder = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= NO_ORDER;

/**
 * The segment in `json`, or null if it is not one. Checked by hand rather than with a schema: a segment has thousands
 * of entries, every search after an unlock opens them all, and the checks are simple (what came off disk is untrusted
 * even when it authenticated, so every number must be an index into `docs`).
 */
export function decodeSegment(json: string): Segment | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, level, docs, tokens } = value as Record<string, unknown>;
  if (v !== SEGMENT_FORMAT || !isCount(level) || !Array.isArray(docs) || typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
    return null;
  }
  const parsedDocs: SegmentDoc[] = [];
  for (const doc of docs as unknown[]) {
    if (!Array.isArray(doc) || doc.length !== 2 || typeof doc[0] !== 'string' || doc[0].length === 0 || !isOrder(doc[1])) return null;
    parsedDocs.push({ id: doc[0], order: doc[1] });
  }
  const parsedTokens = new Map<string, readonly number[]>();
  for (const [token, list] of Object.entries(tokens as Record<string, unknown>)) {
    if (!Array.isArray(list) || list.length === 0) return null;
    let previous = -1;
    for (const number of list as unknown[]) {
      if (!isCount(number) || number <= previous || number >= parsedDocs.length) return null;
      previous = number;
    }
    parsedTokens.set(token, list as number[]);
  }
  return { level, docs: parsedDocs, tokens: parsedTokens };
}
