/**
 * The compose form's state, kept as a draft in the vault as it is typed (a short pause after the last keystroke), and
 * read back when the composer opens: a reload, a crash or a restart loses nothing. Sending discards it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComposeDraft } from '../../core/api';
import { getCore } from '../../core/client';

const SAVE_PAUSE_MS = 400;

export interface DraftState {
  /** Null until the stored draft has been read (the form waits, so it never overwrites it with an empty one). */
  readonly form: ComposeDraft | null;
  readonly update: (patch: Partial<ComposeDraft>) => void;
  /** Back to an empty form, and the stored draft gone. */
  readonly clear: () => Promise<void>;
  /** A save that failed: the draft is still on screen. */
  readonly saveError: unknown;
}

export function useComposeDraft(empty: () => ComposeDraft): DraftState {
  const [form, setForm] = useState<ComposeDraft | null>(null);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const dirty = useRef(false);
  const emptyRef = useRef(empty);

  useEffect(() => {
    let live = true;
    getCore()
      .draft()
      .then(
        (stored) => live && setForm(stored ?? emptyRef.current()),
        () => live && setForm(emptyRef.current()),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!form || !dirty.current) return;
    const timer = setTimeout(() => {
      getCore()
        .saveDraft(form)
        .then(() => setSaveError(undefined), setSaveError);
    }, SAVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [form]);

  const update = useCallback((patch: Partial<ComposeDraft>) => {
    dirty.current = true;
    setForm((current) => (current ? { ...current, ...patch } : current));
  }, []);

  const clear = useCallback(async () => {
    dirty.current = false;
    setForm(emptyRef.current());
    await getCore().discardDraft();
  }, []);

  return { form, update, clear, saveError };
}
