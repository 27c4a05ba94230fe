/**
 * Templated messages (DESIGN §3): the facts that must not be misread — places, times, quantities — are data, not
 * prose. Every reader's screen renders them in the reader's language from the same data, so a number cannot differ
 * between the Hebrew, Arabic and English views. The free-text fields stay as the author wrote them (a translator
 * translates those).
 *
 * Locations are kept as the author typed them and must parse (MGRS with its grid zone, or latitude/longitude);
 * times are instants (ms since the epoch), shown as a DTG with the local times at both posts.
 */
import { z } from 'zod';
import { parseLocation } from '../geo/location';
import { Time } from '../protocol/schemas';
import type { Category } from './precedence';

const FreeText = (max: number) => z.string().trim().min(1).max(max);
export const LocationText = z
  .string()
  .max(120)
  .refine((text) => parseLocation(text).ok, 'not a location');

export const COOPERATION_SECTORS = ['medical', 'energy', 'agriculture'] as const;
export const QUANTITY_UNITS = ['kg', 't', 'l', 'm3', 'MWh', 'doses', 'units'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

export const PlannedActivity = z
  .strictObject({
    kind: z.literal('planned-activity'),
    activity: FreeText(500),
    area: LocationText,
    from: Time,
    until: Time,
    contact: FreeText(200),
  })
  .refine((data) => data.until > data.from, { message: 'the window ends before it starts', path: ['until'] });

export const IncidentReport = z.strictObject({
  kind: z.literal('incident'),
  what: FreeText(1000),
  where: LocationText,
  when: Time,
  /** null: not known yet. */
  casualties: z.number().int().min(0).max(100_000).nullable(),
  request: z.string().trim().max(1000),
});

export const CooperationRequest = z.strictObject({
  kind: z.literal('cooperation'),
  sector: z.enum(COOPERATION_SECTORS),
  need: FreeText(500),
  quantity: z.strictObject({ amount: z.number().positive().max(1e9), unit: z.enum(QUANTITY_UNITS) }),
  location: LocationText,
  deadline: Time,
});

export const TemplateData = z.discriminatedUnion('kind', [PlannedActivity, IncidentReport, CooperationRequest]);
export type TemplateData = z.infer<typeof TemplateData>;
export type TemplateKind = TemplateData['kind'];
export const TEMPLATE_KINDS = ['planned-activity', 'incident', 'cooperation'] as const satisfies readonly TemplateKind[];

/** The category a template's message files under. */
export function categoryOf(template: TemplateData): Category {
  switch (template.kind) {
    case 'planned-activity':
      return 'deconfliction';
    case 'incident':
      return 'incident';
    case 'cooperation':
      return template.sector;
  }
}
