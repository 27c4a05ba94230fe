/** Pairing the sentences of an original and its translation, for highlighting the counterpart of the current one. */
import { describe, expect, it } from 'vitest';
import { alignSegments, counterpartOf } from '../../../../../electron/common/translation/align';
import { segmentSentences } from '../../../../../electron/common/translation/segment';

describe('alignSegments', () => {
  it('pairs by index when both sides have as many sentences', () => {
    const groups = alignSegments(segmentSentences('השיירה יצאה. היא תגיע בשעה 14:30.'), segmentSentences('The convoy left. It will arrive at 14:30.'));
    expect(groups).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
    ]);
  });

  it('groups a sentence the translator split in two by length', () => {
    const source = segmentSentences(
      'The convoy of twelve trucks left the northern crossing at dawn and will reach the southern checkpoint by noon. Confirm. Out.',
    );
    const target = segmentSentences('غادرت القافلة المؤلفة من اثنتي عشرة شاحنة المعبر الشمالي فجراً. وستصل إلى نقطة التفتيش الجنوبية ظهراً. أكدوا. انتهى.');
    const groups = alignSegments(source, target);
    expect(groups).toEqual([
      { source: [0], target: [0, 1] },
      { source: [1], target: [2] },
      { source: [2], target: [3] },
    ]);
    expect(counterpartOf(groups, 'target', 1)).toEqual([0]);
    expect(counterpartOf(groups, 'source', 0)).toEqual([0, 1]);
  });

  it('leaves the sentences not yet translated without counterpart while the translation is being written', () => {
    const source = segmentSentences(
      'השיירה יצאה מהמעבר הצפוני. היא תגיע לנקודה הדרומית עד הצהריים. נא לאשר את קבלת ההודעה עד השעה 10:00. אנשי הקשר ללא שינוי.',
    );
    const target = segmentSentences('The convoy left the northern crossing. It will reach the southern point by noon.');
    expect(alignSegments(source, target)).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [] },
      { source: [3], target: [] },
    ]);
  });

  it('leaves a sentence with no counterpart on its own, and an empty side aligned to nothing', () => {
    const source = segmentSentences('Short. A much longer sentence about the agreed crossing schedule for tomorrow morning. Out.');
    const target = segmentSentences('Short. Out.');
    const groups = alignSegments(source, target);
    expect(counterpartOf(groups, 'source', 1)).toEqual([]);
    expect(counterpartOf(groups, 'source', 2)).toEqual([1]);
    expect(alignSegments(source, [])).toEqual([
      { source: [0], target: [] },
      { source: [1], target: [] },
      { source: [2], target: [] },
    ]);
  });
});
