/** Search normalisation: two spellings a reader treats as the same word give the same tokens; different words do not. */
import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchTokens } from '../../../../../electron/common/search/normalize';

const same = (a: string, b: string) => expect(searchTokens(a)).toEqual(searchTokens(b));

describe('case and Latin', () => {
  it('folds case, including ß and final sigma, and Latin accents', () => {
    expect(searchTokens('Convoy CONVOY convoy')).toEqual(['convoy']);
    same('STRASSE', 'straße');
    same('ΟΔΟΣ', 'οδος');
    same('Café', 'cafe');
    same('ＦＵＬＬ', 'full'); // full-width, from some East Asian input methods
  });
});

describe('digits and numbers', () => {
  it('unifies the three digit sets', () => {
    expect(searchTokens('0600 ٠٦٠٠ ۰۶۰۰')).toEqual(['0600']);
  });

  it('keeps decimals and grouped thousands together, in any script', () => {
    same('3.5', '٣٫٥');
    same('1,250', '١٬٢٥٠');
    expect(searchTokens('1,250')).toEqual(['1250']);
    expect(searchTokens('at 2027.')).toEqual(['at', '2027']);
  });

  it('indexes a dotted date whole and by its parts', () => {
    expect(searchTokens('15.01.2027')).toEqual(['15.01.2027', '15', '01', '2027']);
  });
});

describe('Arabic', () => {
  it('strips harakat, tanween, shadda, sukun and superscript alef', () => {
    same('السَّلَامُ عَلَيْكُمْ', 'السلام عليكم');
    same('كِتَابٌ', 'كتاب');
    same('هٰذا', 'هذا');
  });

  it('strips Quranic annotation marks and tatweel', () => {
    same('الرَّحْمَٰنِ ۖ', 'الرحمن');
    same('مــــدرسة', 'مدرسة');
  });

  it('unifies the alef forms', () => {
    for (const alef of ['أحمد', 'إحمد', 'آحمد', 'ٱحمد', 'احمد']) expect(searchTokens(alef)).toEqual(['احمد']);
    same('ا\u0654حمد', 'أحمد'); // alef and combining hamza, as some keyboards produce it
  });

  it('unifies alef maqsura and Persian yeh with yaa, keheh with kaf, teh marbuta with heh', () => {
    same('مستشفى', 'مستشفي');
    same('علی', 'علي');
    same('کتاب', 'كتاب');
    same('مدرسة', 'مدرسه');
  });

  it('keeps hamza on waw and yaa, and tells different words apart', () => {
    expect(searchTokens('مسؤول')).toEqual(['مسؤول']);
    expect(searchTokens('قائد')).toEqual(['قائد']);
    expect(searchTokens('كتب')).not.toEqual(searchTokens('كتاب'));
  });

  it('reads presentation forms and the lam-alef ligature as the letters they show', () => {
    same('\uFEFB', 'لا');
    same('\uFE8D\uFEDF\uFEB4\uFEE0\uFE8E\uFEE1', 'السلام');
  });
});

describe('Hebrew', () => {
  it('strips niqqud, dagesh, shin/sin dots and cantillation', () => {
    same('שָׁלוֹם', 'שלום');
    same('בְּרֵאשִׁ֖ית', 'בראשית');
    same('\uFB2Aלום', 'שלום'); // shin with shin dot as one presentation-form code point
  });

  it('splits on maqaf and sof pasuq, which are punctuation', () => {
    expect(searchTokens('בית־ספר׃')).toEqual(['בית', 'ספר']);
  });

  it('joins acronyms written with gershayim, ASCII quotes or nothing', () => {
    same('צה״ל', 'צהל');
    same('צה"ל', 'צהל');
    same('רמטכ״ל', "רמטכ'ל");
    expect(searchTokens('"שלום"')).toEqual(['שלום']);
  });
});

describe('tokens', () => {
  it('splits on anything that is not a letter or digit, in every script, and ignores invisible marks', () => {
    expect(searchTokens('alpha,beta—gamma/דלת.هاء!36S')).toEqual(['alpha', 'beta', 'gamma', 'דלת', 'هاء', '36s']);
    same('con\u00ADvoy', 'convoy');
    same('\u200Fשלום\u200E', 'שלום');
    expect(searchTokens('one\u200Btwo')).toEqual(['one', 'two']);
  });

  it('gives each token once, in order of first appearance, and none for punctuation alone', () => {
    expect(searchTokens('b a b A')).toEqual(['b', 'a']);
    expect(searchTokens(' — ,.! ')).toEqual([]);
  });

  it('normalises running text without losing its word boundaries', () => {
    expect(normalizeForSearch('Hello, WORLD ٣')).toBe('hello, world 3');
  });
});
