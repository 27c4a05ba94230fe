/** Sentences of Hebrew, Arabic and English messages, with offsets the editor can highlight by. */
import { describe, expect, it } from 'vitest';
import { segmentAt, segmentSentences } from '../../../../../electron/common/translation/segment';

const sentences = (text: string) => segmentSentences(text).map((segment) => segment.text);

describe('segmentSentences', () => {
  it('splits English at . ! ? and keeps closing quotes and brackets with their sentence', () => {
    expect(sentences('The convoy left. Did it arrive? Yes! He said "stop." (Confirmed.) Next')).toEqual([
      'The convoy left.',
      'Did it arrive?',
      'Yes!',
      'He said "stop."',
      '(Confirmed.)',
      'Next',
    ]);
  });

  it('splits Hebrew, keeping acronyms with gershayim and a quote closed by gershayim whole', () => {
    expect(sentences('השיירה תעבור בשעה 14:30. צה״ל אישר את המעבר! האם קיבלתם את ההודעה?')).toEqual([
      'השיירה תעבור בשעה 14:30.',
      'צה״ל אישר את המעבר!',
      'האם קיבלתם את ההודעה?',
    ]);
  });

  it('splits Arabic at the full stop, the Arabic question mark and ۔, not inside Arabic-Indic decimals', () => {
    expect(sentences('ستعبر القافلة عند الساعة ١٤:٣٠. هل استلمتم الرسالة؟ المسافة ٣٫٥ كم۔ انتهى')).toEqual([
      'ستعبر القافلة عند الساعة ١٤:٣٠.',
      'هل استلمتم الرسالة؟',
      'المسافة ٣٫٥ كم۔',
      'انتهى',
    ]);
  });

  it('does not split decimals, coordinates, dates, times, DTGs or URLs', () => {
    const text = 'Move 3.5 km to 33.1234N 35.6789E on 15.01.2027 at 14:30 (151200Z JAN 27), see example.org/a.b for the map.';
    expect(sentences(text)).toEqual([text]);
  });

  it('does not split after abbreviations, initials, dotted abbreviations, list numbers or before a lower-case word', () => {
    expect(sentences('Approx. 40 vehicles, e.g. trucks and No. 5 bus, passed. Gen. Smith and J. R. Doe of the U.S. Army agree.')).toEqual([
      'Approx. 40 vehicles, e.g. trucks and No. 5 bus, passed.',
      'Gen. Smith and J. R. Doe of the U.S. Army agree.',
    ]);
    expect(sentences('1. Close the gate.\n2. Report back... then wait. Done')).toEqual(['1. Close the gate.', '2. Report back... then wait.', 'Done']);
  });

  it('ends a sentence at every line break, and drops blank lines and surrounding spaces', () => {
    expect(sentences('FROM: IL post\r\nTO: SY post\n\n  Subject line  \u2029Body')).toEqual(['FROM: IL post', 'TO: SY post', 'Subject line', 'Body']);
  });

  it('gives offsets into the original text, surrogate pairs and bidi marks included', () => {
    const text = ' \u{1F4A3} Boom. \u200Fשלום? ok';
    for (const segment of segmentSentences(text)) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
    expect(sentences(text)).toEqual(['\u{1F4A3} Boom.', '\u200Fשלום?', 'ok']);
  });

  it('gives nothing for empty or blank text', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences(' \n\t ')).toEqual([]);
  });
});

describe('segmentAt', () => {
  const text = 'One. Two?  Three';
  const segments = segmentSentences(text);

  it('finds the sentence under the caret, keeping a caret after a full stop with its sentence', () => {
    const at = (offset: number) => segmentAt(segments, offset);
    expect([at(0), at(3), at(4), at(5), at(9), at(10), at(11), at(text.length)]).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('says -1 when there are no sentences, and the first before them', () => {
    expect(segmentAt([], 3)).toBe(-1);
    expect(segmentAt(segmentSentences('   Hi.'), 0)).toBe(0);
  });
});
