/**
 * The schema form's pure side (src/modes/curate/schemaForm/): the description read from the real
 * content schemas — every panel kind, a tour, a section entry, the kiosk's settings, a period, a
 * quiz question — with names and hints from `.meta()`, limits, dates, references and narration;
 * and the edits on JSON: fields left out when emptied, numbers kept as typed, partial dates at
 * their precision, new entries, moves, the keys problems are placed at, and the draft's choices.
 */
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, QUESTION_SECONDS, QUIZ_TEXT_LIMITS, quizQuestionSchema } from '../../src/content/quizSchema.ts';
import {
  EN_LENGTH_FACTOR,
  kioskSettingsSchema,
  PANEL_KINDS,
  panelSchema,
  periodSchema,
  sectionEntrySchema,
  TEXT_LIMITS,
  tourSchema,
} from '../../src/content/schema.ts';
import type { DraftProblem, DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import { placeProblems } from '../../src/modes/curate/draftModel.ts';
import {
  describeSchema,
  type FieldDescription,
  type FieldShape,
  fieldOf,
  type ObjectShape,
  splitDescription,
  splitTitle,
} from '../../src/modes/curate/schemaForm/describeSchema.ts';
import { draftRefs, withSiblingChoices } from '../../src/modes/curate/schemaForm/draftRefs.ts';
import {
  composePartialDate,
  initialValue,
  moveItem,
  narrationModeOf,
  objectFieldKeys,
  parseTypedNumber,
  precisionOf,
  splitPartialDate,
  storedValue,
  typedNumberValue,
  unknownKeys,
  withKey,
} from '../../src/modes/curate/schemaForm/schemaValues.ts';

const described = (schema: Parameters<typeof describeSchema>[0]): ObjectShape => {
  const shape = describeSchema(schema);
  if (!shape) throw new Error('not an object schema');
  return shape;
};
const field = (shape: ObjectShape, key: string): FieldDescription => {
  const found = fieldOf(shape, key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};
const kindSchema = (kind: string) => {
  const schema = panelSchema.options.find((option) => option.shape.kind.value === kind);
  if (!schema) throw new Error(`no kind ${kind}`);
  return schema;
};
const itemOf = (shape: FieldShape) => {
  if (shape.type !== 'array') throw new Error(`not a list: ${shape.type}`);
  return shape.item;
};
const localized = (maxZh: number) => ({ type: 'localized', maxZh, maxEn: maxZh * EN_LENGTH_FACTOR });

describe('names and hints from .meta()', () => {
  it('splits a title into its Chinese and English and a description into its two lines', () => {
    expect(splitTitle('标题 Title')).toEqual({ zh: '标题', en: 'Title' });
    expect(splitTitle('讲解站 Tour stop')).toEqual({ zh: '讲解站', en: 'Tour stop' });
    expect(splitTitle('id')).toEqual({ zh: 'id', en: 'id' });
    expect(splitTitle('$schema')).toEqual({ zh: '$schema', en: '$schema' });
    expect(splitDescription('中文。\nEnglish.')).toEqual({ zh: '中文。', en: 'English.' });
    expect(splitDescription('只有中文。')).toEqual({ zh: '只有中文。', en: '只有中文。' });
  });

  it('a localized text’s hint keeps what it is for and drops the JSON how-to (the form says the limits)', () => {
    const title = field(described(kindSchema('event')), 'title');
    expect(title.label).toEqual({ zh: '标题', en: 'Title' });
    expect(title.hint).toEqual({
      zh: '展板标题，印在展板上，也是卡片的标题。',
      en: 'The panel title, on the board and heading the card.',
    });
  });
});

describe('every panel kind', () => {
  const COMMON = ['id', 'title', 'summary', 'body', 'date', 'images', 'source', 'related', 'narration', 'kind'];
  const OWN: Record<string, string[]> = {
    milestone: ['period'],
    event: [],
    member: ['people'],
    stats: ['since', 'stats'],
    board: ['points'],
    'to-fill': ['note'],
    oath: ['phrases', 'recording'],
  };

  it.each(PANEL_KINDS.map((kind) => [kind]))('%s: every field in the schema’s order, named in Chinese and English', (kind) => {
    const shape = described(kindSchema(kind));
    expect(shape.strict).toBe(true);
    expect(shape.fields.map((entry) => entry.key)).toEqual([...COMMON, ...(OWN[kind] ?? [])]);
    for (const entry of shape.fields.filter((entry) => entry.key !== 'id')) {
      expect(entry.label.zh, entry.key).toMatch(/\p{Script=Han}/u);
      expect(entry.label.en, entry.key).toMatch(/^[A-Z]/);
      expect(entry.hint?.zh, entry.key).toBeTruthy();
      expect(entry.hint?.en, entry.key).toBeTruthy();
    }
    expect(field(shape, 'kind').shape).toEqual({ type: 'literal', value: kind });
    expect(field(shape, 'kind').optional).toBe(false);
  });

  it('the common fields: texts with their limits, paragraphs, a date, images, related panels, narration', () => {
    const shape = described(kindSchema('event'));
    expect(field(shape, 'title')).toMatchObject({ optional: false, shape: localized(TEXT_LIMITS.title) });
    expect(field(shape, 'summary')).toMatchObject({ optional: true, shape: localized(TEXT_LIMITS.summary) });
    expect(field(shape, 'source')).toMatchObject({ optional: true, shape: localized(TEXT_LIMITS.source) });
    // A list with a default may be left out.
    const body = field(shape, 'body');
    expect(body).toMatchObject({ optional: true, label: { zh: '正文', en: 'Body' } });
    expect(itemOf(body.shape)).toMatchObject({ label: { zh: '段落', en: 'Paragraph' }, shape: localized(TEXT_LIMITS.paragraph) });
    expect(field(shape, 'date')).toMatchObject({ optional: true, label: { zh: '日期', en: 'Date' }, shape: { type: 'date' } });
    const id = field(shape, 'id').shape;
    expect(id.type).toBe('string');
    expect(id.type === 'string' && id.patterns.map(String)).toEqual([String(/^[a-z0-9][a-z0-9-]{0,63}$/)]);

    const image = itemOf(field(shape, 'images').shape);
    expect(image.label).toEqual({ zh: '图片', en: 'Image' });
    expect(image.shape.type).toBe('object');
    const imageShape = image.shape as ObjectShape;
    expect(imageShape.fields.map((entry) => [entry.key, entry.shape.type, entry.optional])).toEqual([
      ['src', 'string', false],
      ['caption', 'localized', false],
      ['alt', 'localized', true],
      ['crop', 'object', true],
      ['placeholder', 'boolean', true],
    ]);
    // The crop's four shares, each a number from 0 to 1.
    const crop = field(imageShape, 'crop').shape as ObjectShape;
    expect(crop.fields.map((entry) => [entry.key, entry.label.zh, entry.shape.type])).toEqual([
      ['x', '左边距', 'number'],
      ['y', '上边距', 'number'],
      ['width', '宽度', 'number'],
      ['height', '高度', 'number'],
    ]);
    expect(field(imageShape, 'src').shape).toMatchObject({ type: 'string', maxLength: 200 });

    // Related panels: a list of panel references, each named by the list (its id type is only "id").
    const related = field(shape, 'related');
    expect(related.label).toEqual({ zh: '相关展板', en: 'Related panels' });
    expect(itemOf(related.shape)).toEqual({
      label: { zh: '相关展板', en: 'Related panels' },
      hint: null,
      shape: { type: 'reference', to: 'panels' },
    });

    // Narration: one file, or one per language.
    const narration = field(shape, 'narration');
    expect(narration).toMatchObject({ optional: true, label: { zh: '讲解录音', en: 'Narration' } });
    expect(narration.shape.type).toBe('perLanguage');
    const file = (narration.shape as Extract<FieldShape, { type: 'perLanguage' }>).item;
    expect(file.fields.map((entry) => [entry.key, entry.label.zh, entry.optional])).toEqual([
      ['src', '音频文件', false],
      ['captions', '字幕', true],
    ]);
  });

  it('a milestone: a date it must have, and its period from exhibition.json', () => {
    const shape = described(kindSchema('milestone'));
    expect(field(shape, 'date')).toMatchObject({ optional: false, shape: { type: 'date' } });
    expect(field(shape, 'period')).toMatchObject({
      optional: false,
      label: { zh: '历史时期', en: 'Period' },
      shape: { type: 'reference', to: 'periods' },
    });
  });

  it('a member board: people, at least one, each a name, a role and honours', () => {
    const people = field(described(kindSchema('member')), 'people');
    expect(people).toMatchObject({ optional: false, label: { zh: '人物', en: 'People' } });
    expect(people.shape).toMatchObject({ type: 'array', minItems: 1 });
    const person = itemOf(people.shape);
    expect(person.label).toEqual({ zh: '人物', en: 'Person' });
    const personShape = person.shape as ObjectShape;
    expect(field(personShape, 'name')).toMatchObject({ optional: false, shape: localized(TEXT_LIMITS.name) });
    expect(field(personShape, 'role')).toMatchObject({ optional: false, shape: localized(TEXT_LIMITS.role) });
    const honours = field(personShape, 'honours');
    expect(honours.optional).toBe(true);
    expect(itemOf(honours.shape)).toMatchObject({ label: { zh: '荣誉', en: 'Honour' }, shape: localized(TEXT_LIMITS.honour) });
  });

  it('a stats board: figures with a non-negative value, and since — a date named for itself, not 日期 again', () => {
    const shape = described(kindSchema('stats'));
    const since = field(shape, 'since');
    expect(since).toMatchObject({ optional: true, shape: { type: 'date' } });
    expect(since.label.zh).not.toBe(field(shape, 'date').label.zh);
    expect(since.label).toEqual({ zh: '统计起始日期', en: 'Counted since' });
    const stats = field(shape, 'stats');
    expect(stats.shape).toMatchObject({ type: 'array', minItems: 1 });
    const figure = itemOf(stats.shape).shape as ObjectShape;
    expect(field(figure, 'value')).toMatchObject({
      optional: false,
      label: { zh: '数值', en: 'Value' },
      shape: { type: 'number', int: false, min: 0, max: null },
    });
    expect(field(figure, 'unit')).toMatchObject({ optional: true, shape: localized(TEXT_LIMITS.unit) });
  });

  it('a board: points; a to-fill board: its note; an oath: phrases and a recording with cues', () => {
    const points = field(described(kindSchema('board')), 'points');
    expect(points.optional).toBe(true);
    expect(itemOf(points.shape)).toMatchObject({ label: { zh: '要点', en: 'Point' }, shape: localized(TEXT_LIMITS.point) });
    expect(field(described(kindSchema('to-fill')), 'note')).toMatchObject({
      optional: false,
      label: { zh: '待补充说明', en: 'Note' },
      shape: localized(TEXT_LIMITS.note),
    });
    const oath = described(kindSchema('oath'));
    const phrases = field(oath, 'phrases');
    expect(phrases.shape).toMatchObject({ type: 'array', minItems: 1 });
    expect(itemOf(phrases.shape)).toMatchObject({ label: { zh: '誓词', en: 'Phrase' }, shape: localized(TEXT_LIMITS.phrase) });
    const recording = field(oath, 'recording');
    expect(recording).toMatchObject({ optional: true, label: { zh: '誓词录音', en: 'Recording' } });
    const recordingShape = recording.shape as ObjectShape;
    expect(field(recordingShape, 'src')).toMatchObject({ optional: false, shape: { type: 'string' } });
    const cues = field(recordingShape, 'cues');
    expect(cues).toMatchObject({ optional: true, label: { zh: '每句开始的秒数', en: 'Cues' } });
    // Cue entries have no name of their own: the list's.
    expect(itemOf(cues.shape)).toMatchObject({
      label: { zh: '每句开始的秒数', en: 'Cues' },
      shape: { type: 'number', int: false, min: 0 },
    });
  });
});

describe('the other documents', () => {
  it('a tour: its stops (each a panel reference, notes and seconds) and its closing quiz', () => {
    const tour = described(tourSchema);
    expect(tour.fields.map((entry) => entry.key)).toEqual(['id', 'title', 'stops', 'quiz']);
    expect(field(tour, 'title')).toMatchObject({ label: { zh: '路线名称', en: 'Tour title' }, shape: localized(60) });
    expect(field(tour, 'quiz')).toMatchObject({
      optional: true,
      label: { zh: '知识问答', en: 'Quiz' },
      shape: { type: 'reference', to: 'quizzes' },
    });
    const stops = field(tour, 'stops');
    // The list has no title of its own: it is named by its entries.
    expect(stops).toMatchObject({ optional: false, label: { zh: '讲解站', en: 'Tour stop' }, shape: { minItems: 1 } });
    const stop = itemOf(stops.shape).shape as ObjectShape;
    expect(field(stop, 'panel')).toMatchObject({
      label: { zh: '展板', en: 'Panel' },
      shape: { type: 'reference', to: 'panels' },
    });
    expect(field(stop, 'notes')).toMatchObject({ optional: true, label: { zh: '讲解要点', en: 'Talking point' } });
    expect(field(stop, 'duration')).toMatchObject({
      optional: true,
      shape: { type: 'number', int: true, min: 5, max: 3600 },
    });
  });

  it('a document’s own id is named 编号 / ID with what it is for; references and ids with names of their own keep theirs', () => {
    for (const schema of [kindSchema('event'), kindSchema('milestone'), tourSchema, sectionEntrySchema, periodSchema]) {
      const id = field(described(schema), 'id');
      expect(id.label).toEqual({ zh: '编号', en: 'ID' });
      expect(id.hint?.zh).toContain('链接和其他文档用它指向这里');
      expect(id.hint?.en).toContain('Links and other documents point here');
      expect(id.shape.type).toBe('string');
    }
    // The related panels are ids too, and named by their list, not 编号.
    const related = field(described(kindSchema('milestone')), 'related');
    expect(itemOf(related.shape).label).toEqual(related.label);
    expect(related.label.zh).not.toBe('编号');
    const stop = itemOf(field(described(tourSchema), 'stops').shape).shape as ObjectShape;
    expect(field(stop, 'panel').label).toEqual({ zh: '展板', en: 'Panel' });
    expect(field(described(tourSchema), 'quiz').label).toEqual({ zh: '知识问答', en: 'Quiz' });
    expect(field(described(quizQuestionSchema), 'id').label).toEqual({ zh: '题目编号', en: 'Question id' });
  });

  it('a section entry: texts, a file name pattern and a colour', () => {
    const section = described(sectionEntrySchema);
    expect(section.fields.map((entry) => [entry.key, entry.shape.type, entry.optional])).toEqual([
      ['id', 'string', false],
      ['title', 'localized', false],
      ['subtitle', 'localized', true],
      ['intro', 'localized', true],
      ['file', 'string', false],
      ['accent', 'string', true],
    ]);
    expect(field(section, 'intro').shape).toEqual(localized(TEXT_LIMITS.intro));
    const file = field(section, 'file').shape;
    expect(file.type === 'string' && file.patterns.some((pattern) => pattern.test('timeline.json'))).toBe(true);
    expect(file.type === 'string' && file.patterns.every((pattern) => pattern.test('../x.json'))).toBe(false);
    expect(field(section, 'accent').label).toEqual({ zh: '颜色', en: 'Colour' });
  });

  it('the kiosk’s settings: seconds with a default (so it may be left out), and a PIN pattern', () => {
    const kiosk = described(kioskSettingsSchema);
    expect(field(kiosk, 'idleSeconds')).toMatchObject({
      optional: true,
      label: { zh: '无人操作秒数', en: 'Idle seconds' },
      shape: { type: 'number', int: true, min: 15, max: 3600 },
    });
    const pin = field(kiosk, 'adminPin');
    expect(pin).toMatchObject({ optional: true, label: { zh: '管理密码', en: 'Admin PIN' } });
    expect(pin.shape.type === 'string' && pin.shape.patterns.map((pattern) => pattern.test('1234'))).toEqual([true]);
  });

  it('a period: its years as whole numbers, the last one optional', () => {
    const period = described(periodSchema);
    expect(field(period, 'from')).toMatchObject({
      optional: false,
      label: { zh: '开始年份', en: 'First year' },
      shape: { type: 'number', int: true, min: 1800, max: 2200 },
    });
    expect(field(period, 'to')).toMatchObject({ optional: true, label: { zh: '结束年份', en: 'Last year' } });
  });

  it('a quiz question: its kind a choice, options a list of objects, the answer ids, the panel a reference', () => {
    const question = described(quizQuestionSchema);
    expect(question.fields.map((entry) => entry.key)).toEqual([
      'id',
      'kind',
      'prompt',
      'options',
      'answer',
      'explanation',
      'seconds',
      'panel',
    ]);
    expect(field(question, 'kind').shape).toEqual({ type: 'choice', options: [...QUESTION_KINDS] });
    expect(field(question, 'prompt').shape).toEqual(localized(QUIZ_TEXT_LIMITS.prompt));
    const option = itemOf(field(question, 'options').shape);
    expect(option.label).toEqual({ zh: '选项', en: 'Option' });
    expect((option.shape as ObjectShape).fields.map((entry) => [entry.key, entry.label.zh])).toEqual([
      ['id', '选项编号'],
      ['text', '选项'],
    ]);
    // The answer names the question's own options: picked from them, with the form's hint, not the JSON one.
    const answer = field(question, 'answer');
    expect(itemOf(answer.shape)).toMatchObject({
      label: { zh: '正确答案', en: 'Answer' },
      shape: { type: 'reference', to: 'options' },
    });
    expect(answer.label).toEqual({ zh: '正确答案', en: 'Answer' });
    expect(answer.hint?.zh).toContain('从这道题的选项里选');
    expect(answer.hint?.zh).not.toContain('[');
    expect(field(question, 'seconds').shape).toEqual({
      type: 'number',
      int: true,
      min: QUESTION_SECONDS.min,
      max: QUESTION_SECONDS.max,
    });
    expect(field(question, 'panel')).toMatchObject({
      label: { zh: '依据展板', en: 'Panel' },
      shape: { type: 'reference', to: 'panels' },
    });
  });

  it('a schema that is no object describes nothing', () => {
    expect(describeSchema(panelSchema)).toBeNull();
  });
});

describe('edits on JSON', () => {
  it('sets a field on a copy, leaves it out when undefined, keeps the other keys', () => {
    const panel = { id: 'a', title: 't', focus: { x: 0.5 } };
    const next = withKey(panel, 'summary', 's');
    expect(next).toEqual({ id: 'a', title: 't', focus: { x: 0.5 }, summary: 's' });
    expect(panel).not.toHaveProperty('summary');
    expect(withKey(next, 'title', undefined)).toEqual({ id: 'a', focus: { x: 0.5 }, summary: 's' });
    expect(storedValue('', true)).toBeUndefined();
    expect(storedValue([], true)).toBeUndefined();
    expect(storedValue('', false)).toBe('');
    expect(storedValue([], false)).toEqual([]);
    expect(storedValue('x', true)).toBe('x');
  });

  it('a typed number is stored once it reads as one, else as the text (nothing lost)', () => {
    expect(parseTypedNumber('204')).toEqual({ kind: 'number', value: 204 });
    expect(parseTypedNumber('1.')).toEqual({ kind: 'number', value: 1 });
    expect(parseTypedNumber('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseTypedNumber('２０４')).toEqual({ kind: 'number', value: 204 });
    expect(parseTypedNumber(' 3.25 ')).toEqual({ kind: 'number', value: 3.25 });
    expect(parseTypedNumber('约200')).toEqual({ kind: 'text', text: '约200' });
    expect(parseTypedNumber('1e3')).toEqual({ kind: 'text', text: '1e3' });
    expect(parseTypedNumber('  ')).toEqual({ kind: 'empty' });
    expect(typedNumberValue('', true)).toBeUndefined();
    expect(typedNumberValue('', false)).toBe('');
    expect(typedNumberValue('12', false)).toBe(12);
    expect(typedNumberValue('12 家', false)).toBe('12 家');
  });

  it('a partial date: split into its parts, written at its precision', () => {
    expect(splitPartialDate('1921-07-23')).toEqual({ year: '1921', month: '07', day: '23' });
    expect(splitPartialDate('1921')).toEqual({ year: '1921', month: '', day: '' });
    expect(splitPartialDate(undefined)).toEqual({ year: '', month: '', day: '' });
    expect(splitPartialDate('1921年7月')).toEqual({ year: '1921年7月', month: '', day: '' });
    expect([precisionOf('1921'), precisionOf('1921-07'), precisionOf('1921-07-23'), precisionOf(undefined)]).toEqual([
      'year',
      'month',
      'day',
      'year',
    ]);
    const parts = { year: '1921', month: '07', day: '23' };
    expect(composePartialDate(parts, 'year')).toBe('1921');
    expect(composePartialDate(parts, 'month')).toBe('1921-07');
    expect(composePartialDate(parts, 'day')).toBe('1921-07-23');
    // A finer precision without its month or day yet writes no invented one.
    expect(composePartialDate({ year: '1921', month: '', day: '' }, 'day')).toBe('1921');
    expect(composePartialDate({ year: '1921', month: '07', day: '' }, 'day')).toBe('1921-07');
  });

  it('a new entry has its required fields, empty, and no invented number', () => {
    const member = described(kindSchema('member'));
    expect(initialValue(itemOf(field(member, 'people').shape).shape)).toEqual({ name: '', role: '' });
    const stats = described(kindSchema('stats'));
    expect(initialValue(itemOf(field(stats, 'stats').shape).shape)).toEqual({ label: '' });
    const tour = described(tourSchema);
    expect(initialValue(itemOf(field(tour, 'stops').shape).shape)).toEqual({ panel: '' });
    expect(initialValue(field(described(kindSchema('oath')), 'recording').shape)).toEqual({ src: '' });
    expect(initialValue(field(described(kindSchema('event')), 'narration').shape)).toEqual({ src: '' });
    expect(initialValue(field(described(quizQuestionSchema), 'kind').shape)).toBe('single');
    expect(initialValue(described(kindSchema('board')))).toEqual({ id: '', title: '', kind: 'board' });
  });

  it('moves an entry on a copy; a move off either end changes nothing', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 3)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('a narration’s form: none, one file, or per language', () => {
    expect(narrationModeOf(undefined)).toBe('none');
    expect(narrationModeOf({ src: 'audio/a.mp3' })).toBe('one');
    expect(narrationModeOf({ zh: { src: 'audio/a.mp3' } })).toBe('perLanguage');
    expect(narrationModeOf({})).toBe('perLanguage');
  });
});

describe('where problems go', () => {
  it('every field’s key, the entries’ and the unknown keys included, leaving out what the caller draws', () => {
    const stats = described(kindSchema('stats'));
    const panel = {
      id: 'x',
      kind: 'stats',
      title: 't',
      stats: [{ label: 'a', value: 1 }, { label: 'b' }],
      narration: { zh: { src: 'audio/a.mp3' } },
      legacy: true,
    };
    const keys = objectFieldKeys(stats, panel, '', ['id', 'kind', 'title', 'body', 'images']);
    expect(keys).toEqual([
      'summary',
      'date',
      'source',
      'related',
      'narration',
      'narration.zh',
      'narration.zh.src',
      'narration.zh.captions',
      'since',
      'stats',
      'stats.0',
      'stats.0.label',
      'stats.0.value',
      'stats.0.unit',
      'stats.1',
      'stats.1.label',
      'stats.1.value',
      'stats.1.unit',
      'legacy',
    ]);
    expect(unknownKeys(stats, panel)).toEqual(['legacy']);
    const problem = (key: string): DraftProblem & { key: string } => ({
      key,
      severity: 'error',
      file: 'content/deqing.json',
      path: [],
      message: { zh: key, en: key },
      target: { kind: 'panel', panelId: 'x', field: key.split('.') },
    });
    const placed = placeProblems([problem('stats.1.value'), problem('narration.zh.src'), problem('stats.0.label.en')], keys);
    const at = (key: string) => placed.get(key)?.map((entry) => entry.message.zh);
    expect(at('stats.1.value')).toEqual(['stats.1.value']);
    expect(at('narration.zh.src')).toEqual(['narration.zh.src']);
    expect(at('stats.0.label')).toEqual(['stats.0.label.en']);
    expect(at('')).toBeUndefined();
  });

  it('an image’s keys under its place in the panel', () => {
    const image = itemOf(field(described(kindSchema('event')), 'images').shape).shape as ObjectShape;
    expect(
      objectFieldKeys(image, { src: 'a.jpg', caption: 'c', focus: { x: 0.5 } }, 'images.0', ['src', 'caption', 'alt']),
    ).toEqual(['images.0.crop', 'images.0.placeholder', 'images.0.focus']);
  });
});

describe('the draft’s choices for references', () => {
  it('every panel in corridor order, the periods and the quizzes, titled in the page’s language', () => {
    const snapshot: DraftSnapshot = {
      exists: true,
      files: {
        'content/exhibition.json': {
          sections: [
            { id: 's1', title: '一', file: 'one.json' },
            { id: 's2', title: '二', file: 'two.json' },
          ],
          periods: [{ id: 'p1', title: { zh: '时期', en: 'Period' }, from: 1921 }, { title: 'no id' }],
        },
        'content/one.json': {
          panels: [
            { id: 'a', title: { zh: '甲', en: 'A' } },
            { id: 'b', title: '乙' },
          ],
        },
        'content/two.json': { panels: [{ id: 'c', title: '丙' }] },
        'content/quiz.json': { quizzes: [{ id: 'q', title: { zh: '问答', en: 'Quiz' } }] },
      },
      versions: { settings: 'v', sections: {}, tours: {}, quizzes: {}, panels: {} },
      bin: [],
      photos: [],
    };
    expect(draftRefs(snapshot, 'zh')).toEqual({
      panels: [
        { id: 'a', title: '甲' },
        { id: 'b', title: '乙' },
        { id: 'c', title: '丙' },
      ],
      periods: [{ id: 'p1', title: '时期' }],
      quizzes: [{ id: 'q', title: '问答' }],
    });
    expect(draftRefs(snapshot, 'en').panels?.[0]).toEqual({ id: 'a', title: 'A' });
    expect(draftRefs({ ...snapshot, files: {} }, 'zh')).toEqual({ panels: [], periods: [], quizzes: [] });
  });
});

describe('a question’s own options as its answer’s choices', () => {
  const question = described(quizQuestionSchema);
  const refs = { panels: [{ id: 'cpc-founding-1921', title: '中国共产党诞生' }] };
  const options = [
    { id: 'a', text: { zh: '7月1日', en: '1 July' } },
    { id: 'b', text: '7月23日' },
    { id: '', text: '还没有编号' },
    { id: 'a', text: '编号写了两次' },
    'not an option',
  ];

  it('are the options with an id, once each, titled by their text in the page’s language; the other choices kept', () => {
    expect(withSiblingChoices(refs, question, { options }, 'zh')).toEqual({
      ...refs,
      options: [
        { id: 'a', title: '7月1日' },
        { id: 'b', title: '7月23日' },
      ],
    });
    // English falls back to the Chinese where the option has none.
    expect(withSiblingChoices(refs, question, { options }, 'en').options).toEqual([
      { id: 'a', title: '1 July' },
      { id: 'b', title: '7月23日' },
    ]);
  });

  it('are none for a question without options yet, and not offered to an object that names none', () => {
    expect(withSiblingChoices(refs, question, {}, 'zh').options).toEqual([]);
    expect(withSiblingChoices(refs, question, { options: 'typed by hand' }, 'zh').options).toEqual([]);
    // A tour has no field naming options: its choices are the caller's, untouched.
    expect(withSiblingChoices(refs, described(tourSchema), { options }, 'zh')).toBe(refs);
  });
});
