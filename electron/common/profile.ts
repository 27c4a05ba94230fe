/**
 * A profile keeps one device's data apart from another's on the same machine (`--profile NAME` in the desktop app,
 * `?profile=NAME` in browser mode). The name ends up in a folder or storage key, so it is limited to a safe alphabet
 * rather than escaped.
 */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const DEFAULT_PROFILE = 'default';

export function isProfileName(value: string): boolean {
  return PROFILE_NAME_PATTERN.test(value);
}
