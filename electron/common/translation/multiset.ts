// Comparing the values of an original and its translation as multisets: each value must appear as many times on
// both sides, wherever it stands (word order differs between languages).

/** The items of `from` left once each is paired with an item of `against` with the same key, in order. */
export function unmatched<T, U>(from: readonly T[], against: readonly U[], keyOfFrom: (item: T) => string, keyOfAgainst: (item: U) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of against) counts.set(keyOfAgainst(item), (counts.get(keyOfAgainst(item)) ?? 0) + 1);
  return from.filter((item) => {
    const key = keyOfFrom(item);
    const left = counts.get(key) ?? 0;
    if (left === 0) return true;
    counts.set(key, left - 1);
    return false;
  });
}

/** Both directions at once: what the original has that the translation lacks, and the reverse. */
export function difference<T>(source: readonly T[], target: readonly T[], key: (item: T) => string): { missing: T[]; extra: T[] } {
  return { missing: unmatched(source, target, key, key), extra: unmatched(target, source, key, key) };
}
