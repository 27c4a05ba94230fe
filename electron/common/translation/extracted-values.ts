// Every value of one text, taken in the order that keeps them apart (see scanned-text.ts).
import { extractCoordinates, type Coordinate } from './extract-coordinates';
import { extractDates, type CalendarDate } from './extract-dates';
import { extractNumbers, type Numbers } from './extract-numbers';
import { extractQuantities, type Quantity } from './extract-quantities';
import { extractDtgs, extractTimes, type DateTimeGroup, type TimeOfDay } from './extract-times';
import { ScannedText } from './scanned-text';

export interface ExtractedValues {
  readonly coordinates: readonly Coordinate[];
  readonly dtgs: readonly DateTimeGroup[];
  readonly dates: readonly CalendarDate[];
  readonly times: readonly TimeOfDay[];
  readonly quantities: readonly Quantity[];
  readonly numbers: Numbers;
  /**
   * The normalized text with coordinates, DTGs, dates, times (and their zone markers) and quantities blanked: what
   * terms and names are looked for in, so that "14:30 Damascus time" does not also name the place Damascus.
   */
  readonly rest: string;
}

/** `normalized` is the text after normalizeForSearch (see checked-text.ts). */
export function extractValues(normalized: string): ExtractedValues {
  const scan = new ScannedText(normalized);
  const coordinates = extractCoordinates(scan);
  const dtgs = extractDtgs(scan);
  const dates = extractDates(scan);
  const times = extractTimes(scan);
  const quantities = extractQuantities(scan);
  const rest = scan.text;
  const numbers = extractNumbers(scan);
  return { coordinates, dtgs, dates, times, quantities, numbers, rest };
}
