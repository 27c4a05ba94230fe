/** Shortcuts match the keys pressed, mirror next/previous in right-to-left layouts, and are spelt the same way shown. */
import { describe, expect, it } from 'vitest';
import { ariaKeys, matches, SHORTCUTS, shownKeys } from '../../../../renderer/app/shortcuts';

const press = (key: string, modifiers: { alt?: boolean; ctrl?: boolean; meta?: boolean; code?: string } = {}) => ({
  key,
  code: modifiers.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key),
  altKey: modifiers.alt ?? false,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
});

describe('shortcuts', () => {
  it('mirrors next and previous in a right-to-left layout: next points the way the text runs', () => {
    expect(matches(SHORTCUTS.next, press('ArrowRight', { alt: true }), 'ltr')).toBe(true);
    expect(matches(SHORTCUTS.next, press('ArrowRight', { alt: true }), 'rtl')).toBe(false);
    expect(matches(SHORTCUTS.next, press('ArrowLeft', { alt: true }), 'rtl')).toBe(true);
    expect(matches(SHORTCUTS.previous, press('ArrowRight', { alt: true }), 'rtl')).toBe(true);
    expect(shownKeys(SHORTCUTS.next, 'ltr')).toBe('Alt+→');
    expect(shownKeys(SHORTCUTS.next, 'rtl')).toBe('Alt+←');
    expect(ariaKeys(SHORTCUTS.next, 'rtl')).toBe('Alt+ArrowLeft');
  });

  it('reads a letter by the physical key, so a Hebrew or Arabic layout (or Alt turning it into another character) still works', () => {
    expect(matches(SHORTCUTS.acknowledge, press('ש', { alt: true, code: 'KeyA' }), 'rtl')).toBe(true);
    expect(matches(SHORTCUTS.acknowledge, press('å', { alt: true, code: 'KeyA' }), 'ltr')).toBe(true);
    expect(matches(SHORTCUTS.acknowledge, press('a'), 'ltr')).toBe(false); // typing "a" in a field is not a shortcut
    expect(ariaKeys(SHORTCUTS.acknowledge, 'ltr')).toBe('Alt+A');
  });

  it('takes Ctrl or Cmd with Enter to send, and nothing else', () => {
    expect(matches(SHORTCUTS.send, press('Enter', { ctrl: true }), 'ltr')).toBe(true);
    expect(matches(SHORTCUTS.send, press('Enter', { meta: true }), 'ltr')).toBe(true);
    expect(matches(SHORTCUTS.send, press('Enter'), 'ltr')).toBe(false);
    expect(matches(SHORTCUTS.send, press('Enter', { ctrl: true, alt: true }), 'ltr')).toBe(false);
    expect(shownKeys(SHORTCUTS.send, 'rtl')).toBe('Ctrl+Enter');
  });

  it('gives every shortcut its own keys', () => {
    const spelt = Object.values(SHORTCUTS).map((spec) => ariaKeys(spec, 'ltr'));
    expect(new Set(spelt).size).toBe(spelt.length);
  });
});
