/**
 * The content schema's editor help: a title and a hover text (Chinese, then English) for each
 * field and type of src/content/schema.ts, under the key of the metadata object that schema.ts
 * gives it (`helpSlot`). Editors show it from the JSON Schemas (jsonSchema.ts), the curator's forms
 * beside each field (src/modes/curate/schemaForm/), and the font subsetter carries its characters.
 * Kept out of schema.ts so it stays out of the visitor's first load (issue 20, initial JS): each of
 * those calls `installSchemaHelp()` before it reads a schema's metadata.
 */
import {
  EXHIBITION_SCHEMA_REF,
  hint,
  type SchemaHelp,
  SECTION_SCHEMA_REF,
  schemaHelpSlots,
  TEXT_LIMITS,
  textHint,
} from './schema.ts';

/** A localized text field's help: what it is, and its limits. */
const text = (limit: keyof typeof TEXT_LIMITS, name: string, nameEn: string, zh: string, en: string) =>
  textHint(name, nameEn, zh, en, TEXT_LIMITS[limit]);

/** A panel kind's `kind` field. */
const kind = (kind: string, zh: string, en: string) =>
  hint('展板类型 Kind', `展板类型："${kind}"，${zh}`, `Panel kind "${kind}": ${en}`);

/** A crop's edge or side, as a share of the photo. */
const cropShare = (zh: string, en: string) =>
  hint(`${zh} ${en}`, `${zh}，照片宽或高的比例，0 到 1 之间，例如 0.25。`, `${en}, a share of the photo, 0 to 1, e.g. 0.25.`);

/** A year of a period's range. */
const year = (zh: string, en: string) =>
  hint(`${zh} ${en}`, `${zh}，写数字，不加引号，例如 1921。`, `${en}, a number without quotes, e.g. 1921.`);

/** A content file's `$schema` line. */
const schemaRef = (ref: string) =>
  hint(
    '$schema',
    `让编辑器（如 VS Code）提供自动补全和检查，请保持为 "${ref}"。`,
    `Lets editors such as VS Code autocomplete and check this file; keep it "${ref}".`,
  );

/** The help of every schema that has some, by its slot's key: the schema's name and the field's. */
export const SCHEMA_HELP: Readonly<Record<string, SchemaHelp>> = {
  id: hint(
    'id',
    '编号：小写英文字母、数字和 "-"，全馆不能重复，例如 "cpc-founding-1921"。它会成为链接 #/panel/<id>。',
    'A unique id of lower-case letters, digits and "-", e.g. "cpc-founding-1921"; it becomes the link #/panel/<id>.',
  ),
  partialDate: hint(
    '日期 Date',
    '日期，按资料写到年、月或日："1921"、"1921-07" 或 "1921-07-23"。',
    'A date as precise as the source: "1921", "1921-07" or "1921-07-23".',
  ),
  assetPath: hint(
    '图片文件 Image file',
    '图片文件的路径，从 assets/ 下写起，例如 "photos/2021-drill.jpg"。文件名只用英文字母、数字、"-"、"_"、"."，大小写要和文件完全一致。',
    'The image file, relative to assets/, e.g. "photos/2021-drill.jpg". Letters, digits, "-", "_", "." only; the case must match the file exactly.',
  ),
  audioPath: hint(
    '音频文件 Audio file',
    '文件路径，从 assets/ 下写起，例如 "audio/cpc-founding-1921.mp3"。大小写要和文件完全一致。',
    'The file, relative to assets/, e.g. "audio/cpc-founding-1921.mp3"; the case must match the file exactly.',
  ),
  'narrationFile.captions': hint(
    '字幕 Captions',
    '字幕文件（WebVTT，.vtt），播放时逐句显示，例如 "audio/cpc-founding-1921.zh.vtt"。',
    'The captions (WebVTT, .vtt), shown cue by cue while the audio plays, e.g. "audio/cpc-founding-1921.zh.vtt".',
  ),
  narrationFile: hint('讲解录音 Recording', '一段讲解录音和它的字幕。', 'One recorded narration and its captions.'),
  narration: hint(
    '讲解录音 Narration',
    '展板的讲解录音：写一段（中文）{ "src": …, "captions": … }，或分语言 { "zh": {…}, "en": {…} }。没有录音的语言由浏览器朗读。',
    'The panel\'s recorded narration: one (Chinese) { "src": …, "captions": … }, or per language { "zh": {…}, "en": {…} }. A language without a recording is read aloud by the browser.',
  ),
  'crop.x': cropShare('左边距', 'Left'),
  'crop.y': cropShare('上边距', 'Top'),
  'crop.width': cropShare('宽度', 'Width'),
  'crop.height': cropShare('高度', 'Height'),
  crop: hint(
    '裁剪 Crop',
    '展板和卡片只显示照片的这一部分：{ "x": 左边距, "y": 上边距, "width": 宽度, "height": 高度 }，都是照片宽或高的比例（0 到 1）。不写时显示整张照片。',
    'The part of the photo the board and the card show: { "x", "y", "width", "height" } as shares (0 to 1) of the photo\'s width and height. Without it the whole photo shows.',
  ),
  'image.caption': text('caption', '图片说明', 'Caption', '印在图片下方的说明。', 'Printed under the image.'),
  'image.alt': text(
    'alt',
    '替代文字',
    'Alt text',
    '给看不见图片的访客（读屏软件）的描述；不写时用图片说明。',
    'Describes the image for visitors who cannot see it (screen readers); the caption stands in when missing.',
  ),
  'image.placeholder': hint(
    '占位图 Placeholder',
    '照片还没有提供、暂用占位图时写 true；换上真照片后删掉这一行。',
    'true while the file is a stand-in for a photo still to come; remove it once the real photo is in.',
  ),
  image: hint('图片 Image', '一张图片：文件、说明、替代文字。', 'One image: file, caption, alt text.'),
  'panelBase.title': text(
    'title',
    '标题',
    'Title',
    '展板标题，印在展板上，也是卡片的标题。',
    'The panel title, on the board and heading the card.',
  ),
  'panelBase.summary': text(
    'summary',
    '摘要',
    'Summary',
    '印在展板上的一两句话。',
    'One or two sentences printed on the board itself.',
  ),
  'panelBase.body[]': text('paragraph', '段落', 'Paragraph', '卡片正文的一段。', 'One paragraph of the card text.'),
  'panelBase.body': hint(
    '正文 Body',
    '点开展板后卡片里的正文，一段一项：[ "第一段", "第二段" ]。',
    'The card text, one entry per paragraph: [ "first", "second" ].',
  ),
  'panelBase.images': hint('图片 Images', '展板和卡片上的图片，按顺序排列。', 'Images on the board and the card, in order.'),
  'panelBase.source': text(
    'source',
    '资料来源',
    'Source',
    '资料出处，以小字印在卡片底部。',
    'Where the facts come from, in small print at the foot of the card.',
  ),
  'panelBase.related': hint(
    '相关展板 Related panels',
    '相关展板的 id 列表，例如 [ "wang-yanping-figures" ]；卡片上显示为链接。每个 id 都必须是已有展板的 id。',
    'Ids of related panels, e.g. [ "wang-yanping-figures" ], shown on the card as links. Each must be the id of an existing panel.',
  ),
  periodRef: hint(
    '历史时期 Period',
    '这个节点属于哪个历史时期：写 exhibition.json 里 periods 中一个时期的 id，例如 "new-democratic-revolution"。日期要落在这个时期的年份之内。',
    'The period this milestone belongs to: the id of one of the periods in exhibition.json, e.g. "new-democratic-revolution". The date must fall within that period\'s years.',
  ),
  'panel.kind.milestone': kind(
    'milestone',
    '百年党史的时间节点（必须写 date 和 period）。',
    'a milestone on the centenary timeline (date and period required).',
  ),
  'panel.kind.event': kind('event', '大事记或一项工作。', "an entry in the brigade's chronicle or a programme."),
  'person.name': text('name', '姓名', 'Name', '人物姓名。', "The person's name."),
  'person.role': text('role', '职务', 'Role', '职务，例如 "消防员"。', 'Their role, e.g. "Firefighter".'),
  'person.honours[]': text('honour', '荣誉', 'Honour', '一项荣誉，例如 "二等功"。', 'One honour, e.g. "Second-Class Merit".'),
  'person.honours': hint('荣誉 Honours', '荣誉列表，可以不写。', 'A list of honours; may be left out.'),
  person: hint('人物 Person', '一位人物：姓名、职务、荣誉。', 'One person: name, role, honours.'),
  'panel.kind.member': kind('member', '人物展板（必须写 people）。', 'a showcase of people (people required).'),
  'memberPanel.people': hint('人物 People', '展板上的人物，至少一位。', 'The people on the panel, at least one.'),
  'statistic.label': text(
    'label',
    '名称',
    'Label',
    '这个数字是什么，例如 "检查单位"。',
    'What the figure counts, e.g. "Premises inspected".',
  ),
  'statistic.value': hint(
    '数值 Value',
    '数字本身，不加引号，不能为负数，例如 204。',
    'The figure itself, without quotes, not negative, e.g. 204.',
  ),
  'statistic.unit': text('unit', '单位', 'Unit', '单位，例如 "家"。', 'The unit, e.g. "premises".'),
  statistic: hint('数字 Figure', '一个数字：名称、数值、单位。', 'One figure: label, value, unit.'),
  'panel.kind.stats': kind('stats', '数据展板（必须写 stats）。', 'a board of figures (stats required).'),
  'statsPanel.stats': hint('数字 Figures', '展板上的数字，至少一个。', 'The figures on the board, at least one.'),
  'panel.kind.board': kind('board', '公开栏，列出要点（points）。', 'a notice board listing points.'),
  'boardPanel.points[]': text('point', '要点', 'Point', '一条要点。', 'One point.'),
  'boardPanel.points': hint('要点 Points', '公开栏上的要点，一条一项。', 'The points on the board, one entry each.'),
  'panel.kind.to-fill': kind('to-fill', '待补充的展板（必须写 note）。', 'a board waiting for content (note required).'),
  'toFillPanel.note': text('note', '待补充说明', 'Note', '这块展板在等什么内容。', 'What the board is waiting for.'),
  'oathRecording.cues': hint(
    '每句开始的秒数 Cues',
    '录音里每一句誓词开始的时间（秒），一句一个、从小到大，个数和 phrases 相同，例如 [0, 3.2, 5.1]。不写时由领誓人逐句推进。',
    'The second at which each phrase starts in the recording, one per phrase, in increasing order, as many as phrases, e.g. [0, 3.2, 5.1]. Without them whoever leads moves on phrase by phrase.',
  ),
  oathRecording: hint(
    '誓词录音 Recording',
    '本站提供的誓词录音（真人录音），随仪式播放。',
    "The station's own recording of the oath (a real voice), played with the ceremony.",
  ),
  'panel.kind.oath': kind(
    'oath',
    '重温入党誓词墙（必须写 phrases），誓词一句一项。',
    'the wall for renewing the Party oath (phrases required), one entry per phrase.',
  ),
  'oathPanel.phrases[]': text(
    'phrase',
    '誓词',
    'Phrase',
    '誓词的一句，连同句末的标点（“，”或“。”），按《中国共产党章程》原文逐字照录。',
    'One phrase of the oath with its closing punctuation (，or 。), word for word as the Party Constitution gives it.',
  ),
  'oathPanel.phrases': hint(
    '誓词 Phrases',
    '誓词，一句一项，按顺序；连起来就是《中国共产党章程》第一章第六条的誓词原文。',
    'The oath, one phrase per entry, in order; joined they are the oath as the Party Constitution (Chapter 1, Article 6) gives it.',
  ),
  panel: hint(
    '展板 Panel',
    '一块展板。kind 决定类型：milestone、event、member、stats、board、to-fill、oath。',
    'One panel; kind is one of milestone, event, member, stats, board, to-fill, oath.',
  ),
  'sectionFileFull.$schema': schemaRef(SECTION_SCHEMA_REF),
  'sectionFileFull.panels': hint(
    '展板 Panels',
    '本栏目的展板，按在长廊里的排列顺序。',
    'The panels of this section, in corridor order.',
  ),
  sectionFileFull: hint(
    '栏目文件 Section file',
    '一个栏目的展板文件（例如 timeline.json）。',
    "A section's panel file (e.g. timeline.json).",
  ),
  colorHex: hint(
    '颜色 Colour',
    '栏目的主题色，写成 "#rrggbb"，例如 "#b3121a"。',
    'The section colour as "#rrggbb", e.g. "#b3121a".',
  ),
  'sectionEntry.title': text('title', '栏目名称', 'Section title', '栏目的名称。', "The section's name."),
  'sectionEntry.subtitle': text('subtitle', '副标题', 'Subtitle', '栏目的副标题。', "The section's subtitle."),
  'sectionEntry.intro': text(
    'intro',
    '栏目简介',
    'Intro',
    '印在栏目开头展板上的简介。',
    "Printed on the section's header board.",
  ),
  'sectionEntry.file': hint(
    '展板文件 Panel file',
    '本栏目的展板文件，和 exhibition.json 放在同一个文件夹，例如 "timeline.json"。',
    'The section\'s panel file, next to exhibition.json, e.g. "timeline.json".',
  ),
  sectionEntry: hint('栏目 Section', '长廊里的一个栏目。', 'One section of the corridor.'),
  'tourStop.panel': hint('展板 Panel', '这一站展示的展板 id。', 'The id of the panel shown at this stop.'),
  'tourStop.notes[]': text(
    'point',
    '讲解要点',
    'Talking point',
    '讲解员在这一站的要点（只在讲解员视图中显示）。',
    'A talking point for the presenter (shown in the presenter view only).',
  ),
  'tourStop.duration': hint(
    '停留秒数 Duration',
    '自动播放时在这一站停留的秒数（5–3600）。',
    'Seconds to stay at this stop when playing automatically (5–3600).',
  ),
  tourStop: hint('讲解站 Tour stop', '讲解路线中的一站。', 'One stop of a guided tour.'),
  'tour.title': text('title', '路线名称', 'Tour title', '讲解路线（课程）的名称。', "The tour's (lesson's) title."),
  'tour.quiz': hint(
    '知识问答 Quiz',
    '课程结束时的知识问答：写 quiz.json 里一个问答的 id，例如 "new-recruits"。',
    'The quiz that closes the lesson: the id of a quiz in quiz.json, e.g. "new-recruits".',
  ),
  tour: hint('讲解路线 Tour', '投影讲解用的路线：按顺序的各站。', 'A guided tour for projector sessions: stops in order.'),
  'period.title': text(
    'title',
    '时期名称',
    'Period title',
    '历史时期的名称，例如 "新民主主义革命时期"。',
    'The name of the period.',
  ),
  'period.from': year('开始年份', 'First year'),
  'period.to[year]': year('结束年份', 'Last year'),
  'period.to': hint(
    '结束年份 Last year',
    '这个时期的最后一年，写数字，例如 1949；还在延续的时期（最后一个）不写。',
    'The last year of the period, e.g. 1949; left out for the period still going on (the last one).',
  ),
  period: hint(
    '历史时期 Period',
    '党的历史上的一个时期：id、名称和年份。时间轴上的节点（milestone）用 period 写明属于哪个时期。',
    "One period of the Party's history: id, name and years. Each milestone names its period by id.",
  ),
  'kioskSettings.idleSeconds': hint(
    '无人操作秒数 Idle seconds',
    '无人触摸多少秒后回到待机画面（默认 90）。',
    'Seconds without a touch before the kiosk resets (default 90).',
  ),
  'kioskSettings.adminPin': hint(
    '管理密码 Admin PIN',
    '进入管理页面的 4–8 位数字密码。',
    'A 4–8 digit PIN for the admin screen.',
  ),
  kioskSettings: hint('触摸屏设置 Kiosk', '大厅触摸屏的设置。', 'Settings of the lobby kiosk.'),
  'exhibitionShape.title': text('title', '展览名称', 'Title', '展览的名称。', 'The name of the exhibition.'),
  'exhibitionShape.subtitle': text('subtitle', '副标题', 'Subtitle', '展览的副标题。', "The exhibition's subtitle."),
  'exhibitionShape.host': text('title', '主办单位', 'Host', '主办单位。', 'Who hosts the exhibition.'),
  'exhibitionShape.theme': text('title', '主题', 'Theme', '入口上方的主题标语。', 'The theme slogan over the entrance.'),
  'exhibitionShape.motto': text('title', '结束语', 'Motto', '尽头墙上的结束语。', 'The closing words on the far wall.'),
  'exhibitionShape.mottoCaption': text(
    'title',
    '结束语说明',
    'Motto caption',
    '结束语下方的小字。',
    'The small print under the motto.',
  ),
  'exhibitionShape.source': text('source', '资料来源', 'Source', '展览的资料来源。', "The exhibition's source."),
  'exhibitionShape.periods': hint(
    '历史时期 Periods',
    '党的历史分期，按年份先后排列（例如 2021 年历史决议的四个时期）；时间轴的节点按这个顺序排列，各自写明所属时期。',
    "The periods of the Party's history in the order of their years (e.g. the four of the 2021 historical resolution); the timeline's milestones follow this order, each naming its period.",
  ),
  'exhibitionShape.sections': hint(
    '栏目 Sections',
    '各栏目，按在长廊里的顺序，至少一个。',
    'The sections in corridor order, at least one.',
  ),
  'exhibitionShape.tours': hint(
    '讲解路线 Tours',
    '投影讲解用的路线；另有一条按展览顺序走完全部展板的默认路线。',
    'Guided tours for projector sessions; a default tour visiting every panel in order always exists.',
  ),
  'exhibitionFileFull.$schema': schemaRef(EXHIBITION_SCHEMA_REF),
  exhibitionFileFull: hint(
    '展览 Exhibition',
    '展览的总文件 exhibition.json：名称、主题和各栏目。',
    'exhibition.json: the title, theme and sections.',
  ),
};

let installed = false;

/**
 * Fills every schema's metadata object with its help, once. Throws if a schema waits for help
 * that is not written here, or help is written for no schema (a key mistyped on either side).
 */
export function installSchemaHelp(): void {
  if (installed) return;
  const slots = schemaHelpSlots();
  const unwritten = [...slots.keys()].filter((key) => !Object.hasOwn(SCHEMA_HELP, key));
  const unused = Object.keys(SCHEMA_HELP).filter((key) => !slots.has(key));
  if (unwritten.length > 0 || unused.length > 0)
    throw new Error(
      `schema help: none written for ${unwritten.join(', ') || '-'}; written for no schema: ${unused.join(', ') || '-'}`,
    );
  for (const [key, slot] of slots) Object.assign(slot, SCHEMA_HELP[key]);
  installed = true;
}
