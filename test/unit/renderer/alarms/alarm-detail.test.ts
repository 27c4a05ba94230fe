/** An alarm's particulars: posts and refusal codes are translated, numbers formatted, anything else shown as it came. */
import { describe, expect, it } from 'vitest';
import { detailValue, isLabelledDetail } from '../../../../renderer/alarms/alarm-detail';

describe('detailValue', () => {
  it('reads a post as a post, and a code as the error it names', () => {
    expect(detailValue('post', 'SY')).toEqual({ kind: 'post', post: 'SY' });
    expect(detailValue('code', 'not-sealed-to-desk')).toEqual({ kind: 'error', code: 'relay.not-sealed-to-desk' });
    expect(detailValue('code', 'relay.forbidden')).toEqual({ kind: 'error', code: 'relay.forbidden' });
  });

  it('keeps numbers as numbers and everything else as text', () => {
    expect(detailValue('index', 42)).toEqual({ kind: 'number', value: 42 });
    expect(detailValue('post', 'XX')).toEqual({ kind: 'text', text: 'XX' });
    expect(detailValue('code', 'made-up')).toEqual({ kind: 'text', text: 'made-up' });
    expect(detailValue('name', 'Duty desk')).toEqual({ kind: 'text', text: 'Duty desk' });
  });

  it('labels only the names it has translations for', () => {
    expect(isLabelledDetail('name')).toBe(true);
    expect(isLabelledDetail('seq')).toBe(true);
    expect(isLabelledDetail('somethingElse')).toBe(false);
  });
});
