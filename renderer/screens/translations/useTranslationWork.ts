/**
 * The translation being written, kept in the vault (sealed) as it is typed: loaded once when the editor opens (from
 * the draft saved here, else from a returned submission to rework), saved after each pause in typing.
 */
import { useEffect, useRef, useState } from 'react';
import type { Language } from '../../../electron/common/settings';
import { getCore } from '../../core/client';

const SAVE_PAUSE_MS = 400;

export interface Work {
  readonly subject: string;
  readonly body: string;
}

export function useTranslationWork(messageId: string, lang: Language, start: Work) {
  const [work, setWork] = useState<Work | null>(null);
  const [saved, setSaved] = useState(false);
  const startRef = useRef(start);
  useEffect(() => {
    let live = true;
    getCore()
      .translationWork(messageId, lang)
      .then((held) => {
        if (live) setWork(held ? { subject: held.subject, body: held.body } : startRef.current);
      })
      .catch((error: unknown) => console.error('translation draft not read', error));
    return () => {
      live = false;
    };
  }, [messageId, lang]);
  const edited = useRef(false);
  useEffect(() => {
    if (!work || !edited.current) return;
    const timer = setTimeout(() => {
      getCore()
        .saveTranslationWork(messageId, lang, work.subject, work.body)
        .then(() => setSaved(true))
        .catch((error: unknown) => console.error('translation draft not saved', error));
    }, SAVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [messageId, lang, work]);
  const edit = (next: Partial<Work>) => {
    edited.current = true;
    setSaved(false);
    setWork((current) => ({ ...(current ?? startRef.current), ...next }));
  };
  return { work, edit, saved };
}
