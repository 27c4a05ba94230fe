// The value checks: numbers, coordinates, DTGs, times, dates and units must be the same in the original and the
// translation. Each difference is reported once, under the check it belongs to: a quantity whose number changed
// ("2 km" → "3 km") is a number finding; one whose number is still there but whose unit was dropped or changed
// ("2 km" → "2", "2 m") is a unit finding.
import { formatDate, type CalendarDate } from './extract-dates';
import type { Quantity } from './extract-quantities';
import { formatTimeOfDay, type TimeOfDay } from './extract-times';
import type { ExtractedValues } from './extracted-values';
import { finding, type Finding } from './findings';
import { difference, unmatched } from './multiset';
import { describeZone, zoneOffsets } from './time-zones';

const MINUTES_PER_DAY = 1440;
const numberKey = (value: number): string => String(value);
const quantityKey = (q: Quantity): string => `${q.value} ${q.unit}`;
const dateKey = (d: CalendarDate): string => `${d.year ?? ''}-${d.month}-${d.day}`;
const timeKey = (t: TimeOfDay): string => `${t.minutes} ${t.zone ?? ''}`;
const describeTime = (t: TimeOfDay): string => `${formatTimeOfDay(t.minutes)}${t.zone === null ? '' : ` ${describeZone(t.zone)}`}`;
const formatNumber = (value: number): string => String(value);

function checkNumbers(source: ExtractedValues, target: ExtractedValues): { findings: Finding[]; missing: Set<string>; extra: Set<string> } {
  const values = (v: ExtractedValues) => [...v.numbers.digits, ...v.quantities.map((q) => q.value)];
  const { missing, extra } = difference(values(source), values(target), numberKey);
  const stillMissing = unmatched(missing, target.numbers.words, numberKey, numberKey);
  const stillExtra = unmatched(extra, source.numbers.words, numberKey, numberKey);
  return {
    findings: [
      ...stillMissing.map((value) => finding('numberMissing', { value: formatNumber(value) })),
      ...stillExtra.map((value) => finding('numberExtra', { value: formatNumber(value) })),
    ],
    missing: new Set(stillMissing.map(numberKey)),
    extra: new Set(stillExtra.map(numberKey)),
  };
}

function checkUnits(source: ExtractedValues, target: ExtractedValues, numbers: { missing: Set<string>; extra: Set<string> }): Finding[] {
  const { missing, extra } = difference(source.quantities, target.quantities, quantityKey);
  const values = (q: Quantity) => ({ value: formatNumber(q.value), unit: q.unit });
  return [
    ...missing.filter((q) => !numbers.missing.has(numberKey(q.value))).map((q) => finding('unitMissing', values(q))),
    ...extra.filter((q) => !numbers.extra.has(numberKey(q.value))).map((q) => finding('unitExtra', values(q))),
  ];
}

/** The instant the message's zones are read at: its first DTG, else its first dated day (noon UTC), else none. */
function referenceInstant(values: ExtractedValues): number | null {
  const dtg = values.dtgs[0];
  if (dtg !== undefined) return dtg.epochMs;
  const dated = values.dates.find((d) => d.year !== null);
  return dated === undefined || dated.year === null ? null : Date.UTC(dated.year, dated.month - 1, dated.day, 12);
}

/** Whether `converted` states the same instant as `original` in another zone (a conversion added beside it). */
function isConversion(converted: TimeOfDay, original: TimeOfDay, reference: number | null): boolean {
  if (converted.zone === null || original.zone === null || converted.zone === original.zone) return false;
  return zoneOffsets(original.zone, reference).some((from) =>
    zoneOffsets(converted.zone ?? '', reference).some(
      (to) => (((original.minutes - from - (converted.minutes - to)) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY === 0,
    ),
  );
}

/** A time of the original must be in the translation with the same zone; the translation may add conversions. */
function checkTimes(source: ExtractedValues, target: ExtractedValues): Finding[] {
  const { missing, extra } = difference(source.times, target.times, timeKey);
  const reference = referenceInstant(source);
  const unexplained = extra.filter((t) => !source.times.some((s) => isConversion(t, s, reference)));
  const dtgs = difference(source.dtgs, target.dtgs, (d) => String(d.epochMs));
  return [
    ...dtgs.missing.map((d) => finding('dtgMissing', { value: d.canonical })),
    ...dtgs.extra.map((d) => finding('dtgExtra', { value: d.canonical })),
    ...missing.map((t) => finding('timeMissing', { value: describeTime(t) })),
    ...unexplained.map((t) => finding('timeExtra', { value: describeTime(t) })),
  ];
}

export function checkValues(source: ExtractedValues, target: ExtractedValues): Finding[] {
  const numbers = checkNumbers(source, target);
  const coordinates = difference(source.coordinates, target.coordinates, (c) => c.canonical);
  const dates = difference(source.dates, target.dates, dateKey);
  return [
    ...numbers.findings,
    ...coordinates.missing.map((c) => finding('coordinateMissing', { value: c.canonical })),
    ...coordinates.extra.map((c) => finding('coordinateExtra', { value: c.canonical })),
    ...checkTimes(source, target),
    ...dates.missing.map((d) => finding('dateMissing', { value: formatDate(d) })),
    ...dates.extra.map((d) => finding('dateExtra', { value: formatDate(d) })),
    ...checkUnits(source, target, numbers),
  ];
}
