/** The app's sections, in navigation order. */
export const SECTIONS = ['inbox', 'compose', 'translations', 'desk', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
