/**
 * The one source of the content types. Everything the station edits under `assets/content/`
 * is described here; the TypeScript types are inferred from these schemas, never written twice.
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; our CSP forbids eval.
z.config({ jitless: true });

/** Every visitor-facing string: plain Chinese, or Chinese with an optional English twin. */
export const localizedString = z.union([
  z.string().min(1, 'must not be empty'),
  z.strictObject({
    zh: z.string().min(1, 'must not be empty'),
    en: z.string().min(1, 'must not be empty').optional(),
  }),
]);
export type LocalizedString = z.infer<typeof localizedString>;

/** Ids travel in URLs (`#/panel/<id>`), so they stay short, lower case and URL-safe. */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'ids use a–z, 0–9 and "-" (e.g. "cpc-founding-1921")');

/**
 * A date as precise as the source is: "1921", "1921-07" or "1921-07-23".
 * Kept as text so "今年 5 月" (May 2021) is not turned into an invented day.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
export type PartialDate = z.infer<typeof partialDate>;

/** A path under `assets/` (served from the site root), never a URL to another host. */
export const assetPath = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)(?![a-z][a-z0-9+.-]*:)[\w\-./]+$/i, 'image paths are relative to assets/, e.g. "photos/team.jpg"');

export const imageSchema = z.strictObject({
  src: assetPath,
  caption: localizedString,
  /** Alternative text; the caption stands in when it is missing. */
  alt: localizedString.optional(),
  /** True while the file is a generated stand-in for a photo the station has not supplied yet. */
  placeholder: z.boolean().optional(),
});
export type ImageInfo = z.infer<typeof imageSchema>;

const panelBase = {
  id: idSchema,
  title: localizedString,
  /** A short text printed on the board itself. */
  summary: localizedString.optional(),
  /** The card's full text, one string per paragraph. */
  body: z.array(localizedString).default([]),
  date: partialDate.optional(),
  images: z.array(imageSchema).default([]),
  /** Where the facts come from, shown in small print on the card. */
  source: localizedString.optional(),
};

/** A national milestone on the centenary timeline. */
export const milestonePanel = z.strictObject({
  ...panelBase,
  kind: z.literal('milestone'),
  date: partialDate,
});

/** An entry in the brigade's chronicle (大事记) or a programme it runs. */
export const eventPanel = z.strictObject({
  ...panelBase,
  kind: z.literal('event'),
});

export const personSchema = z.strictObject({
  name: localizedString,
  role: localizedString,
  honours: z.array(localizedString).default([]),
});
export type Person = z.infer<typeof personSchema>;

/** One or more members shown together, as the source tells their story together. */
export const memberPanel = z.strictObject({
  ...panelBase,
  kind: z.literal('member'),
  people: z.array(personSchema).min(1, 'a member panel names at least one person'),
});

export const statisticSchema = z.strictObject({
  label: localizedString,
  value: z.number().finite().nonnegative(),
  unit: localizedString.optional(),
});
export type Statistic = z.infer<typeof statisticSchema>;

/** A board of figures, e.g. a fire inspector's results since a given day. */
export const statsPanel = z.strictObject({
  ...panelBase,
  kind: z.literal('stats'),
  /** The figures count from this day. */
  since: partialDate.optional(),
  stats: z.array(statisticSchema).min(1, 'a statistics board has at least one figure'),
});

/** A notice board: a list of points (党务公开栏, 活动风采…). */
export const boardPanel = z.strictObject({
  ...panelBase,
  kind: z.literal('board'),
  points: z.array(localizedString).default([]),
});

/**
 * A board the station still has to fill. The source names the topic but gives no content,
 * so the exhibition says so plainly instead of inventing history.
 */
export const toFillPanel = z.strictObject({
  ...panelBase,
  kind: z.literal('to-fill'),
  /** What the board is waiting for, shown on the board and the card. */
  note: localizedString,
});

export const panelSchema = z.discriminatedUnion('kind', [
  milestonePanel,
  eventPanel,
  memberPanel,
  statsPanel,
  boardPanel,
  toFillPanel,
]);
export type Panel = z.infer<typeof panelSchema>;
export type PanelKind = Panel['kind'];

/** One file per section: the panels in the order they stand in the corridor. */
export const sectionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  panels: z.array(z.unknown()),
});

const colorHex = z.string().regex(/^#[0-9a-f]{6}$/i, 'colours are "#rrggbb"');

export const sectionEntrySchema = z.strictObject({
  id: idSchema,
  title: localizedString,
  subtitle: localizedString.optional(),
  /** Printed on the section's header board. */
  intro: localizedString.optional(),
  /** The panel file, relative to `assets/content/`. */
  file: z.string().regex(/^[\w-]+\.json$/, 'section files are plain names like "timeline.json"'),
  /** The section's accent colour (floor plan, directory). */
  accent: colorHex.optional(),
});
export type SectionEntry = z.infer<typeof sectionEntrySchema>;

export const exhibitionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  title: localizedString,
  subtitle: localizedString.optional(),
  host: localizedString,
  /** The theme slogan over the entrance. */
  theme: localizedString,
  /** The closing words on the far wall. */
  motto: localizedString.optional(),
  mottoCaption: localizedString.optional(),
  source: localizedString.optional(),
  sections: z.array(sectionEntrySchema).min(1, 'the exhibition needs at least one section'),
});
export type ExhibitionFile = z.infer<typeof exhibitionFileSchema>;

/** A section after loading: its entry plus the panels that passed validation. */
export interface Section extends SectionEntry {
  panels: Panel[];
}

/** The validated exhibition the rest of the app works from. */
export interface Exhibition extends Omit<ExhibitionFile, 'sections' | '$schema'> {
  sections: Section[];
}
