/**
 * An inverted index from character trigrams to the sentences containing them: the translation memory's way to find,
 * among tens of thousands of sentences, the few worth an exact (and costly) edit-distance comparison. Sentences that
 * share many trigrams with the query are the likely fuzzy matches; only the best-sharing ones are handed on.
 * Postings are typed arrays (4 bytes per sentence per distinct trigram), ids are small integers chosen by the caller.
 */

/** A trigram as one number (three UTF-16 units, 16 bits each: exact, and a cheap Map key). */
function trigramsOf(text: string): Set<number> {
  const padded = ` ${text} `;
  const trigrams = new Set<number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    trigrams.add(padded.charCodeAt(i) * 2 ** 32 + padded.charCodeAt(i + 1) * 2 ** 16 + padded.charCodeAt(i + 2));
  }
  return trigrams;
}

/** A trigram in more than 1/COMMON_SHARE of the sentences is common (see `informativeLists`). */
const COMMON_SHARE = 10;

class Postings {
  ids = new Int32Array(4);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length] = id;
    this.length += 1;
  }
}

/** Which ids a query may return: those of one group (e.g. one target language) within a range of text lengths. */
export interface CandidateFilter {
  readonly group: number;
  readonly minLength: number;
  readonly maxLength: number;
}

const grown = <T extends Uint8Array | Uint16Array>(array: T, length: number, make: (length: number) => T): T => {
  const bigger = make(length);
  bigger.set(array);
  return bigger;
};

export class TrigramIndex {
  private readonly postings = new Map<number, Postings>();
  private count = 0;
  // By id, flat and typed because a query reads them for every sentence it touches: distinct trigrams (a long
  // sentence shares many trigrams with anything, so the ranking divides by it), text length and group.
  private sizes = new Uint16Array(1024);
  private lengths = new Uint16Array(1024);
  private groups = new Uint8Array(1024);
  /** Shared-trigram counts of the current query, by id, and which ids it touched (to reset only those). */
  private shared = new Uint16Array(1024);
  private touched = new Int32Array(1024);

  /** `group` is a small number (0–255) the caller filters on; `text` at most 65,535 characters. */
  add(id: number, text: string, group: number): void {
    this.count += 1;
    if (id >= this.shared.length) {
      const length = Math.max(id + 1, this.shared.length * 2);
      this.shared = new Uint16Array(length);
      this.touched = new Int32Array(length);
      this.sizes = grown(this.sizes, length, (n) => new Uint16Array(n));
      this.lengths = grown(this.lengths, length, (n) => new Uint16Array(n));
      this.groups = grown(this.groups, length, (n) => new Uint8Array(n));
    }
    const trigrams = trigramsOf(text);
    this.sizes[id] = Math.min(trigrams.size, 0xffff);
    this.lengths[id] = Math.min(text.length, 0xffff);
    this.groups[id] = group;
    for (const trigram of trigrams) {
      let list = this.postings.get(trigram);
      if (list === undefined) {
        list = new Postings();
        this.postings.set(trigram, list);
      }
      list.push(id);
    }
  }

  /**
   * The posting lists of the query's trigrams, without those of the most common trigrams (in more than a tenth of
   * all sentences: spaces around an article, a frequent suffix) as long as at least half of the query's lists remain.
   * They cost most of the counting and tell sentences apart least.
   */
  private informativeLists(trigrams: readonly number[]): Postings[] {
    const lists = trigrams.flatMap((trigram) => this.postings.get(trigram) ?? []).sort((a, b) => a.length - b.length);
    const keep = Math.max(Math.ceil(trigrams.length / 2), lists.filter((list) => list.length <= this.count / COMMON_SHARE).length);
    return lists.slice(0, keep);
  }

  /**
   * The `count` ids passing the filter most alike the text by trigrams, best first: ranked by shared trigrams over
   * the larger of the two trigram sets (the trigram analogue of the similarity that will be computed exactly).
   */
  candidates(text: string, count: number, filter: CandidateFilter): number[] {
    const queryTrigrams = [...trigramsOf(text)];
    const { shared, touched, sizes, lengths, groups } = this;
    const { group, minLength, maxLength } = filter;
    let touchedCount = 0;
    for (const list of this.informativeLists(queryTrigrams)) {
      const { ids, length } = list;
      for (let k = 0; k < length; k += 1) {
        const id = ids[k]!;
        if (shared[id] === 0) touched[touchedCount++] = id;
        shared[id]! += 1;
      }
    }
    // A histogram of shared counts gives a cut keeping at least `count` eligible ids without sorting them all; the
    // ranking below then needs only those (a sentence sharing fewer trigrams scores lower unless it is much shorter,
    // and then the length window has usually excluded it).
    const histogram = new Int32Array(queryTrigrams.length + 1);
    const kept: number[] = [];
    for (let k = 0; k < touchedCount; k += 1) {
      const id = touched[k]!;
      if (groups[id] === group && lengths[id]! >= minLength && lengths[id]! <= maxLength) {
        kept.push(id);
        histogram[shared[id]!]! += 1;
      }
    }
    let cut = queryTrigrams.length;
    for (let above = histogram[cut]!; cut > 1 && above < count; ) {
      cut -= 1;
      above += histogram[cut]!;
    }
    const survivors = kept.filter((id) => shared[id]! >= cut);
    const scores = new Float64Array(survivors.length);
    for (const [k, id] of survivors.entries()) scores[k] = shared[id]! / Math.max(queryTrigrams.length, sizes[id]!);
    const chosen = [...survivors.keys()]
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, count)
      .map((k) => survivors[k]!);
    for (let k = 0; k < touchedCount; k += 1) shared[touched[k]!] = 0;
    return chosen;
  }
}
