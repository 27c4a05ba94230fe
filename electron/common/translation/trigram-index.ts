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

export class TrigramIndex {
  private readonly postings = new Map<number, Postings>();
  /** Shared-trigram counts of the current query, by id, and which ids it touched (to reset only those). */
  private shared = new Uint16Array(1024);
  private touched = new Int32Array(1024);

  add(id: number, text: string): void {
    if (id >= this.shared.length) this.shared = new Uint16Array(Math.max(id + 1, this.shared.length * 2));
    if (id >= this.touched.length) this.touched = new Int32Array(Math.max(id + 1, this.touched.length * 2));
    for (const trigram of trigramsOf(text)) {
      let list = this.postings.get(trigram);
      if (list === undefined) {
        list = new Postings();
        this.postings.set(trigram, list);
      }
      list.push(id);
    }
  }

  /**
   * Up to about `count` ids sharing the most trigrams with the text, among those `eligible` accepts, best first by
   * shared count. Ties at the cut are all kept (so the result may be somewhat longer), never cut arbitrarily.
   */
  candidates(text: string, count: number, eligible: (id: number) => boolean): number[] {
    const queryTrigrams = [...trigramsOf(text)];
    let touchedCount = 0;
    for (const trigram of queryTrigrams) {
      const list = this.postings.get(trigram);
      if (list === undefined) continue;
      const { ids, length } = list;
      for (let k = 0; k < length; k += 1) {
        const id = ids[k]!;
        if (this.shared[id] === 0) this.touched[touchedCount++] = id;
        this.shared[id]! += 1;
      }
    }
    // A histogram of shared counts gives the cut that keeps about `count` eligible ids without sorting them all.
    const histogram = new Int32Array(queryTrigrams.length + 1);
    const kept: number[] = [];
    for (let k = 0; k < touchedCount; k += 1) {
      const id = this.touched[k]!;
      if (eligible(id)) {
        kept.push(id);
        histogram[this.shared[id]!]! += 1;
      }
    }
    let cut = queryTrigrams.length;
    for (let above = histogram[cut]!; cut > 1 && above < count; ) {
      cut -= 1;
      above += histogram[cut]!;
    }
    const shared = this.shared;
    const chosen = kept.filter((id) => shared[id]! >= cut).sort((a, b) => shared[b]! - shared[a]!);
    for (let k = 0; k < touchedCount; k += 1) shared[this.touched[k]!] = 0;
    return chosen;
  }
}
