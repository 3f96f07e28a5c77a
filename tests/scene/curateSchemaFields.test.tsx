// @vitest-environment jsdom
/**
 * The form generated from the content schema (src/modes/curate/schemaForm/SchemaFields.tsx) over
 * the real schemas: a member board (a person added, named in Chinese and English, an honour), a
 * stats board (a figure's value typed as text, then as a number, "1." kept while typing), a
 * milestone (the date at its precision 1921 → 1921-07 → 1921-07-23 and back, the period from the
 * draft's), an oath (phrases, the recording and its cues, moved by keyboard-usable buttons), a
 * narration (one file or per language), a tour (stops with their panel chosen from the draft's),
 * a quiz question (its answer picked from its own options by their text, an answer naming none kept).
 * Each time the JSON handed back, only the edited field changed, unknown keys kept; the problems
 * shown at their fields; every input found by its label. And the panel form (CuratePanelForm)
 * drawing every field of every kind, an image's unknown key surviving its edits.
 */
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { quizQuestionSchema } from '../../src/content/quizSchema.ts';
import { PANEL_KINDS, panelSchema, tourSchema } from '../../src/content/schema.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import type { DraftProblem } from '../../src/live/curateDraftProtocol.ts';
import { describeSchema } from '../../src/modes/curate/schemaForm/describeSchema.ts';
import { type SchemaFieldRefs, SchemaFields } from '../../src/modes/curate/schemaForm/SchemaFields.tsx';
import { CuratePanelForm } from '../../src/modes/curate/ui/CuratePanelForm.tsx';
import { domRootPerTest } from '../support/domRoot.ts';

const dom = domRootPerTest();
const page = () => dom.container;

type Json = Record<string, unknown>;
type KeyedProblem = DraftProblem & { key: string };

const kindSchema = (kind: string) => {
  const schema = panelSchema.options.find((option) => option.shape.kind.value === kind);
  if (!schema) throw new Error(`no kind ${kind}`);
  return schema;
};

const REFS: SchemaFieldRefs = {
  panels: [
    { id: 'cpc-founding-1921', title: '中国共产党诞生' },
    { id: 'deqing-party-history', title: '德清县党史' },
  ],
  periods: [
    { id: 'new-democratic-revolution', title: '新民主主义革命时期' },
    { id: 'socialist-revolution', title: '社会主义革命和建设时期' },
  ],
  quizzes: [{ id: 'new-recruits', title: '新队员入队教育' }],
};

function problem(key: string, zh: string): KeyedProblem {
  return {
    key,
    severity: 'error',
    file: 'content/x.json',
    path: key.split('.'),
    message: { zh, en: `${zh} (en)` },
    target: { kind: 'panel', panelId: 'x', field: key.split('.') },
  };
}

interface HarnessProps {
  schema: z.ZodType;
  initial: Json;
  problems?: KeyedProblem[];
  omit?: readonly string[];
  lang?: Lang;
  changes: Json[];
}

/** The caller's side: it keeps the document, as CuratePanelForm and the settings screens do. */
function Harness({ schema, initial, problems = [], omit, lang = 'zh', changes }: HarnessProps) {
  const [value, setValue] = useState(initial);
  return (
    <SchemaFields
      lang={lang}
      schema={schema}
      value={value}
      problems={problems}
      refs={REFS}
      {...(omit ? { omit } : {})}
      onChange={(next) => {
        changes.push(next);
        setValue(next);
      }}
    />
  );
}

function show(props: Omit<HarnessProps, 'changes'>): { changes: Json[]; last: () => Json } {
  const changes: Json[] = [];
  act(() => dom.root.render(<Harness {...props} changes={changes} />));
  return {
    changes,
    last: () => {
      const latest = changes.at(-1);
      if (!latest) throw new Error('no change handed back');
      return latest;
    },
  };
}

/** The one control labelled exactly `text` (as testing-library's getByLabelText: none or two is an error). */
function getByLabelText(text: string, within: ParentNode = page()): HTMLElement {
  const labels = [...within.querySelectorAll('label')].filter((label) => label.textContent === text);
  if (labels.length !== 1) throw new Error(`${labels.length} labels read "${text}"`);
  const control = document.getElementById(labels[0]?.htmlFor ?? '');
  if (!control) throw new Error(`the label "${text}" names no control`);
  return control;
}
const queryByLabelText = (text: string) => [...page().querySelectorAll('label')].some((label) => label.textContent === text);
const input = (text: string) => getByLabelText(text) as HTMLInputElement;
const select = (text: string) => getByLabelText(text) as HTMLSelectElement;
/** The group (fieldset) whose legend reads `text`. */
function group(text: string): HTMLFieldSetElement {
  const found = [...page().querySelectorAll('fieldset')].filter(
    (set) => set.querySelector(':scope > legend')?.textContent === text,
  );
  if (found.length !== 1) throw new Error(`${found.length} groups read "${text}"`);
  return found[0] as HTMLFieldSetElement;
}
function button(name: string, within: ParentNode = page()): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].filter(
    (element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} buttons named "${name}"`);
  return found[0] as HTMLButtonElement;
}

function type(control: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function choose(control: HTMLSelectElement, value: string) {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function click(element: HTMLElement) {
  act(() => element.click());
}
/** The problems an input is described by, in words. */
function problemsOf(control: HTMLElement): string[] {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.flatMap((id) =>
    [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((item) => item.textContent ?? ''),
  );
}
const optionTexts = (control: HTMLSelectElement) => [...control.options].map((option) => option.textContent);

describe('a member board', () => {
  const member = { id: 'wang', kind: 'member', title: '王燕平', people: [], legacy: { kept: true } };

  it('a person added, named in Chinese and English, with an honour; every other field kept', () => {
    const { changes, last } = show({ schema: kindSchema('member'), initial: member, omit: ['id', 'kind'] });
    // The key the schema does not name is kept and named.
    expect(page().textContent).toContain('这里没有显示的字段（legacy）会原样保留。');
    const people = group('人物 People');
    click(button('添加人物', people));
    expect(last()).toEqual({ ...member, people: [{ name: '', role: '' }] });

    type(input('人物 1 · 姓名（中文）'), '王燕平');
    expect(last().people).toEqual([{ name: '王燕平', role: '' }]);
    type(input('Person 1 · Name (English)'), 'Wang Yanping');
    expect(last().people).toEqual([{ name: { zh: '王燕平', en: 'Wang Yanping' }, role: '' }]);
    type(input('人物 1 · 职务（中文）'), '消防员');

    click(button('添加荣誉', group('人物 1 · 荣誉 Honours')));
    type(input('人物 1 · 荣誉 1（中文）'), '二等功');
    expect(last()).toEqual({
      ...member,
      people: [{ name: { zh: '王燕平', en: 'Wang Yanping' }, role: '消防员', honours: ['二等功'] }],
    });
    // Emptied, the optional honours are left out; the required name stays, empty.
    click(button('删除“人物 1 · 荣誉 1”'));
    expect(last().people).toEqual([{ name: { zh: '王燕平', en: 'Wang Yanping' }, role: '消防员' }]);
    type(input('人物 1 · 姓名（中文）'), '');
    type(input('Person 1 · Name (English)'), '');
    expect(last().people).toEqual([{ name: '', role: '消防员' }]);
    // Every change handed back a copy: the first is as it was.
    expect(changes[0]).toEqual({ ...member, people: [{ name: '', role: '' }] });
    expect(member.people).toEqual([]);
  });

  it('上移 / 下移 a person with honours: the person moves, the focus stays on the person’s button', () => {
    const people = [
      { name: '甲', role: '消防员', honours: ['二等功'] },
      { name: '乙', role: '班长', honours: ['三等功', '优秀党员'] },
    ];
    const { last } = show({ schema: kindSchema('member'), initial: { ...member, people }, omit: ['id', 'kind'] });
    const down = button('下移“人物 1”');
    act(() => down.focus());
    click(down);
    expect(last().people).toEqual([people[1], people[0]]);
    expect(input('人物 2 · 姓名（中文）').value).toBe('甲');
    expect(input('人物 2 · 荣誉 1（中文）').value).toBe('二等功');
    // Last now, its 下移 is disabled: the focus is on its own 上移, not an honour's.
    expect(document.activeElement).toBe(button('上移“人物 2”'));
  });

  it('the problems stand at their fields: a person’s role, the list itself, the unknown key', () => {
    show({
      schema: kindSchema('member'),
      initial: { ...member, people: [{ name: '王燕平', role: '' }] },
      omit: ['id', 'kind'],
      problems: [
        problem('people.0.role', '请写职务。'),
        problem('people.0.name.en', '英文太长了。'),
        problem('legacy', '多余的字段。'),
        problem('title', '由调用方显示。'),
      ],
    });
    expect(problemsOf(input('人物 1 · 职务（中文）'))).toEqual(['请写职务。']);
    expect(input('人物 1 · 职务（中文）').getAttribute('aria-invalid')).toBe('true');
    expect(problemsOf(input('人物 1 · 姓名（中文）'))).toEqual(['英文太长了。']);
    expect(page().querySelector('[data-kept-keys="legacy"]')?.textContent).toContain('多余的字段。');
    // The title is drawn where it is not omitted: here it is, with its problem.
    expect(problemsOf(input('标题（中文）'))).toEqual(['由调用方显示。']);
  });

  it('a problem of an omitted field is the caller’s, not shown here', () => {
    show({
      schema: kindSchema('member'),
      initial: member,
      omit: ['id', 'kind', 'title'],
      problems: [problem('title', '标题不能为空。'), problem('people', '至少写一个人。')],
    });
    expect(page().textContent).not.toContain('标题不能为空。');
    expect(queryByLabelText('标题（中文）')).toBe(false);
    const people = group('人物 People');
    expect(problemsOf(people)).toEqual(['至少写一个人。']);
  });
});

describe('a stats board', () => {
  const stats = { id: 'inspector', kind: 'stats', title: '检查成果', stats: [{ label: '检查单位', value: 204 }] };

  it('a figure’s value typed as text is kept as text and said so; typed as a number it is one', () => {
    const { last } = show({ schema: kindSchema('stats'), initial: stats, omit: ['id', 'kind'] });
    click(button('添加数字'));
    // No invented figure: a new one has its label to write and no value.
    expect(last().stats).toEqual([{ label: '检查单位', value: 204 }, { label: '' }]);
    type(input('数字 2 · 名称（中文）'), '隐患整改');
    const value = input('数字 2 · 数值 Value');
    type(value, '约200');
    expect(last().stats).toEqual([
      { label: '检查单位', value: 204 },
      { label: '隐患整改', value: '约200' },
    ]);
    expect(value.value).toBe('约200');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(page().textContent).toContain('这不是一个数字，已按原样保存');
    type(value, '200');
    expect(last().stats).toEqual([
      { label: '检查单位', value: 204 },
      { label: '隐患整改', value: 200 },
    ]);
    expect(page().textContent).not.toContain('这不是一个数字');
    // An unfinished decimal stays as typed while the number it reads as is stored.
    type(value, '1.');
    expect((last().stats as Json[])[1]?.value).toBe(1);
    expect(value.value).toBe('1.');
    type(value, '1.5');
    expect((last().stats as Json[])[1]?.value).toBe(1.5);
    expect(input('数字 1 · 数值 Value').value).toBe('204');
  });

  it('a problem at a figure’s value stands there; since is a date of its own', () => {
    show({
      schema: kindSchema('stats'),
      initial: { ...stats, stats: [{ label: '检查单位', value: -1 }] },
      omit: ['id', 'kind'],
      problems: [problem('stats.0.value', '不能为负数。')],
    });
    expect(problemsOf(input('数字 1 · 数值 Value'))).toEqual(['不能为负数。']);
    expect(group('统计起始日期 Counted since')).toBeDefined();
    expect(group('日期 Date')).toBeDefined();
  });
});

describe('a milestone', () => {
  const milestone = {
    id: 'cpc-founding-1921',
    kind: 'milestone',
    title: '中国共产党诞生',
    date: '1921',
    period: 'new-democratic-revolution',
  };

  it('the date at its precision: 1921 → 1921-07 → 1921-07-23, and back to the year', () => {
    const { changes, last } = show({ schema: kindSchema('milestone'), initial: milestone, omit: ['id', 'kind'] });
    const date = group('日期 Date');
    expect(input('日期：年').value).toBe('1921');
    expect(select('日期：精确到').value).toBe('year');
    expect(optionTexts(select('日期：精确到'))).toEqual(['年', '年月', '年月日']);
    expect(queryByLabelText('日期：月')).toBe(false);

    // A finer precision waits for its month: no month is invented.
    choose(select('日期：精确到'), 'month');
    expect(changes).toHaveLength(0);
    expect(select('日期：月').value).toBe('');
    choose(select('日期：月'), '07');
    expect(last()).toEqual({ ...milestone, date: '1921-07' });

    choose(select('日期：精确到'), 'day');
    expect(changes).toHaveLength(1);
    choose(select('日期：日'), '23');
    expect(last()).toEqual({ ...milestone, date: '1921-07-23' });
    expect(select('日期：日').options[23]?.textContent).toBe('23 日');

    // Coarser at once: the day and month are dropped.
    choose(select('日期：精确到'), 'year');
    expect(last()).toEqual({ ...milestone, date: '1921' });
    expect(queryByLabelText('日期：日')).toBe(false);
    expect(date.querySelector('legend')?.textContent).toBe('日期 Date');
  });

  it('the year typed; a date written otherwise by hand is shown and kept; problems at the date', () => {
    const { last } = show({
      schema: kindSchema('milestone'),
      initial: { ...milestone, date: '1921年' },
      omit: ['id', 'kind'],
      problems: [problem('date', '日期应写成 "YYYY"、"YYYY-MM" 或 "YYYY-MM-DD"。')],
    });
    const year = input('日期：年');
    expect(year.value).toBe('1921年');
    expect(problemsOf(year)).toEqual(['日期应写成 "YYYY"、"YYYY-MM" 或 "YYYY-MM-DD"。']);
    type(year, '1949');
    expect(last().date).toBe('1949');
    // The milestone must have its date: emptied, it stays (empty) for the check to name.
    type(year, '');
    expect(last()).toHaveProperty('date', '');
  });

  it('the period from the draft’s periods; one that names nothing is kept and marked', () => {
    const { last } = show({
      schema: kindSchema('milestone'),
      initial: { ...milestone, period: 'gone-period' },
      omit: ['id', 'kind'],
    });
    const period = select('历史时期 Period');
    expect(period.value).toBe('gone-period');
    expect(optionTexts(period)).toEqual([
      '（未选择）',
      'gone-period（找不到）',
      '新民主主义革命时期（new-democratic-revolution）',
      '社会主义革命和建设时期（socialist-revolution）',
    ]);
    expect(period.getAttribute('aria-invalid')).toBe('true');
    expect(page().textContent).toContain('“gone-period”不是现有的任何一项，请重新选择。');
    choose(period, 'socialist-revolution');
    expect(last()).toEqual({ ...milestone, period: 'socialist-revolution' });
    expect(page().textContent).not.toContain('找不到');
  });

  it('related panels: a list of panel choices, emptied left out', () => {
    const { last } = show({ schema: kindSchema('milestone'), initial: milestone, omit: ['id', 'kind'] });
    click(button('添加相关展板'));
    expect(last().related).toEqual(['']);
    choose(select('相关展板 1 Related panels 1'), 'deqing-party-history');
    expect(last().related).toEqual(['deqing-party-history']);
    click(button('删除“相关展板 1”'));
    expect(last()).toEqual(milestone);
  });
});

describe('an oath', () => {
  const oath = { id: 'oath', kind: 'oath', title: '入党誓词', phrases: ['我志愿加入中国共产党，'] };

  it('phrases added and typed; the recording added, its file and cues, moved and removed by buttons', () => {
    const { last } = show({ schema: kindSchema('oath'), initial: oath, omit: ['id', 'kind'] });
    expect(input('誓词 1（中文）').value).toBe('我志愿加入中国共产党，');
    click(button('添加誓词', group('誓词 Phrases')));
    type(input('誓词 2（中文）'), '拥护党的纲领，');
    expect(last().phrases).toEqual(['我志愿加入中国共产党，', '拥护党的纲领，']);

    click(button('添加誓词录音'));
    expect(last().recording).toEqual({ src: '' });
    type(input('誓词录音 · 音频文件 Audio file'), 'audio/oath.mp3');
    const cues = group('誓词录音 · 每句开始的秒数 Cues');
    click(button('添加每句开始的秒数', cues));
    expect(last().recording).toEqual({ src: 'audio/oath.mp3', cues: [''] });
    type(input('誓词录音 · 每句开始的秒数 1 Cues 1'), '0');
    click(button('添加每句开始的秒数', cues));
    type(input('誓词录音 · 每句开始的秒数 2 Cues 2'), '3.2');
    expect(last().recording).toEqual({ src: 'audio/oath.mp3', cues: [0, 3.2] });

    // 上移 on the second: the order changes and the focus stays with the moved entry.
    const up = button('上移“誓词录音 · 每句开始的秒数 2”');
    act(() => up.focus());
    click(up);
    expect(last().recording).toEqual({ src: 'audio/oath.mp3', cues: [3.2, 0] });
    // Now first, its 上移 is disabled: the focus is on its 下移.
    expect(button('上移“誓词录音 · 每句开始的秒数 1”').disabled).toBe(true);
    expect(document.activeElement).toBe(button('下移“誓词录音 · 每句开始的秒数 1”'));
    click(button('删除“誓词录音 · 每句开始的秒数 1”'));
    expect(last().recording).toEqual({ src: 'audio/oath.mp3', cues: [0] });
    expect(document.activeElement).toBe(button('添加每句开始的秒数', cues));

    click(button('删除“誓词录音”'));
    expect(last()).toEqual({ ...oath, phrases: ['我志愿加入中国共产党，', '拥护党的纲领，'] });
    expect(button('添加誓词录音')).toBeDefined();
  });

  it('the narration: none, one recording, or one per language, the file paths as text', () => {
    const { last } = show({ schema: kindSchema('oath'), initial: oath, omit: ['id', 'kind'] });
    const narration = group('讲解录音 Narration');
    expect(input('不用录音').checked).toBe(true);
    click(input('一段录音'));
    expect(last().narration).toEqual({ src: '' });
    type(input('讲解录音 · 音频文件 Audio file'), 'audio/oath.zh.mp3');
    type(input('讲解录音 · 字幕 Captions'), 'audio/oath.zh.vtt');
    expect(last().narration).toEqual({ src: 'audio/oath.zh.mp3', captions: 'audio/oath.zh.vtt' });
    // Captions emptied are left out (optional); the file is kept as the Chinese one per language.
    type(input('讲解录音 · 字幕 Captions'), '');
    click(input('分中英文'));
    expect(last().narration).toEqual({ zh: { src: 'audio/oath.zh.mp3' } });
    expect(input('讲解录音（中文） · 音频文件 Audio file').value).toBe('audio/oath.zh.mp3');
    click(button('添加讲解录音 (English)', narration));
    type(input('讲解录音 (English) · 音频文件 Audio file'), 'audio/oath.en.mp3');
    expect(last().narration).toEqual({ zh: { src: 'audio/oath.zh.mp3' }, en: { src: 'audio/oath.en.mp3' } });
    // Back to one recording would lose the English one: offered once it is removed.
    expect(input('一段录音').disabled).toBe(true);
    expect(page().textContent).toContain('要改回一段录音，请先移除英文录音。');
    click(button('删除“讲解录音 (English)”'));
    expect(input('一段录音').disabled).toBe(false);
    click(input('一段录音'));
    expect(last().narration).toEqual({ src: 'audio/oath.zh.mp3' });
    click(input('不用录音'));
    expect(last()).toEqual(oath);
  });
});

describe('a tour', () => {
  const tour = { id: 'start', title: '入门', stops: [{ panel: 'cpc-founding-1921', notes: ['开场'] }] };

  it('stops with their panel chosen from the draft’s panels, seconds as a number, the closing quiz', () => {
    const { last } = show({
      schema: tourSchema,
      initial: tour,
      problems: [problem('stops.1.panel', '这一站的展板不存在。')],
    });
    expect(input('编号 ID').value).toBe('start');
    const first = select('讲解站 1 · 展板 Panel');
    expect(first.value).toBe('cpc-founding-1921');
    expect(optionTexts(first)).toEqual([
      '（未选择）',
      '中国共产党诞生（cpc-founding-1921）',
      '德清县党史（deqing-party-history）',
    ]);
    expect(input('讲解站 1 · 讲解要点 1（中文）').value).toBe('开场');

    click(button('添加讲解站'));
    expect(last().stops).toEqual([{ panel: 'cpc-founding-1921', notes: ['开场'] }, { panel: '' }]);
    const second = select('讲解站 2 · 展板 Panel');
    expect(problemsOf(second)).toEqual(['这一站的展板不存在。']);
    expect(problemsOf(first)).toEqual([]);
    choose(second, 'deqing-party-history');
    type(input('讲解站 2 · 停留秒数 Duration'), '30');
    expect(last().stops).toEqual([
      { panel: 'cpc-founding-1921', notes: ['开场'] },
      { panel: 'deqing-party-history', duration: 30 },
    ]);
    type(input('讲解站 2 · 停留秒数 Duration'), '');
    expect((last().stops as Json[])[1]).toEqual({ panel: 'deqing-party-history' });

    choose(select('知识问答 Quiz'), 'new-recruits');
    expect(last().quiz).toBe('new-recruits');
    choose(select('知识问答 Quiz'), '');
    expect(last()).not.toHaveProperty('quiz');
    expect(last().title).toBe('入门');
  });

  it('its own id labelled 编号 (ID in English) with what it is for, not the bare key', () => {
    const { last } = show({ schema: tourSchema, initial: tour });
    expect(queryByLabelText('id')).toBe(false);
    const id = input('编号 ID');
    const hint = (id.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((described) => document.getElementById(described)?.textContent ?? '')
      .join(' ');
    expect(hint).toContain('链接和其他文档用它指向这里');
    type(id, 'new-recruits');
    expect(last()).toEqual({ ...tour, id: 'new-recruits' });
    // The same form in English (its state kept): the label is the English name alone.
    act(() => dom.root.render(<Harness schema={tourSchema} initial={tour} lang="en" changes={[]} />));
    expect(input('ID').value).toBe('new-recruits');
  });

  it('in English: the names, the limits and the buttons in English', () => {
    show({ schema: tourSchema, initial: tour, lang: 'en' });
    expect(input('Tour title (Chinese)').value).toBe('入门');
    expect(input('Tour title (English)').value).toBe('');
    expect(select('Tour stop 1 · Panel').value).toBe('cpc-founding-1921');
    expect(button('Add: Tour stop')).toBeDefined();
    expect(button('Move “Tour stop 1” down').disabled).toBe(true);
    expect(page().textContent).toContain('Chinese up to 60 characters, English up to 180');
  });
});

describe('a quiz question', () => {
  // The shipped quiz's second question (assets/content/quiz.json).
  const question = {
    id: 'founding-anniversary',
    kind: 'single',
    prompt: { zh: '党把哪一天定为党的诞生纪念日？', en: 'Which day did the Party make the anniversary of its founding?' },
    options: [
      { id: 'a', text: { zh: '7月1日', en: '1 July' } },
      { id: 'b', text: { zh: '7月23日', en: '23 July' } },
      { id: 'c', text: { zh: '8月1日', en: '1 August' } },
    ],
    answer: ['a'],
    explanation: '中共一大宣告中国共产党正式成立。党后来把7月1日定为党的诞生纪念日。',
    panel: 'cpc-founding-1921',
  };
  const answer = (n = 1) => select(`正确答案 ${n} Answer ${n}`);

  it('its answer is picked from its own options, each by its text; the id is what is saved', () => {
    const { last } = show({ schema: quizQuestionSchema, initial: question });
    expect(answer().value).toBe('a');
    expect(optionTexts(answer())).toEqual(['（未选择）', '7月1日', '7月23日', '8月1日']);
    expect(page().textContent).toContain('从这道题的选项里选');
    choose(answer(), 'b');
    expect(last()).toEqual({ ...question, answer: ['b'] });
    // The options as they are now: a text retyped is the choice's name at once.
    type(input('选项 2 · 选项（中文）'), '7月23日（开幕）');
    expect(optionTexts(answer())).toEqual(['（未选择）', '7月1日', '7月23日（开幕）', '8月1日']);
    expect(answer().value).toBe('b');
  });

  it('a multiple-choice answer is a list of picks, each added and removed by its buttons', () => {
    const { last } = show({ schema: quizQuestionSchema, initial: { ...question, kind: 'multiple' } });
    click(button('添加正确答案'));
    expect(last().answer).toEqual(['a', '']);
    expect(answer(2).value).toBe('');
    choose(answer(2), 'c');
    expect(last().answer).toEqual(['a', 'c']);
    click(button('删除“正确答案 1”'));
    expect(last().answer).toEqual(['c']);
    expect(answer().value).toBe('c');
  });

  it('an answer naming no option is kept as an extra choice, with the content check’s error beside it', () => {
    const error = '没有编号为 “e” 的选项（选项有：a、b、c）';
    const { changes } = show({
      schema: quizQuestionSchema,
      initial: { ...question, answer: ['e'] },
      problems: [problem('answer.0', error)],
    });
    expect(answer().value).toBe('e');
    expect(optionTexts(answer())).toEqual(['（未选择）', '（不存在的选项：e）', '7月1日', '7月23日', '8月1日']);
    expect(answer().getAttribute('aria-invalid')).toBe('true');
    const said = (answer().getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((described) => document.getElementById(described)?.textContent ?? '')
      .join(' ');
    expect(said).toContain('“e”不是这道题的选项');
    expect(problemsOf(answer())).toEqual([error]);
    // Nothing was changed by drawing it.
    expect(changes).toEqual([]);
  });

  it('an option deleted while the answer names it: the answer keeps its id, marked, until another is picked', () => {
    const { last } = show({ schema: quizQuestionSchema, initial: question });
    click(button('删除“选项 1”'));
    expect(last().answer).toEqual(['a']);
    expect(answer().value).toBe('a');
    expect(optionTexts(answer())).toEqual(['（未选择）', '（不存在的选项：a）', '7月23日', '8月1日']);
    choose(answer(), 'c');
    expect(last()).toEqual({ ...question, options: question.options.slice(1), answer: ['c'] });
    expect(optionTexts(answer())).toEqual(['（未选择）', '7月23日', '8月1日']);
  });

  it('options without text yet, or with the same text, are told apart by their ids; in English by the English text', () => {
    const options = [
      { id: 'a', text: '' },
      { id: 'b', text: '7月1日' },
      { id: 'c', text: '7月1日' },
    ];
    show({ schema: quizQuestionSchema, initial: { ...question, options, answer: ['b'] } });
    expect(optionTexts(answer())).toEqual(['（未选择）', '选项 a（还没有文字）', '7月1日（b）', '7月1日（c）']);
    // A fresh form in English (keyed anew, so it starts from the shipped question).
    act(() => dom.root.render(<Harness key="en" schema={quizQuestionSchema} initial={question} lang="en" changes={[]} />));
    expect(optionTexts(select('Answer 1'))).toEqual(['(none chosen)', '1 July', '23 July', '1 August']);
  });
});

const NO_UPLOAD = { uploadPhoto: async () => ({ ok: false as const, error: 'offline' as const }) };

/** The panel editor's side of CuratePanelForm: it keeps the panel. */
function PanelForm({ panel, changes }: { panel: Json; changes: Json[] }) {
  const [value, setValue] = useState(panel);
  return (
    <CuratePanelForm
      lang="zh"
      api={NO_UPLOAD}
      panel={value}
      problems={[]}
      refs={REFS}
      onChange={(next) => {
        changes.push(next);
        setValue(next);
      }}
    />
  );
}

describe('in the panel form', () => {
  const HAND_LABELS = {
    title: '标题（中文）',
    summary: '摘要（中文）',
    source: '资料来源（中文）',
  } as const;
  const HAND_GROUPS = { body: '正文 Body', date: '日期 Date', images: '图片 Images' } as const;

  function showForm(panel: Json, changes: Json[] = []) {
    act(() => dom.root.render(<PanelForm panel={panel} changes={changes} />));
    return changes;
  }

  it.each(PANEL_KINDS.map((kind) => [kind]))('%s: every field of the kind is drawn, by hand or by the schema', (kind) => {
    showForm({ id: 'p', kind, title: '展板', legacy: 1 });
    const shape = describeSchema(kindSchema(kind));
    for (const field of shape?.fields ?? []) {
      if (field.key === 'id' || field.key === 'kind') continue;
      const hand = { ...HAND_LABELS, ...HAND_GROUPS, note: '待补充说明（中文）' } as Record<string, string>;
      if (field.key in HAND_LABELS || field.key === 'note') expect(getByLabelText(hand[field.key] ?? '')).toBeDefined();
      else if (field.key in HAND_GROUPS) expect(group(hand[field.key] ?? '')).toBeDefined();
      else expect(page().querySelector(`[data-field="${field.key}"]`), `${kind}.${field.key}`).not.toBeNull();
    }
    // The key no schema names: kept, and named once.
    expect(page().textContent?.match(/这里没有显示的字段（legacy）会原样保留。/g)).toHaveLength(1);
    expect(page().textContent).toContain('展板类型：');
  });

  it('an image’s placeholder is a checkbox; its unknown key (a focal point) survives every edit and is named', () => {
    const image = { src: 'photos/a.jpg', caption: '合影', placeholder: true, focus: { x: 0.3, y: 0.6 } };
    const changes = showForm({ id: 'p', kind: 'event', title: '展板', images: [image] });
    expect(page().querySelector('[data-kept-keys="focus"]')?.textContent).toBe('这里没有显示的字段（focus）会原样保留。');
    type(input('第 1 张图片说明（中文）'), '大队合影');
    click(input('第 1 张图片 · 占位图 Placeholder'));
    expect(changes.at(-1)?.images).toEqual([{ src: 'photos/a.jpg', caption: '大队合影', focus: { x: 0.3, y: 0.6 } }]);
    click(input('第 1 张图片 · 占位图 Placeholder'));
    expect(changes.at(-1)?.images).toEqual([
      { src: 'photos/a.jpg', caption: '大队合影', focus: { x: 0.3, y: 0.6 }, placeholder: true },
    ]);
  });

  it('the date is the precision widget, still named 日期; a stats board’s figures come from the schema', () => {
    const changes = showForm({ id: 'p', kind: 'stats', title: '数字', stats: [{ label: '检查单位', value: 204 }] });
    expect(group('日期 Date')).toBeDefined();
    type(input('日期：年'), '2021');
    expect(changes.at(-1)?.date).toBe('2021');
    expect(input('数字 1 · 数值 Value').value).toBe('204');
    type(input('数字 1 · 数值 Value'), '205');
    expect(changes.at(-1)).toEqual({
      id: 'p',
      kind: 'stats',
      title: '数字',
      date: '2021',
      stats: [{ label: '检查单位', value: 205 }],
    });
  });
});
