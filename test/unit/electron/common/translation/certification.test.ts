/**
 * The rules every client applies to a review of a translation: the two-person rule (neither the same device nor the
 * same name), translators only, and a written reason for every failed check a certification accepts.
 */
import { describe, expect, it } from 'vitest';
import { judgeReview, type Original, type Submitted } from '../../../../../electron/common/translation/certification';

const original: Original = { lang: 'he', subject: 'תנועת רכבים', body: '3 רכבים ינועו בשעה 14:30.' };
const translator = { device: 'SY-one', name: 'مترجم أول', roles: ['translator'] as const };
const submitted = (body: string): Submitted => ({ lang: 'ar', subject: 'حركة مركبات', body, translator: { ...translator, roles: [...translator.roles] } });
const second = { device: 'SY-two', name: 'مترجمة ثانية', roles: ['translator' as const] };
const certify = (overrides: { check: 'number'; reason: string }[] = []) => ({ verdict: 'certified' as const, overrides });

describe('judgeReview', () => {
  it('accepts a second translator certifying a clean translation', () => {
    expect(judgeReview(certify(), second, submitted('ستتحرك 3 مركبات عند الساعة 14:30.'), original)).toEqual({ ok: true });
  });

  it('refuses the translator, on the same device or under the same name on another', () => {
    const clean = submitted('ستتحرك 3 مركبات عند الساعة 14:30.');
    expect(judgeReview(certify(), { ...second, device: 'SY-one' }, clean, original)).toMatchObject({ ok: false, reason: 'same-person' });
    expect(judgeReview(certify(), { ...second, name: ' مترجم أول ' }, clean, original)).toMatchObject({ ok: false, reason: 'same-person' });
    expect(judgeReview({ verdict: 'returned', overrides: [] }, { ...second, device: 'SY-one' }, clean, original)).toMatchObject({ ok: false, reason: 'same-person' });
  });

  it('refuses a reviewer without the translator role', () => {
    expect(judgeReview(certify(), { ...second, roles: ['officer'] }, submitted('ستتحرك 3 مركبات عند الساعة 14:30.'), original)).toMatchObject({ ok: false, reason: 'not-translator' });
  });

  it('re-runs the checks: a wrong digit needs a written reason to be certified, and may be returned without one', () => {
    const wrong = submitted('ستتحرك 4 مركبات عند الساعة 14:30.');
    expect(judgeReview(certify(), second, wrong, original)).toEqual({ ok: false, reason: 'checks-not-overridden', checks: ['number'] });
    expect(judgeReview(certify([{ check: 'number', reason: 'the original was corrected by phone' }]), second, wrong, original)).toEqual({ ok: true });
    expect(judgeReview({ verdict: 'returned', overrides: [] }, second, wrong, original)).toEqual({ ok: true });
  });
});
