// One pair to check, as the `qa` command reads it (one JSON object per line of an audit file). Extra fields are
// allowed and ignored, so an annotated corpus (with the faults it expects) is checked as it stands.
import { z } from 'zod';
import { LANGUAGES } from '../settings';

const Side = z.looseObject({ lang: z.enum(LANGUAGES), text: z.string() });

export const CheckRequest = z.looseObject({ id: z.string(), source: Side, target: Side });
export type CheckRequest = z.infer<typeof CheckRequest>;
