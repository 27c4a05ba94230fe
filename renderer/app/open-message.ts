/** Opening a message from anywhere in the app (a list row, an alert banner), or the composer: the frame shows it. */
import { createContext, useContext } from 'react';

export const OpenMessageContext = createContext<(id: string) => void>(() => {});

export const useOpenMessage = (): ((id: string) => void) => useContext(OpenMessageContext);

/** Opens the composer (its draft already holds what it should show: a reply, say). */
export const OpenComposerContext = createContext<() => void>(() => {});

export const useOpenComposer = (): (() => void) => useContext(OpenComposerContext);
