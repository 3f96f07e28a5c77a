/**
 * The one source of the content types. Everything the station edits under `assets/content/`
 * is described here; the TypeScript types are inferred from these schemas, never written twice.
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; our CSP forbids eval.
z.config({ jitless: true });

/**
 * The schema's own messages, in English (zod's message) with the Chinese that staff read.
 * `describeIssue` in load.ts looks the Chinese up by the English text.
 */
const MESSAGES = {
  empty: { en: 'must not be empty', zh: '不能为空' },
  id: {
    en: 'ids use a–z, 0–9 and "-" (e.g. "cpc-founding-1921")',
    zh: 'id 只能用小写字母 a–z、数字 0–9 和 "-"，最长 64 个字符（例如 "cpc-founding-1921"）',
  },
  date: {
    en: 'dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    zh: '日期应写成 "YYYY"、"YYYY-MM" 或 "YYYY-MM-DD"（例如 "2021-07-01"）',
  },
  noSuchDay: { en: 'this day does not exist in that month', zh: '这个月没有这一天' },
  imageUrl: {
    en: 'images must be files under assets/, not web addresses (e.g. "photos/team.jpg")',
    zh: '图片必须是 assets/ 下的文件，不能是网址（例如 "photos/team.jpg"）',
  },
  imageDotDot: {
    en: 'image paths must not contain ".." (e.g. "photos/team.jpg")',
    zh: '图片路径里不能有 ".."（例如 "photos/team.jpg"）',
  },
  audioUrl: {
    en: 'narration files must be files under assets/, not web addresses (e.g. "audio/cpc-founding-1921.mp3")',
    zh: '讲解音频必须是 assets/ 下的文件，不能是网址（例如 "audio/cpc-founding-1921.mp3"）',
  },
  audioDotDot: {
    en: 'narration paths must not contain ".." (e.g. "audio/cpc-founding-1921.mp3")',
    zh: '讲解音频路径里不能有 ".."（例如 "audio/cpc-founding-1921.mp3"）',
  },
  audioPath: {
    en: 'narration paths are relative to assets/, e.g. "audio/cpc-founding-1921.mp3": folders separated by "/", letters, digits, "-", "_" and "." only',
    zh: '讲解音频路径从 assets/ 下的文件夹写起（例如 "audio/cpc-founding-1921.mp3"）：用 "/" 分隔文件夹，开头不要 "/"，文件名只用英文字母、数字、"-"、"_" 和 "."',
  },
  imagePath: {
    en: 'image paths are relative to assets/, e.g. "photos/team.jpg": folders separated by "/", letters, digits, "-", "_" and "." only',
    zh: '图片路径从 assets/ 下的文件夹写起（例如 "photos/team.jpg"）：用 "/" 分隔文件夹，开头不要 "/"，不要写 C:\\ 这样的电脑路径，文件名只用英文字母、数字、"-"、"_" 和 "."',
  },
  sectionFile: { en: 'section files are plain names like "timeline.json"', zh: '栏目文件只写文件名，例如 "timeline.json"' },
  colour: { en: 'colours are "#rrggbb"', zh: '颜色写成 "#rrggbb"（例如 "#b3121a"）' },
  people: { en: 'a member panel names at least one person', zh: '人物展板（member）至少要写一个人' },
  stats: { en: 'a statistics board has at least one figure', zh: '数据展板（stats）至少要有一个数字' },
  sections: { en: 'the exhibition needs at least one section', zh: '展览至少需要一个栏目' },
  phrases: { en: 'an oath panel holds at least one phrase', zh: '誓词展板（oath）至少要有一句誓词' },
  crop: {
    en: 'the crop must stay inside the photo (x + width and y + height at most 1)',
    zh: '裁剪范围必须在照片之内（x + width、y + height 都不能大于 1）',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

/** The Chinese for one of the schema's English messages, if it is one of them. */
export function chineseMessage(en: string): string | undefined {
  return Object.values(MESSAGES).find((message) => message.en === en)?.zh;
}

/**
 * The longest texts accepted, in characters of the Chinese text. English runs about three times
 * as long as the same Chinese, so it may be `EN_LENGTH_FACTOR` times longer. A limit keeps a
 * pasted book from freezing the corridor: it is an error with the limit named, never a hang.
 */
export const TEXT_LIMITS = {
  title: 60,
  subtitle: 60,
  summary: 200,
  paragraph: 4000,
  caption: 120,
  alt: 200,
  point: 200,
  note: 200,
  source: 200,
  intro: 400,
  name: 30,
  role: 60,
  honour: 60,
  label: 60,
  unit: 20,
  /** One phrase of the oath, lit and captioned on its own. */
  phrase: 60,
  /** Any other text. */
  text: 1000,
} as const;
export const EN_LENGTH_FACTOR = 3;

/** A visitor-facing text of at most `maxZh` characters (English: `EN_LENGTH_FACTOR` times that). */
export function localizedText(maxZh: number) {
  const zh = z.string().min(1, MESSAGES.empty.en).max(maxZh);
  return z.union([
    zh,
    z.strictObject({
      zh,
      en: z
        .string()
        .min(1, MESSAGES.empty.en)
        .max(maxZh * EN_LENGTH_FACTOR)
        .optional(),
    }),
  ]);
}

/** Editor hover text: Chinese first, then English. */
export const hint = (title: string, zh: string, en: string) => ({ title, description: `${zh}\n${en}` });

/** A schema's editor help, as `.meta()` carries it: a title, and its hover text in both languages. */
export type SchemaHelp = ReturnType<typeof hint>;

/**
 * The metadata objects that will carry editor help, by key. The help itself (a title and hover
 * text for every field, some 90 of them) is not written here but in schemaHelp.ts: the page never
 * shows it, and it would be in the visitor's first load, where this file is (issue 20, initial JS).
 * Each schema with help is given its metadata object by `helpSlot()`, in the place its help was
 * always given (a clone of its own, as `.meta()` makes), and `installSchemaHelp()` (schemaHelp.ts:
 * the curator's forms and the JSON Schema writer call it before they read any) fills each object
 * in place: zod keeps the object it was given, so the schemas then read as if it were written here.
 */
const HELP_SLOTS = new Map<string, { id?: string } & Partial<SchemaHelp>>();

/** The metadata object for a schema's `.meta()`: its `id`, if it has one, and the help to come under `key`. */
export function helpSlot(key: string, meta: { id?: string } = {}): { id?: string } & Partial<SchemaHelp> {
  if (HELP_SLOTS.has(key)) throw new Error(`schema help "${key}" is given twice`);
  HELP_SLOTS.set(key, meta);
  return meta;
}

/** Every metadata object waiting for its help, by key (schemaHelp.ts fills them). */
export function schemaHelpSlots(): ReadonlyMap<string, { id?: string } & Partial<SchemaHelp>> {
  return HELP_SLOTS;
}

export const textHint = (name: string, nameEn: string, zh: string, en: string, maxZh: number) =>
  hint(
    `${name} ${nameEn}`,
    `${zh}写中文，或写成 { "zh": "中文", "en": "English" }；中文最多 ${maxZh} 个字，英文最多 ${maxZh * EN_LENGTH_FACTOR} 个字符。`,
    `${en} Plain Chinese, or { "zh": "…", "en": "…" }; Chinese up to ${maxZh} characters, English up to ${maxZh * EN_LENGTH_FACTOR}.`,
  );

/** A localized text field with its limit, and its editor help to come under `help` (schemaHelp.ts). */
const textField = (limit: keyof typeof TEXT_LIMITS, help: string) => localizedText(TEXT_LIMITS[limit]).meta(helpSlot(help));

/** Every visitor-facing string: plain Chinese, or Chinese with an optional English twin. */
export const localizedString = localizedText(TEXT_LIMITS.text);
export type LocalizedString = z.infer<typeof localizedString>;

/** Ids travel in URLs (`#/panel/<id>`), so they stay short, lower case and URL-safe. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, MESSAGES.id.en)
  .meta(helpSlot('id', { id: 'Id' }));

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A date as precise as the source is: "1921", "1921-07" or "1921-07-23".
 * Kept as text so "今年 5 月" (May 2021) is not turned into an invented day.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, MESSAGES.date.en)
  .refine((date) => {
    const [year, month, day] = date.split('-').map(Number);
    // Only a well-formed full date is checked here; the pattern reports the rest.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !year || !month || !day || month > 12) return true;
    return day <= daysInMonth(year, month);
  }, MESSAGES.noSuchDay.en)
  .meta(helpSlot('partialDate', { id: 'PartialDate' }));
export type PartialDate = z.infer<typeof partialDate>;

/**
 * A path under `assets/` (served from the site root), never a URL to another host.
 * Three patterns, so a web address and a ".." each get their own message.
 */
function assetPathSchema(messages: { url: string; dotDot: string; path: string }) {
  return z
    .string()
    .max(200)
    .regex(/^(?![A-Za-z][A-Za-z0-9+.-]+:)(?!\/\/)/, messages.url)
    .regex(/^(?!.*\.\.)/, messages.dotDot)
    .regex(/^(?:[A-Za-z][A-Za-z0-9+.-]+:.*|\/\/.*|.*\.\..*|[\w\-.][\w\-./]*)$/, messages.path);
}

export const assetPath = assetPathSchema({
  url: MESSAGES.imageUrl.en,
  dotDot: MESSAGES.imageDotDot.en,
  path: MESSAGES.imagePath.en,
}).meta(helpSlot('assetPath', { id: 'AssetPath' }));

/** A narration file (audio or its WebVTT captions) under `assets/`. */
const audioPath = assetPathSchema({
  url: MESSAGES.audioUrl.en,
  dotDot: MESSAGES.audioDotDot.en,
  path: MESSAGES.audioPath.en,
}).meta(helpSlot('audioPath', { id: 'AudioPath' }));

/** One recorded narration: the audio file and, for visitors who cannot hear it, its captions. */
export const narrationFileSchema = z
  .strictObject({
    src: audioPath,
    /** WebVTT captions, shown line by line while the audio plays. */
    captions: audioPath.optional().meta(helpSlot('narrationFile.captions')),
  })
  .meta(helpSlot('narrationFile', { id: 'NarrationFile' }));
export type NarrationFile = z.infer<typeof narrationFileSchema>;

/**
 * A panel's recorded narration, like visitor-facing text: one recording (Chinese), or one per
 * language. A language without a recording is read by the browser's speech synthesis instead.
 */
export const narrationSchema = z
  .union([narrationFileSchema, z.strictObject({ zh: narrationFileSchema.optional(), en: narrationFileSchema.optional() })])
  .meta(helpSlot('narration'));
export type Narration = z.infer<typeof narrationSchema>;

/** A share of the photo's width or height, from its left or top edge. */
const cropFraction = (help: string) => z.number().min(0).max(1).meta(helpSlot(help));
/** A crop's side: at least a tenth of the photo, so a slip of the finger cannot leave a sliver. */
const cropSide = (help: string) => cropFraction(help).min(0.1);
/** Rounding of the shares as typed or dragged (0.3333…) must not count as leaving the photo. */
const CROP_SLACK = 1e-6;

/**
 * The part of the photo the board and the card show, as shares of the upright photo's width and
 * height from its top-left corner: a phone's photo of a ceremony with a lot of ceiling is cut to
 * the people. The photo file itself is kept whole (another board may show all of it).
 */
export const cropSchema = z
  .strictObject({
    x: cropFraction('crop.x'),
    y: cropFraction('crop.y'),
    width: cropSide('crop.width'),
    height: cropSide('crop.height'),
  })
  .refine((crop) => crop.x + crop.width <= 1 + CROP_SLACK && crop.y + crop.height <= 1 + CROP_SLACK, MESSAGES.crop.en)
  .meta(helpSlot('crop', { id: 'Crop' }));
export type Crop = z.infer<typeof cropSchema>;

export const imageSchema = z
  .strictObject({
    src: assetPath,
    caption: textField('caption', 'image.caption'),
    /** Alternative text; the caption stands in when it is missing. */
    alt: textField('alt', 'image.alt').optional(),
    crop: cropSchema.optional(),
    /** True while the file is a generated stand-in for a photo the station has not supplied yet. */
    placeholder: z.boolean().optional().meta(helpSlot('image.placeholder')),
  })
  .meta(helpSlot('image', { id: 'Image' }));
export type ImageInfo = z.infer<typeof imageSchema>;

const panelBase = {
  id: idSchema,
  title: textField('title', 'panelBase.title'),
  /** A short text printed on the board itself. */
  summary: textField('summary', 'panelBase.summary').optional(),
  /** The card's full text, one string per paragraph. */
  body: z.array(textField('paragraph', 'panelBase.body[]')).default([]).meta(helpSlot('panelBase.body')),
  date: partialDate.optional(),
  images: z.array(imageSchema).default([]).meta(helpSlot('panelBase.images')),
  /** Where the facts come from, shown in small print on the card. */
  source: textField('source', 'panelBase.source').optional(),
  /** Other panels worth reading next (相关展板), by id; shown on the card as links. */
  related: z.array(idSchema).optional().meta(helpSlot('panelBase.related')),
  /** Read aloud by the card's 朗读 button; without it the browser's speech synthesis reads the text. */
  narration: narrationSchema.optional(),
};

/** A panel kind's `kind` field, its editor help under "panel.kind.<kind>". */
const kindHint = <const Kind extends string>(kind: Kind) => z.literal(kind).meta(helpSlot(`panel.kind.${kind}`));

/**
 * Which period of the Party's history a milestone belongs to: the id of one of the `periods` in
 * exhibition.json. The content check reports an id that names no period, a date outside the
 * period's years and periods out of order along the timeline (a JSON Schema cannot see another file).
 */
const periodRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, MESSAGES.id.en)
  .meta(helpSlot('periodRef'));

/** A national milestone on the centenary timeline. */
export const milestonePanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('milestone'),
    date: partialDate,
    period: periodRef,
  })
  .meta({ id: 'MilestonePanel' });

/** An entry in the brigade's chronicle (大事记) or a programme it runs. */
export const eventPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('event'),
  })
  .meta({ id: 'EventPanel' });

export const personSchema = z
  .strictObject({
    name: textField('name', 'person.name'),
    role: textField('role', 'person.role'),
    honours: z.array(textField('honour', 'person.honours[]')).default([]).meta(helpSlot('person.honours')),
  })
  .meta(helpSlot('person', { id: 'Person' }));
export type Person = z.infer<typeof personSchema>;

/** One or more members shown together, as the source tells their story together. */
export const memberPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('member'),
    people: z.array(personSchema).min(1, MESSAGES.people.en).meta(helpSlot('memberPanel.people')),
  })
  .meta({ id: 'MemberPanel' });

export const statisticSchema = z
  .strictObject({
    label: textField('label', 'statistic.label'),
    value: z.number().finite().nonnegative().meta(helpSlot('statistic.value')),
    unit: textField('unit', 'statistic.unit').optional(),
  })
  .meta(helpSlot('statistic', { id: 'Statistic' }));
export type Statistic = z.infer<typeof statisticSchema>;

/** A board of figures, e.g. a fire inspector's results since a given day. */
export const statsPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('stats'),
    /** The figures count from this day. */
    since: partialDate.optional(),
    stats: z.array(statisticSchema).min(1, MESSAGES.stats.en).meta(helpSlot('statsPanel.stats')),
  })
  .meta({ id: 'StatsPanel' });

/** A notice board: a list of points (党务公开栏, 活动风采…). */
export const boardPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('board'),
    points: z.array(textField('point', 'boardPanel.points[]')).default([]).meta(helpSlot('boardPanel.points')),
  })
  .meta({ id: 'BoardPanel' });

/**
 * A board the station still has to fill. The source names the topic but gives no content,
 * so the exhibition says so plainly instead of inventing history.
 */
export const toFillPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('to-fill'),
    /** What the board is waiting for, shown on the board and the card. */
    note: textField('note', 'toFillPanel.note'),
  })
  .meta({ id: 'ToFillPanel' });

/**
 * A station's recording of the oath, played with the ceremony when the station supplies one
 * (never a synthetic voice). `cues` are the seconds at which each phrase starts, one per phrase.
 */
export const oathRecordingSchema = z
  .strictObject({
    src: audioPath,
    cues: z.array(z.number().finite().nonnegative()).optional().meta(helpSlot('oathRecording.cues')),
  })
  .meta(helpSlot('oathRecording', { id: 'OathRecording' }));
export type OathRecording = z.infer<typeof oathRecordingSchema>;

/**
 * The 重温入党誓词 wall: the oath split into the phrases that are lit one by one. Party members
 * renew (重温) the oath; anyone else may read it aloud (诵读).
 */
export const oathPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('oath'),
    phrases: z.array(textField('phrase', 'oathPanel.phrases[]')).min(1, MESSAGES.phrases.en).meta(helpSlot('oathPanel.phrases')),
    recording: oathRecordingSchema.optional(),
  })
  .meta({ id: 'OathPanel' });

export const panelSchema = z
  .discriminatedUnion('kind', [milestonePanel, eventPanel, memberPanel, statsPanel, boardPanel, toFillPanel, oathPanel])
  .meta(helpSlot('panel', { id: 'Panel' }));
export type Panel = z.infer<typeof panelSchema>;
export type PanelKind = Panel['kind'];

/** Every panel kind, in the schema's order: the one list messages and checks name. */
export const PANEL_KINDS: readonly PanelKind[] = panelSchema.options.map((option) => option.shape.kind.value);

/** What a section file's and exhibition.json's `$schema` must say, so editors find the JSON Schema next to them. */
export const SECTION_SCHEMA_REF = './section.schema.json';
export const EXHIBITION_SCHEMA_REF = './exhibition.schema.json';

/**
 * One file per section: the panels in the order they stand in the corridor. The loader checks
 * the panels one by one (`validatePanels`), so a broken panel never takes its neighbours down.
 */
export const sectionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  panels: z.array(z.unknown()),
});

/** The whole section file with its real panels: the source of `section.schema.json` for editors. */
export const sectionFileFullSchema = z
  .strictObject({
    $schema: z.literal(SECTION_SCHEMA_REF).optional().meta(helpSlot('sectionFileFull.$schema')),
    panels: z.array(panelSchema).meta(helpSlot('sectionFileFull.panels')),
  })
  .meta(helpSlot('sectionFileFull'));

const colorHex = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, MESSAGES.colour.en)
  .meta(helpSlot('colorHex'));

export const sectionEntrySchema = z
  .strictObject({
    id: idSchema,
    title: textField('title', 'sectionEntry.title'),
    subtitle: textField('subtitle', 'sectionEntry.subtitle').optional(),
    /** Printed on the section's header board. */
    intro: textField('intro', 'sectionEntry.intro').optional(),
    /** The panel file, relative to `assets/content/`. */
    file: z
      .string()
      .regex(/^[\w-]+\.json$/, MESSAGES.sectionFile.en)
      .meta(helpSlot('sectionEntry.file')),
    /** The section's accent colour (floor plan, directory). */
    accent: colorHex.optional(),
  })
  .meta(helpSlot('sectionEntry', { id: 'Section' }));
export type SectionEntry = z.infer<typeof sectionEntrySchema>;

/** One stop of a guided tour (a lesson): a panel, what to say there, and how long to stay. */
export const tourStopSchema = z
  .strictObject({
    panel: idSchema.meta(helpSlot('tourStop.panel')),
    notes: z.array(textField('point', 'tourStop.notes[]')).default([]),
    /** Seconds before auto-advance moves on; no duration = wait for the presenter. */
    duration: z.number().int().min(5).max(3600).optional().meta(helpSlot('tourStop.duration')),
  })
  .meta(helpSlot('tourStop', { id: 'TourStop' }));
export type TourStop = z.infer<typeof tourStopSchema>;

export const tourSchema = z
  .strictObject({
    id: idSchema,
    title: textField('title', 'tour.title'),
    stops: z.array(tourStopSchema).min(1, 'a tour has at least one stop'),
    /** The quiz (知识问答) that closes the lesson: the id of a quiz in quiz.json. */
    quiz: idSchema.optional().meta(helpSlot('tour.quiz')),
  })
  .meta(helpSlot('tour', { id: 'Tour' }));
export type Tour = z.infer<typeof tourSchema>;

/** A year of a period's range, e.g. 1921. */
const periodYear = (help: string) => z.number().int().min(1800).max(2200).meta(helpSlot(help));

/**
 * One period of the Party's history (the 2021 historical resolution names four): the heading the
 * timeline's milestones are grouped under, and the years its milestones must fall within. Periods
 * share their boundary years (1949, 1978, 2012).
 */
export const periodSchema = z
  .strictObject({
    id: idSchema,
    title: textField('title', 'period.title'),
    from: periodYear('period.from'),
    to: periodYear('period.to[year]').optional().meta(helpSlot('period.to')),
  })
  .meta(helpSlot('period', { id: 'Period' }));
export type Period = z.infer<typeof periodSchema>;

/** The lobby kiosk's settings. */
export const kioskSettingsSchema = z
  .strictObject({
    idleSeconds: z.number().int().min(15).max(3600).default(90).meta(helpSlot('kioskSettings.idleSeconds')),
    adminPin: z
      .string()
      .regex(/^\d{4,8}$/, 'the admin PIN is 4–8 digits')
      .optional()
      .meta(helpSlot('kioskSettings.adminPin')),
  })
  .meta(helpSlot('kioskSettings', { id: 'KioskSettings' }));
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

const exhibitionShape = {
  $schema: z.string().optional(),
  title: textField('title', 'exhibitionShape.title'),
  subtitle: textField('subtitle', 'exhibitionShape.subtitle').optional(),
  host: textField('title', 'exhibitionShape.host'),
  /** The theme slogan over the entrance. */
  theme: textField('title', 'exhibitionShape.theme'),
  /** The closing words on the far wall. */
  motto: textField('title', 'exhibitionShape.motto').optional(),
  mottoCaption: textField('title', 'exhibitionShape.mottoCaption').optional(),
  source: textField('source', 'exhibitionShape.source').optional(),
  periods: z.array(periodSchema).default([]).meta(helpSlot('exhibitionShape.periods')),
  sections: z.array(sectionEntrySchema).min(1, MESSAGES.sections.en).meta(helpSlot('exhibitionShape.sections')),
  tours: z.array(tourSchema).default([]).meta(helpSlot('exhibitionShape.tours')),
  kiosk: kioskSettingsSchema.default({ idleSeconds: 90 }),
};

export const exhibitionFileSchema = z.strictObject(exhibitionShape);
export type ExhibitionFile = z.infer<typeof exhibitionFileSchema>;

/** exhibition.json as editors see it: the source of `exhibition.schema.json`. */
export const exhibitionFileFullSchema = z
  .strictObject({
    ...exhibitionShape,
    $schema: z.literal(EXHIBITION_SCHEMA_REF).optional().meta(helpSlot('exhibitionFileFull.$schema')),
  })
  .meta(helpSlot('exhibitionFileFull'));

/** A section after loading: its entry plus the panels that passed validation. */
export interface Section extends SectionEntry {
  panels: Panel[];
}

/** The validated exhibition the rest of the app works from. */
export interface Exhibition extends Omit<ExhibitionFile, 'sections' | '$schema' | 'tours' | 'kiosk' | 'periods'> {
  sections: Section[];
  /** Loaded files always have them (possibly none); exhibitions built in code may leave them out. */
  periods?: Period[];
  /** Loaded files always have them (defaults apply); exhibitions built in code may leave them out. */
  tours?: Tour[];
  kiosk?: KioskSettings;
}
