/** Opening a message from anywhere in the app (a list row, an alert banner): the frame shows its view. */
import { createContext, useContext } from 'react';

export const OpenMessageContext = createContext<(id: string) => void>(() => {});

export const useOpenMessage = (): ((id: string) => void) => useContext(OpenMessageContext);
