/**
 * Keyboard shortcuts, one table for the whole app: what each does, its keys, and how it is written for the user.
 * Next and previous follow the reading direction: in Hebrew and Arabic "next" is the arrow pointing left, as the
 * text runs. Alt (Option) combinations are used so that typing in a field never triggers one by accident; the only
 * plain key is Escape.
 */
import { useEffect, useRef } from 'react';

export const SHORTCUTS = {
  compose: { key: 'n', alt: true },
  search: { key: 's', alt: true },
  send: { key: 'Enter', ctrl: true },
  acknowledge: { key: 'a', alt: true },
  next: { key: 'ArrowRight', alt: true, mirrored: true },
  previous: { key: 'ArrowLeft', alt: true, mirrored: true },
  back: { key: 'Escape' },
} as const satisfies Record<string, ShortcutSpec>;
export type ShortcutName = keyof typeof SHORTCUTS;

interface ShortcutSpec {
  readonly key: string;
  readonly alt?: boolean;
  readonly ctrl?: boolean;
  /** A horizontal arrow that swaps sides in a right-to-left layout. */
  readonly mirrored?: boolean;
}

const MIRROR: Readonly<Record<string, string>> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };

/** The key as pressed in this layout direction. */
export function keyFor(spec: ShortcutSpec, direction: 'ltr' | 'rtl'): string {
  return spec.mirrored && direction === 'rtl' ? (MIRROR[spec.key] ?? spec.key) : spec.key;
}

export function matches(spec: ShortcutSpec, event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>, direction: 'ltr' | 'rtl'): boolean {
  const key = keyFor(spec, direction);
  // With Alt held, some layouts (macOS, and Hebrew or Arabic ones) turn a letter into another character: the
  // physical key (`code`, e.g. "KeyN") is what the person pressed.
  const pressed = key.length === 1 ? event.key.toLowerCase() === key || event.code === `Key${key.toUpperCase()}` : event.key === key;
  return pressed && event.altKey === (spec.alt ?? false) && (event.ctrlKey || event.metaKey) === (spec.ctrl ?? false);
}

/** The keys as the `aria-keyshortcuts` attribute spells them ("Alt+N", "Control+Enter", "Alt+ArrowLeft"). */
export function ariaKeys(spec: ShortcutSpec, direction: 'ltr' | 'rtl'): string {
  const key = keyFor(spec, direction);
  return [spec.ctrl ? 'Control' : null, spec.alt ? 'Alt' : null, key.length === 1 ? key.toUpperCase() : key].filter(Boolean).join('+');
}

/** The keys as a person reads them ("Alt+N", "Ctrl+Enter", "Alt+←"): the same in every language, shown left to right. */
export function shownKeys(spec: ShortcutSpec, direction: 'ltr' | 'rtl'): string {
  const key = keyFor(spec, direction);
  const names: Readonly<Record<string, string>> = { ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };
  return [spec.ctrl ? 'Ctrl' : null, spec.alt ? 'Alt' : null, names[key] ?? (key.length === 1 ? key.toUpperCase() : key)].filter(Boolean).join('+');
}

const direction = (): 'ltr' | 'rtl' => (document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr');

/** Runs `handler` when the shortcut is pressed anywhere in the window, while `enabled`. */
export function useShortcut(name: ShortcutName, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matches(SHORTCUTS[name], event, direction())) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [name, enabled]);
}

/** The shortcut's two spellings for an element: its `aria-keyshortcuts`, and the text shown beside its label. */
export function shortcutLabel(name: ShortcutName): { aria: string; shown: string } {
  const dir = direction();
  return { aria: ariaKeys(SHORTCUTS[name], dir), shown: shownKeys(SHORTCUTS[name], dir) };
}
