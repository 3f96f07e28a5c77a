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

export const textHint = (name: string, nameEn: string, zh: string, en: string, maxZh: number) =>
  hint(
    `${name} ${nameEn}`,
    `${zh}写中文，或写成 { "zh": "中文", "en": "English" }；中文最多 ${maxZh} 个字，英文最多 ${maxZh * EN_LENGTH_FACTOR} 个字符。`,
    `${en} Plain Chinese, or { "zh": "…", "en": "…" }; Chinese up to ${maxZh} characters, English up to ${maxZh * EN_LENGTH_FACTOR}.`,
  );

/** A localized text field with its limit and editor hover text. */
const textField = (limit: keyof typeof TEXT_LIMITS, name: string, nameEn: string, zh: string, en: string) =>
  localizedText(TEXT_LIMITS[limit]).meta(textHint(name, nameEn, zh, en, TEXT_LIMITS[limit]));

/** Every visitor-facing string: plain Chinese, or Chinese with an optional English twin. */
export const localizedString = localizedText(TEXT_LIMITS.text);
export type LocalizedString = z.infer<typeof localizedString>;

/** Ids travel in URLs (`#/panel/<id>`), so they stay short, lower case and URL-safe. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, MESSAGES.id.en)
  .meta({
    id: 'Id',
    ...hint(
      'id',
      '编号：小写英文字母、数字和 "-"，全馆不能重复，例如 "cpc-founding-1921"。它会成为链接 #/panel/<id>。',
      'A unique id of lower-case letters, digits and "-", e.g. "cpc-founding-1921"; it becomes the link #/panel/<id>.',
    ),
  });

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
  .meta({
    id: 'PartialDate',
    ...hint(
      '日期 Date',
      '日期，按资料写到年、月或日："1921"、"1921-07" 或 "1921-07-23"。',
      'A date as precise as the source: "1921", "1921-07" or "1921-07-23".',
    ),
  });
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
}).meta({
  id: 'AssetPath',
  ...hint(
    '图片文件 Image file',
    '图片文件的路径，从 assets/ 下写起，例如 "photos/2021-drill.jpg"。文件名只用英文字母、数字、"-"、"_"、"."，大小写要和文件完全一致。',
    'The image file, relative to assets/, e.g. "photos/2021-drill.jpg". Letters, digits, "-", "_", "." only; the case must match the file exactly.',
  ),
});

/** A narration file (audio or its WebVTT captions) under `assets/`. */
const audioPath = assetPathSchema({
  url: MESSAGES.audioUrl.en,
  dotDot: MESSAGES.audioDotDot.en,
  path: MESSAGES.audioPath.en,
}).meta({
  id: 'AudioPath',
  ...hint(
    '音频文件 Audio file',
    '文件路径，从 assets/ 下写起，例如 "audio/cpc-founding-1921.mp3"。大小写要和文件完全一致。',
    'The file, relative to assets/, e.g. "audio/cpc-founding-1921.mp3"; the case must match the file exactly.',
  ),
});

/** One recorded narration: the audio file and, for visitors who cannot hear it, its captions. */
export const narrationFileSchema = z
  .strictObject({
    src: audioPath,
    /** WebVTT captions, shown line by line while the audio plays. */
    captions: audioPath
      .optional()
      .meta(
        hint(
          '字幕 Captions',
          '字幕文件（WebVTT，.vtt），播放时逐句显示，例如 "audio/cpc-founding-1921.zh.vtt"。',
          'The captions (WebVTT, .vtt), shown cue by cue while the audio plays, e.g. "audio/cpc-founding-1921.zh.vtt".',
        ),
      ),
  })
  .meta({
    id: 'NarrationFile',
    ...hint('讲解录音 Recording', '一段讲解录音和它的字幕。', 'One recorded narration and its captions.'),
  });
export type NarrationFile = z.infer<typeof narrationFileSchema>;

/**
 * A panel's recorded narration, like visitor-facing text: one recording (Chinese), or one per
 * language. A language without a recording is read by the browser's speech synthesis instead.
 */
export const narrationSchema = z
  .union([narrationFileSchema, z.strictObject({ zh: narrationFileSchema.optional(), en: narrationFileSchema.optional() })])
  .meta(
    hint(
      '讲解录音 Narration',
      '展板的讲解录音：写一段（中文）{ "src": …, "captions": … }，或分语言 { "zh": {…}, "en": {…} }。没有录音的语言由浏览器朗读。',
      'The panel\'s recorded narration: one (Chinese) { "src": …, "captions": … }, or per language { "zh": {…}, "en": {…} }. A language without a recording is read aloud by the browser.',
    ),
  );
export type Narration = z.infer<typeof narrationSchema>;

/** A share of the photo's width or height, from its left or top edge. */
const cropFraction = (zh: string, en: string) =>
  z
    .number()
    .min(0)
    .max(1)
    .meta(
      hint(`${zh} ${en}`, `${zh}，照片宽或高的比例，0 到 1 之间，例如 0.25。`, `${en}, a share of the photo, 0 to 1, e.g. 0.25.`),
    );
/** A crop's side: at least a tenth of the photo, so a slip of the finger cannot leave a sliver. */
const cropSide = (zh: string, en: string) => cropFraction(zh, en).min(0.1);
/** Rounding of the shares as typed or dragged (0.3333…) must not count as leaving the photo. */
const CROP_SLACK = 1e-6;

/**
 * The part of the photo the board and the card show, as shares of the upright photo's width and
 * height from its top-left corner: a phone's photo of a ceremony with a lot of ceiling is cut to
 * the people. The photo file itself is kept whole (another board may show all of it).
 */
export const cropSchema = z
  .strictObject({
    x: cropFraction('左边距', 'Left'),
    y: cropFraction('上边距', 'Top'),
    width: cropSide('宽度', 'Width'),
    height: cropSide('高度', 'Height'),
  })
  .refine((crop) => crop.x + crop.width <= 1 + CROP_SLACK && crop.y + crop.height <= 1 + CROP_SLACK, MESSAGES.crop.en)
  .meta({
    id: 'Crop',
    ...hint(
      '裁剪 Crop',
      '展板和卡片只显示照片的这一部分：{ "x": 左边距, "y": 上边距, "width": 宽度, "height": 高度 }，都是照片宽或高的比例（0 到 1）。不写时显示整张照片。',
      'The part of the photo the board and the card show: { "x", "y", "width", "height" } as shares (0 to 1) of the photo\'s width and height. Without it the whole photo shows.',
    ),
  });
export type Crop = z.infer<typeof cropSchema>;

export const imageSchema = z
  .strictObject({
    src: assetPath,
    caption: textField('caption', '图片说明', 'Caption', '印在图片下方的说明。', 'Printed under the image.'),
    /** Alternative text; the caption stands in when it is missing. */
    alt: textField(
      'alt',
      '替代文字',
      'Alt text',
      '给看不见图片的访客（读屏软件）的描述；不写时用图片说明。',
      'Describes the image for visitors who cannot see it (screen readers); the caption stands in when missing.',
    ).optional(),
    crop: cropSchema.optional(),
    /** True while the file is a generated stand-in for a photo the station has not supplied yet. */
    placeholder: z
      .boolean()
      .optional()
      .meta(
        hint(
          '占位图 Placeholder',
          '照片还没有提供、暂用占位图时写 true；换上真照片后删掉这一行。',
          'true while the file is a stand-in for a photo still to come; remove it once the real photo is in.',
        ),
      ),
  })
  .meta({ id: 'Image', ...hint('图片 Image', '一张图片：文件、说明、替代文字。', 'One image: file, caption, alt text.') });
export type ImageInfo = z.infer<typeof imageSchema>;

const panelBase = {
  id: idSchema,
  title: textField(
    'title',
    '标题',
    'Title',
    '展板标题，印在展板上，也是卡片的标题。',
    'The panel title, on the board and heading the card.',
  ),
  /** A short text printed on the board itself. */
  summary: textField(
    'summary',
    '摘要',
    'Summary',
    '印在展板上的一两句话。',
    'One or two sentences printed on the board itself.',
  ).optional(),
  /** The card's full text, one string per paragraph. */
  body: z
    .array(textField('paragraph', '段落', 'Paragraph', '卡片正文的一段。', 'One paragraph of the card text.'))
    .default([])
    .meta(
      hint(
        '正文 Body',
        '点开展板后卡片里的正文，一段一项：[ "第一段", "第二段" ]。',
        'The card text, one entry per paragraph: [ "first", "second" ].',
      ),
    ),
  date: partialDate.optional(),
  images: z
    .array(imageSchema)
    .default([])
    .meta(hint('图片 Images', '展板和卡片上的图片，按顺序排列。', 'Images on the board and the card, in order.')),
  /** Where the facts come from, shown in small print on the card. */
  source: textField(
    'source',
    '资料来源',
    'Source',
    '资料出处，以小字印在卡片底部。',
    'Where the facts come from, in small print at the foot of the card.',
  ).optional(),
  /** Other panels worth reading next (相关展板), by id; shown on the card as links. */
  related: z
    .array(idSchema)
    .optional()
    .meta(
      hint(
        '相关展板 Related panels',
        '相关展板的 id 列表，例如 [ "wang-yanping-figures" ]；卡片上显示为链接。每个 id 都必须是已有展板的 id。',
        'Ids of related panels, e.g. [ "wang-yanping-figures" ], shown on the card as links. Each must be the id of an existing panel.',
      ),
    ),
  /** Read aloud by the card's 朗读 button; without it the browser's speech synthesis reads the text. */
  narration: narrationSchema.optional(),
};

const kindHint = <const Kind extends string>(kind: Kind, zh: string, en: string) =>
  z.literal(kind).meta(hint('展板类型 Kind', `展板类型："${kind}"，${zh}`, `Panel kind "${kind}": ${en}`));

/**
 * Which period of the Party's history a milestone belongs to: the id of one of the `periods` in
 * exhibition.json. The content check reports an id that names no period, a date outside the
 * period's years and periods out of order along the timeline (a JSON Schema cannot see another file).
 */
const periodRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, MESSAGES.id.en)
  .meta(
    hint(
      '历史时期 Period',
      '这个节点属于哪个历史时期：写 exhibition.json 里 periods 中一个时期的 id，例如 "new-democratic-revolution"。日期要落在这个时期的年份之内。',
      'The period this milestone belongs to: the id of one of the periods in exhibition.json, e.g. "new-democratic-revolution". The date must fall within that period\'s years.',
    ),
  );

/** A national milestone on the centenary timeline. */
export const milestonePanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint(
      'milestone',
      '百年党史的时间节点（必须写 date 和 period）。',
      'a milestone on the centenary timeline (date and period required).',
    ),
    date: partialDate,
    period: periodRef,
  })
  .meta({ id: 'MilestonePanel' });

/** An entry in the brigade's chronicle (大事记) or a programme it runs. */
export const eventPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('event', '大事记或一项工作。', "an entry in the brigade's chronicle or a programme."),
  })
  .meta({ id: 'EventPanel' });

export const personSchema = z
  .strictObject({
    name: textField('name', '姓名', 'Name', '人物姓名。', "The person's name."),
    role: textField('role', '职务', 'Role', '职务，例如 "消防员"。', 'Their role, e.g. "Firefighter".'),
    honours: z
      .array(textField('honour', '荣誉', 'Honour', '一项荣誉，例如 "二等功"。', 'One honour, e.g. "Second-Class Merit".'))
      .default([])
      .meta(hint('荣誉 Honours', '荣誉列表，可以不写。', 'A list of honours; may be left out.')),
  })
  .meta({ id: 'Person', ...hint('人物 Person', '一位人物：姓名、职务、荣誉。', 'One person: name, role, honours.') });
export type Person = z.infer<typeof personSchema>;

/** One or more members shown together, as the source tells their story together. */
export const memberPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('member', '人物展板（必须写 people）。', 'a showcase of people (people required).'),
    people: z
      .array(personSchema)
      .min(1, MESSAGES.people.en)
      .meta(hint('人物 People', '展板上的人物，至少一位。', 'The people on the panel, at least one.')),
  })
  .meta({ id: 'MemberPanel' });

export const statisticSchema = z
  .strictObject({
    label: textField(
      'label',
      '名称',
      'Label',
      '这个数字是什么，例如 "检查单位"。',
      'What the figure counts, e.g. "Premises inspected".',
    ),
    value: z
      .number()
      .finite()
      .nonnegative()
      .meta(
        hint(
          '数值 Value',
          '数字本身，不加引号，不能为负数，例如 204。',
          'The figure itself, without quotes, not negative, e.g. 204.',
        ),
      ),
    unit: textField('unit', '单位', 'Unit', '单位，例如 "家"。', 'The unit, e.g. "premises".').optional(),
  })
  .meta({ id: 'Statistic', ...hint('数字 Figure', '一个数字：名称、数值、单位。', 'One figure: label, value, unit.') });
export type Statistic = z.infer<typeof statisticSchema>;

/** A board of figures, e.g. a fire inspector's results since a given day. */
export const statsPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('stats', '数据展板（必须写 stats）。', 'a board of figures (stats required).'),
    /** The figures count from this day. */
    since: partialDate.optional(),
    stats: z
      .array(statisticSchema)
      .min(1, MESSAGES.stats.en)
      .meta(hint('数字 Figures', '展板上的数字，至少一个。', 'The figures on the board, at least one.')),
  })
  .meta({ id: 'StatsPanel' });

/** A notice board: a list of points (党务公开栏, 活动风采…). */
export const boardPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('board', '公开栏，列出要点（points）。', 'a notice board listing points.'),
    points: z
      .array(textField('point', '要点', 'Point', '一条要点。', 'One point.'))
      .default([])
      .meta(hint('要点 Points', '公开栏上的要点，一条一项。', 'The points on the board, one entry each.')),
  })
  .meta({ id: 'BoardPanel' });

/**
 * A board the station still has to fill. The source names the topic but gives no content,
 * so the exhibition says so plainly instead of inventing history.
 */
export const toFillPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint('to-fill', '待补充的展板（必须写 note）。', 'a board waiting for content (note required).'),
    /** What the board is waiting for, shown on the board and the card. */
    note: textField('note', '待补充说明', 'Note', '这块展板在等什么内容。', 'What the board is waiting for.'),
  })
  .meta({ id: 'ToFillPanel' });

/**
 * A station's recording of the oath, played with the ceremony when the station supplies one
 * (never a synthetic voice). `cues` are the seconds at which each phrase starts, one per phrase.
 */
export const oathRecordingSchema = z
  .strictObject({
    src: audioPath,
    cues: z
      .array(z.number().finite().nonnegative())
      .optional()
      .meta(
        hint(
          '每句开始的秒数 Cues',
          '录音里每一句誓词开始的时间（秒），一句一个、从小到大，个数和 phrases 相同，例如 [0, 3.2, 5.1]。不写时由领誓人逐句推进。',
          'The second at which each phrase starts in the recording, one per phrase, in increasing order, as many as phrases, e.g. [0, 3.2, 5.1]. Without them whoever leads moves on phrase by phrase.',
        ),
      ),
  })
  .meta({
    id: 'OathRecording',
    ...hint(
      '誓词录音 Recording',
      '本站提供的誓词录音（真人录音），随仪式播放。',
      "The station's own recording of the oath (a real voice), played with the ceremony.",
    ),
  });
export type OathRecording = z.infer<typeof oathRecordingSchema>;

/**
 * The 重温入党誓词 wall: the oath split into the phrases that are lit one by one. Party members
 * renew (重温) the oath; anyone else may read it aloud (诵读).
 */
export const oathPanel = z
  .strictObject({
    ...panelBase,
    kind: kindHint(
      'oath',
      '重温入党誓词墙（必须写 phrases），誓词一句一项。',
      'the wall for renewing the Party oath (phrases required), one entry per phrase.',
    ),
    phrases: z
      .array(
        textField(
          'phrase',
          '誓词',
          'Phrase',
          '誓词的一句，连同句末的标点（“，”或“。”），按《中国共产党章程》原文逐字照录。',
          'One phrase of the oath with its closing punctuation (，or 。), word for word as the Party Constitution gives it.',
        ),
      )
      .min(1, MESSAGES.phrases.en)
      .meta(
        hint(
          '誓词 Phrases',
          '誓词，一句一项，按顺序；连起来就是《中国共产党章程》第一章第六条的誓词原文。',
          'The oath, one phrase per entry, in order; joined they are the oath as the Party Constitution (Chapter 1, Article 6) gives it.',
        ),
      ),
    recording: oathRecordingSchema.optional(),
  })
  .meta({ id: 'OathPanel' });

export const panelSchema = z
  .discriminatedUnion('kind', [milestonePanel, eventPanel, memberPanel, statsPanel, boardPanel, toFillPanel, oathPanel])
  .meta({
    id: 'Panel',
    ...hint(
      '展板 Panel',
      '一块展板。kind 决定类型：milestone、event、member、stats、board、to-fill、oath。',
      'One panel; kind is one of milestone, event, member, stats, board, to-fill, oath.',
    ),
  });
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

const schemaRefHint = (ref: string) =>
  hint(
    '$schema',
    `让编辑器（如 VS Code）提供自动补全和检查，请保持为 "${ref}"。`,
    `Lets editors such as VS Code autocomplete and check this file; keep it "${ref}".`,
  );

/** The whole section file with its real panels: the source of `section.schema.json` for editors. */
export const sectionFileFullSchema = z
  .strictObject({
    $schema: z.literal(SECTION_SCHEMA_REF).optional().meta(schemaRefHint(SECTION_SCHEMA_REF)),
    panels: z
      .array(panelSchema)
      .meta(hint('展板 Panels', '本栏目的展板，按在长廊里的排列顺序。', 'The panels of this section, in corridor order.')),
  })
  .meta(
    hint('栏目文件 Section file', '一个栏目的展板文件（例如 timeline.json）。', "A section's panel file (e.g. timeline.json)."),
  );

const colorHex = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, MESSAGES.colour.en)
  .meta(
    hint('颜色 Colour', '栏目的主题色，写成 "#rrggbb"，例如 "#b3121a"。', 'The section colour as "#rrggbb", e.g. "#b3121a".'),
  );

export const sectionEntrySchema = z
  .strictObject({
    id: idSchema,
    title: textField('title', '栏目名称', 'Section title', '栏目的名称。', "The section's name."),
    subtitle: textField('subtitle', '副标题', 'Subtitle', '栏目的副标题。', "The section's subtitle.").optional(),
    /** Printed on the section's header board. */
    intro: textField(
      'intro',
      '栏目简介',
      'Intro',
      '印在栏目开头展板上的简介。',
      "Printed on the section's header board.",
    ).optional(),
    /** The panel file, relative to `assets/content/`. */
    file: z
      .string()
      .regex(/^[\w-]+\.json$/, MESSAGES.sectionFile.en)
      .meta(
        hint(
          '展板文件 Panel file',
          '本栏目的展板文件，和 exhibition.json 放在同一个文件夹，例如 "timeline.json"。',
          'The section\'s panel file, next to exhibition.json, e.g. "timeline.json".',
        ),
      ),
    /** The section's accent colour (floor plan, directory). */
    accent: colorHex.optional(),
  })
  .meta({ id: 'Section', ...hint('栏目 Section', '长廊里的一个栏目。', 'One section of the corridor.') });
export type SectionEntry = z.infer<typeof sectionEntrySchema>;

/** One stop of a guided tour (a lesson): a panel, what to say there, and how long to stay. */
export const tourStopSchema = z
  .strictObject({
    panel: idSchema.meta(hint('展板 Panel', '这一站展示的展板 id。', 'The id of the panel shown at this stop.')),
    notes: z
      .array(
        textField(
          'point',
          '讲解要点',
          'Talking point',
          '讲解员在这一站的要点（只在讲解员视图中显示）。',
          'A talking point for the presenter (shown in the presenter view only).',
        ),
      )
      .default([]),
    /** Seconds before auto-advance moves on; no duration = wait for the presenter. */
    duration: z
      .number()
      .int()
      .min(5)
      .max(3600)
      .optional()
      .meta(
        hint(
          '停留秒数 Duration',
          '自动播放时在这一站停留的秒数（5–3600）。',
          'Seconds to stay at this stop when playing automatically (5–3600).',
        ),
      ),
  })
  .meta({ id: 'TourStop', ...hint('讲解站 Tour stop', '讲解路线中的一站。', 'One stop of a guided tour.') });
export type TourStop = z.infer<typeof tourStopSchema>;

export const tourSchema = z
  .strictObject({
    id: idSchema,
    title: textField('title', '路线名称', 'Tour title', '讲解路线（课程）的名称。', "The tour's (lesson's) title."),
    stops: z.array(tourStopSchema).min(1, 'a tour has at least one stop'),
    /** The quiz (知识问答) that closes the lesson: the id of a quiz in quiz.json. */
    quiz: idSchema
      .optional()
      .meta(
        hint(
          '知识问答 Quiz',
          '课程结束时的知识问答：写 quiz.json 里一个问答的 id，例如 "new-recruits"。',
          'The quiz that closes the lesson: the id of a quiz in quiz.json, e.g. "new-recruits".',
        ),
      ),
  })
  .meta({
    id: 'Tour',
    ...hint('讲解路线 Tour', '投影讲解用的路线：按顺序的各站。', 'A guided tour for projector sessions: stops in order.'),
  });
export type Tour = z.infer<typeof tourSchema>;

/** A year of a period's range, e.g. 1921. */
const periodYear = (zh: string, en: string) =>
  z
    .number()
    .int()
    .min(1800)
    .max(2200)
    .meta(hint(`${zh} ${en}`, `${zh}，写数字，不加引号，例如 1921。`, `${en}, a number without quotes, e.g. 1921.`));

/**
 * One period of the Party's history (the 2021 historical resolution names four): the heading the
 * timeline's milestones are grouped under, and the years its milestones must fall within. Periods
 * share their boundary years (1949, 1978, 2012).
 */
export const periodSchema = z
  .strictObject({
    id: idSchema,
    title: textField(
      'title',
      '时期名称',
      'Period title',
      '历史时期的名称，例如 "新民主主义革命时期"。',
      'The name of the period.',
    ),
    from: periodYear('开始年份', 'First year'),
    to: periodYear('结束年份', 'Last year')
      .optional()
      .meta(
        hint(
          '结束年份 Last year',
          '这个时期的最后一年，写数字，例如 1949；还在延续的时期（最后一个）不写。',
          'The last year of the period, e.g. 1949; left out for the period still going on (the last one).',
        ),
      ),
  })
  .meta({
    id: 'Period',
    ...hint(
      '历史时期 Period',
      '党的历史上的一个时期：id、名称和年份。时间轴上的节点（milestone）用 period 写明属于哪个时期。',
      "One period of the Party's history: id, name and years. Each milestone names its period by id.",
    ),
  });
export type Period = z.infer<typeof periodSchema>;

/** The lobby kiosk's settings. */
export const kioskSettingsSchema = z
  .strictObject({
    idleSeconds: z
      .number()
      .int()
      .min(15)
      .max(3600)
      .default(90)
      .meta(
        hint(
          '无人操作秒数 Idle seconds',
          '无人触摸多少秒后回到待机画面（默认 90）。',
          'Seconds without a touch before the kiosk resets (default 90).',
        ),
      ),
    adminPin: z
      .string()
      .regex(/^\d{4,8}$/, 'the admin PIN is 4–8 digits')
      .optional()
      .meta(hint('管理密码 Admin PIN', '进入管理页面的 4–8 位数字密码。', 'A 4–8 digit PIN for the admin screen.')),
  })
  .meta({ id: 'KioskSettings', ...hint('触摸屏设置 Kiosk', '大厅触摸屏的设置。', 'Settings of the lobby kiosk.') });
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

const exhibitionShape = {
  $schema: z.string().optional(),
  title: textField('title', '展览名称', 'Title', '展览的名称。', 'The name of the exhibition.'),
  subtitle: textField('subtitle', '副标题', 'Subtitle', '展览的副标题。', "The exhibition's subtitle.").optional(),
  host: textField('title', '主办单位', 'Host', '主办单位。', 'Who hosts the exhibition.'),
  /** The theme slogan over the entrance. */
  theme: textField('title', '主题', 'Theme', '入口上方的主题标语。', 'The theme slogan over the entrance.'),
  /** The closing words on the far wall. */
  motto: textField('title', '结束语', 'Motto', '尽头墙上的结束语。', 'The closing words on the far wall.').optional(),
  mottoCaption: textField(
    'title',
    '结束语说明',
    'Motto caption',
    '结束语下方的小字。',
    'The small print under the motto.',
  ).optional(),
  source: textField('source', '资料来源', 'Source', '展览的资料来源。', "The exhibition's source.").optional(),
  periods: z
    .array(periodSchema)
    .default([])
    .meta(
      hint(
        '历史时期 Periods',
        '党的历史分期，按年份先后排列（例如 2021 年历史决议的四个时期）；时间轴的节点按这个顺序排列，各自写明所属时期。',
        "The periods of the Party's history in the order of their years (e.g. the four of the 2021 historical resolution); the timeline's milestones follow this order, each naming its period.",
      ),
    ),
  sections: z
    .array(sectionEntrySchema)
    .min(1, MESSAGES.sections.en)
    .meta(hint('栏目 Sections', '各栏目，按在长廊里的顺序，至少一个。', 'The sections in corridor order, at least one.')),
  tours: z
    .array(tourSchema)
    .default([])
    .meta(
      hint(
        '讲解路线 Tours',
        '投影讲解用的路线；另有一条按展览顺序走完全部展板的默认路线。',
        'Guided tours for projector sessions; a default tour visiting every panel in order always exists.',
      ),
    ),
  kiosk: kioskSettingsSchema.default({ idleSeconds: 90 }),
};

export const exhibitionFileSchema = z.strictObject(exhibitionShape);
export type ExhibitionFile = z.infer<typeof exhibitionFileSchema>;

/** exhibition.json as editors see it: the source of `exhibition.schema.json`. */
export const exhibitionFileFullSchema = z
  .strictObject({
    ...exhibitionShape,
    $schema: z.literal(EXHIBITION_SCHEMA_REF).optional().meta(schemaRefHint(EXHIBITION_SCHEMA_REF)),
  })
  .meta(
    hint(
      '展览 Exhibition',
      '展览的总文件 exhibition.json：名称、主题和各栏目。',
      'exhibition.json: the title, theme and sections.',
    ),
  );

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
