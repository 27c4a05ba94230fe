// The gazetteer check: a place the original names (by its agreed name or a known variant) is named in the
// translation by its agreed form for that language. A known variant in the translation is reported as such (the
// place is right, its spelling is not agreed); no form at all means the place was dropped or replaced by another.
import type { CheckedText } from './checked-text';
import { finding, type Finding } from './findings';
import type { Terminology } from './terminology';

export function checkPlaces(source: CheckedText, target: CheckedText, terminology: Terminology): Finding[] {
  const findings: Finding[] = [];
  for (const compiled of new Set(terminology.findPlaces[source.lang].find(source.folded))) {
    if (compiled.agreed[target.lang](target.folded) !== null) continue;
    const { place } = compiled;
    const values = { place: place.names[source.lang], expected: place.names[target.lang], id: place.id };
    const variant = compiled.variants[target.lang](target.folded);
    findings.push(variant === null ? finding('placeMissing', values) : finding('placeVariant', { ...values, found: variant }));
  }
  return findings;
}
