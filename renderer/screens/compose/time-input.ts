/**
 * Times as a person types them into a form: a DTG (UTC, the line's authoritative form), or the local wall-clock time
 * at either post from the browser's date-time picker. Either way the result is one instant, which every reader then
 * sees as the DTG and both posts' local times.
 */
import { parseDtg, POST_TIME_ZONES, utcOffsetMinutes } from '../../../electron/common/time/dtg';

export const TIME_ZONE_CHOICES = ['UTC', 'IL', 'SY'] as const;
export type TimeZoneChoice = (typeof TIME_ZONE_CHOICES)[number];

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time at a post stands for. The zone's offset is taken at the instant itself (not at the
 * wall time read as UTC), so a time just after Israel's clocks change resolves right. A wall time that occurs twice
 * (the autumn change) reads as its first occurrence.
 */
export function instantOfWallTime(wall: number, zone: string): number {
  const first = wall - utcOffsetMinutes(wall, zone) * 60_000;
  const second = wall - utcOffsetMinutes(first, zone) * 60_000;
  return Math.min(first, second);
}

/** The instant typed, or null if it is not one. `UTC`: a DTG; `IL` / `SY`: a `YYYY-MM-DDTHH:MM` local time at that post. */
export function parseTimeInput(text: string, zone: TimeZoneChoice): number | null {
  if (zone === 'UTC') return parseDtg(text);
  const match = LOCAL_INPUT.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return instantOfWallTime(wall, POST_TIME_ZONES[zone]);
}
