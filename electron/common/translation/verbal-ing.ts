// English words in -ing that are glossary terms as nouns ("the crossing", "a crossing point", "the shelling") are also
// the verb's gerund or participle ("before crossing", "crossing the line", "while shelling"). Used as a verb the word
// names an action, not the thing the entry is about, and a translation rightly uses a verb or verbal noun ("قبل
// العبور", "לפני החצייה"): demanding the agreed noun there is a false alarm. The verb is told by the words around
// it: a preposition, conjunction or auxiliary that takes a verb before it, or an object or direction right after it;
// never with a determiner before it ("at the crossing the patrol waited" is the noun). Where the words do not tell,
// the word stays a noun and the entry applies.

const ING_WORD = /(?<![a-z'-])[a-z]{2,}ing(?![a-z'-])/gu;
const VERB_BEFORE =
  /(?:^|[^a-z'])(?:before|after|while|whilst|when|since|without|upon|on|by|avoid|avoiding|stop|stopped|start|started|begin|began|keep|kept|continue|continued|finish|finished|is|are|was|were|be|been|am|not)\s+$/u;
const DETERMINER_BEFORE = /(?:^|[^a-z'])(?:the|a|an|this|that|these|those|each|every|any|no|its|their|our|your|his|her|my|which|whose)\s+$/u;
const OBJECT_AFTER = /^\s+(?:the|a|an|this|that|these|those|it|them|him|her|its|their|our|your|into|over|through|across|toward|towards|back)(?![a-z'])/u;
/** How far around the word its neighbours are looked for. */
const REACH = 16;

/** The English text (folded) with the -ing words that are used as verbs blanked, offsets kept. */
export function blankVerbalIng(folded: string): string {
  return folded.replace(ING_WORD, (word: string, at: number) => {
    const before = folded.slice(Math.max(0, at - REACH), at);
    const after = folded.slice(at + word.length, at + word.length + REACH);
    if (DETERMINER_BEFORE.test(before)) return word;
    return VERB_BEFORE.test(before) || OBJECT_AFTER.test(after) ? ' '.repeat(word.length) : word;
  });
}
