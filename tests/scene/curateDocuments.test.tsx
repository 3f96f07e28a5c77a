// @vitest-environment jsdom
/**
 * The exhibition's own documents in the curator (展览设置 CurateSettings, 栏目 CurateSections, 讲解路线
 * CurateTours, 知识问答 CurateQuizzes) against the stand-in station's draft over the shipped content
 * (tests/support/curateDraftStation.ts): the settings' title typed and saved after the debounce with
 * the settings alone as the body; a tour's stop added with a panel picked; a new tour from the
 * template; a delete asked in a dialog and refused in-use in words; a conflict shown with both
 * versions and settled; the content check's problems at their fields; a quiz question's answer
 * picked from its options by their text, one naming no option kept; a section's file shown and
 * not editable; an edit kept while offline and sent on reconnecting; markup staying text.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import type { DraftProblem } from '../../src/live/curateDraftProtocol.ts';
import { createCurateApi } from '../../src/modes/curate/curateClient.ts';
import { PENDING_DOCUMENT_PREFIX } from '../../src/modes/curate/documentModel.ts';
import { CurateQuizzes } from '../../src/modes/curate/ui/CurateQuizzes.tsx';
import { CurateSections } from '../../src/modes/curate/ui/CurateSections.tsx';
import { CurateSettings } from '../../src/modes/curate/ui/CurateSettings.tsx';
import { CurateTours } from '../../src/modes/curate/ui/CurateTours.tsx';
import type { CurateScreenProps } from '../../src/modes/curate/ui/curateScreenProps.ts';
import { versionOf } from '../support/curateDraftStation.ts';
import { type CurateStationOptions, curateStation, EDITOR_ID, NOW } from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const TOUR = 'new-recruits';
const QUIZ = 'new-recruits';
type Json = Record<string, unknown>;

let station: ReturnType<typeof curateStation>;
const dom = domRootPerTest();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

/** Lets the stubbed requests answer and React render what they brought (timers stay still). */
async function settle() {
  for (let turn = 0; turn < 8; turn++)
    await act(async () => {
      await new Promise((done) => setImmediate(done));
    });
}
/** Time passing: the debounce, a retry. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

async function open(
  Screen: (props: CurateScreenProps) => React.ReactNode,
  options: CurateStationOptions = {},
  lang: Lang = 'zh',
  /** Changes to the station's draft before the page first reads it. */
  prepare?: (draft: ReturnType<typeof curateStation>['draft']) => void,
) {
  station = curateStation({ loggedInAs: 'wangfang', ...options });
  prepare?.(station.draft);
  const api = createCurateApi({ fetch: station.fetch });
  const session = { ok: true as const, account: { ...station.state.accounts[1], id: EDITOR_ID } as never, expiresAt: NOW };
  act(() => dom.root.render(<Screen lang={lang} api={api} session={session} />));
  await settle();
}

const page = () => dom.container;
const button = (name: string, within: ParentNode = page()) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const buttonLabelled = (name: string) =>
  [...page().querySelectorAll('button')].find((element) => element.getAttribute('aria-label') === name);
const alerts = (within: ParentNode = page()) =>
  [...within.querySelectorAll('[role="alert"]')].map((element) => element.textContent);
const byLabelledHeading = (selector: string, name: string) =>
  [...page().querySelectorAll<HTMLElement>(selector)].find(
    (element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent === name,
  ) ?? null;
const dialog = (name: string) => byLabelledHeading('dialog[aria-labelledby]', name);
/** The open document's heading (its title). */
const editorHeading = () => page().querySelector('.curate-document-editor h3')?.textContent;
const saveState = () => page().querySelector<HTMLElement>('[data-testid="curate-save-state"]');

function control(label: string, within: ParentNode = page()) {
  const found = [...within.querySelectorAll('label')].find((element) => element.textContent === label);
  return found ? document.getElementById(found.htmlFor) : null;
}
function field(label: string, within: ParentNode = page()): HTMLInputElement | HTMLTextAreaElement {
  const input = control(label, within);
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error(`no field labelled ${label}`);
  return input;
}
function choose(label: string, value: string) {
  const select = control(label);
  if (!(select instanceof HTMLSelectElement)) throw new Error(`no choice labelled ${label}`);
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    const prototype = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(target: HTMLElement | undefined | null) {
  if (!target) throw new Error('nothing to click');
  act(() => target.click());
  await settle();
}
/** The problems shown with a field (the list its input is described by). */
const problemsOf = (label: string) => {
  const ids = field(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.flatMap((id) => [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((item) => item.textContent));
};
const writes = (method: string) => station.requests().filter((request) => request.method === method);
/** The tour as the station has it now. */
const tourNow = () => structuredClone(station.draft.documentValue('tour', TOUR)) as Json;
const settingsVersion = () => versionOf(station.draft.documentValue('settings'));

describe('展览设置', () => {
  it('the title typed is saved after the debounce, as the settings alone, on their version', async () => {
    await open(CurateSettings);
    expect(byLabelledHeading('section[aria-labelledby]', '展览设置')).not.toBeNull();
    const before = settingsVersion();
    const title = field('展览名称（中文）');
    expect(title.value).toBe('党史长廊');
    type(title, '党史长廊（新）');
    expect(saveState()?.textContent).toBe('正在保存…');
    await wait(500);
    expect(writes('PUT')).toEqual([]);
    await wait(400);
    const [put] = writes('PUT');
    expect(put?.url).toBe('api/curate/draft/settings');
    const body = put?.body as { baseVersion: string; value: Json };
    expect(body.baseVersion).toBe(before);
    expect(body.value.title).toMatchObject({ zh: '党史长廊（新）' });
    // The sections, the tours and $schema are not the settings': never sent.
    expect(body.value).not.toHaveProperty('sections');
    expect(body.value).not.toHaveProperty('tours');
    expect(body.value).not.toHaveProperty('$schema');
    expect(saveState()?.textContent).toBe('已保存');
    expect(saveState()?.getAttribute('role')).toBe('status');
    // The station keeps the sections and tours beside the new title.
    const exhibition = station.draft.state.files['content/exhibition.json'] as Json;
    expect((exhibition.sections as unknown[]).length).toBeGreaterThan(0);
    expect((exhibition.tours as unknown[]).length).toBeGreaterThan(0);
  });

  it('someone else saved in between: a dialog shows both versions; 用我的版本 saves mine on theirs', async () => {
    await open(CurateSettings);
    station.draft.editDocument('settings', undefined, (value) => ({ ...value, motto: '别人写的结束语' }));
    type(field('展览名称（中文）'), '我改的名称');
    await wait(800);
    const asked = dialog('有人同时修改了这一项');
    expect(asked).not.toBeNull();
    expect(asked?.textContent).toContain('别人写的结束语');
    expect(asked?.textContent).toContain('我改的名称');
    expect(saveState()?.getAttribute('data-state')).toBe('conflict');
    const theirs = settingsVersion();
    await click(button('用我的版本', asked as HTMLElement));
    await wait(0);
    const last = writes('PUT').at(-1)?.body as { baseVersion: string; value: Json };
    expect(last.baseVersion).toBe(theirs);
    expect(last.value.title).toMatchObject({ zh: '我改的名称' });
    expect(saveState()?.textContent).toBe('已保存');
    expect(dialog('有人同时修改了这一项')).toBeNull();
  });

  it('用对方的版本 puts theirs in the form and sends nothing more', async () => {
    await open(CurateSettings);
    station.draft.editDocument('settings', undefined, (value) => ({ ...value, title: '别人的名称' }));
    type(field('展览名称（中文）'), '我的名称');
    await wait(800);
    const count = writes('PUT').length;
    await click(button('用对方的版本', dialog('有人同时修改了这一项') as HTMLElement));
    expect(field('展览名称（中文）').value).toBe('别人的名称');
    await wait(2_000);
    expect(writes('PUT').length).toBe(count);
    expect(saveState()?.textContent).toBe('已保存');
  });

  it('the content check’s problems stand at their fields; markup typed stays text', async () => {
    const problem: DraftProblem = {
      severity: 'error',
      file: 'content/exhibition.json',
      path: ['theme'],
      message: { zh: `主题太长了${HOSTILE}`, en: 'The theme is too long' },
      target: { kind: 'settings', field: ['theme'] },
    };
    await open(CurateSettings, { draft: { problems: [problem] } });
    expect(problemsOf('主题（中文）')).toEqual([`主题太长了${HOSTILE}`]);
    type(field('副标题（中文）'), HOSTILE);
    await wait(800);
    expect(page().querySelector('img')).toBeNull();
    expect(field('副标题（中文）').value).toBe(HOSTILE);
  });

  it('offline: the edit is kept in the browser and sent when the station answers again', async () => {
    await open(CurateSettings);
    station.state.offline = true;
    type(field('展览名称（中文）'), '离线时改的名称');
    await wait(800);
    expect(saveState()?.textContent).toBe('未能保存（离线，稍后重试）');
    const kept = JSON.parse(localStorage.getItem(`${PENDING_DOCUMENT_PREFIX}settings`) ?? 'null') as { value: Json } | null;
    expect(kept?.value.title).toMatchObject({ zh: '离线时改的名称' });
    station.state.offline = false;
    await wait(5_000);
    expect(saveState()?.textContent).toBe('已保存');
    expect(localStorage.getItem(`${PENDING_DOCUMENT_PREFIX}settings`)).toBeNull();
    expect(station.draft.documentValue('settings')?.title).toMatchObject({ zh: '离线时改的名称' });
  });
});

describe('讲解路线', () => {
  it('a stop added, its panel picked from the corridor’s: the tour saved with it', async () => {
    await open(CurateTours);
    const before = tourNow();
    const stops = before.stops as Json[];
    await click(button('新队员入队教育 · 党史长廊'));
    expect(editorHeading()).toBe('新队员入队教育 · 党史长廊');
    await click(button('添加讲解站'));
    const n = stops.length + 1;
    choose(`讲解站 ${n} · 展板 Panel`, 'deqing-party-history');
    await wait(800);
    const put = writes('PUT').at(-1);
    expect(put?.url).toBe(`api/curate/draft/tours/${TOUR}`);
    const body = put?.body as { baseVersion: string; value: Json };
    expect(body.baseVersion).toBe(versionOf(before));
    const sent = body.value.stops as Json[];
    expect(sent).toHaveLength(n);
    expect(sent.slice(0, -1)).toEqual(stops);
    expect(sent.at(-1)?.panel).toBe('deqing-party-history');
    expect(saveState()?.textContent).toBe('已保存');
    expect((tourNow().stops as Json[]).at(-1)?.panel).toBe('deqing-party-history');
  });

  it('新建讲解路线 makes one from the template and opens it; 删除 asks first, then it is gone', async () => {
    await open(CurateTours);
    await click(button('新建讲解路线'));
    const create = page().querySelector<HTMLFormElement>('form[aria-label="新建讲解路线"]') as HTMLFormElement;
    type(field('路线名称（可不填）', create), '消防安全课');
    await click(button('创建路线', create));
    expect(writes('POST').at(-1)).toMatchObject({ url: 'api/curate/draft/tours', body: { title: '消防安全课' } });
    expect(page().querySelector('[role="status"]')?.textContent).toBe('已新建讲解路线，第一站是长廊的第一块展板。');
    expect(editorHeading()).toBe('消防安全课');
    expect(field('路线名称（中文）').value).toBe('消防安全课');
    expect(control('讲解站 1 · 展板 Panel')).not.toBeNull();

    await click(buttonLabelled('删除“消防安全课”'));
    const asked = dialog('删除讲解路线“消防安全课”？');
    expect(asked).not.toBeNull();
    expect(writes('DELETE')).toEqual([]);
    await click(button('确认删除', asked as HTMLElement));
    expect(writes('DELETE').at(-1)?.url).toBe('api/curate/draft/tours/new-tour');
    expect(dialog('删除讲解路线“消防安全课”？')).toBeNull();
    expect(page().textContent).toContain('已删除讲解路线“消防安全课”。');
    expect(button('消防安全课')).toBeUndefined();
    expect(station.draft.documentValue('tour', 'new-tour')).toBeNull();
  });
  it('an edit kept from an earlier visit opens its tour and is sent at once', async () => {
    const shipped = curateStation().draft.documentValue('tour', TOUR) as Json;
    localStorage.setItem(
      `${PENDING_DOCUMENT_PREFIX}tour:${TOUR}`,
      JSON.stringify({ baseVersion: versionOf(shipped), value: { ...shipped, title: '离线时改的路线名称' }, at: NOW }),
    );
    await open(CurateTours);
    expect(editorHeading()).toBe('离线时改的路线名称');
    await wait(0);
    expect(writes('PUT').at(-1)).toMatchObject({
      url: `api/curate/draft/tours/${TOUR}`,
      body: { baseVersion: versionOf(shipped), value: { title: '离线时改的路线名称' } },
    });
    expect(saveState()?.textContent).toBe('已保存');
    expect(localStorage.getItem(`${PENDING_DOCUMENT_PREFIX}tour:${TOUR}`)).toBeNull();
    expect(button('离线时改的路线名称')?.parentElement?.textContent).not.toContain('（有未发送的修改）');
    // Offline again: the list marks the tour whose edit waits here.
    station.state.offline = true;
    type(field('路线名称（中文）'), '又改了一次');
    await wait(800);
    expect(button('离线时改的路线名称')?.parentElement?.textContent).toContain('（有未发送的修改）');
  });

  it('the content check’s problems stand at the stop they name; the id’s, which no field edits, above the form', async () => {
    const at = (field: Array<string | number>, zh: string): DraftProblem => ({
      severity: 'error',
      file: 'content/exhibition.json',
      path: ['tours', 0, ...field],
      message: { zh, en: zh },
      target: { kind: 'tour', tourId: TOUR, field },
    });
    await open(CurateTours, {
      draft: { problems: [at(['stops', 1, 'duration'], '停留秒数要在 5 到 3600 之间'), at(['id'], '路线编号重复')] },
    });
    await click(button('新队员入队教育 · 党史长廊'));
    expect(problemsOf('讲解站 2 · 停留秒数 Duration')).toEqual(['停留秒数要在 5 到 3600 之间']);
    const fixed = page().querySelector('.curate-document-editor > .curate-form-problems');
    expect(fixed?.textContent).toBe('编号和文件的问题路线编号重复');
  });
});

describe('知识问答', () => {
  const inUse: DraftProblem = {
    severity: 'error',
    file: 'content/exhibition.json',
    path: ['tours', 0, 'quiz'],
    message: { zh: `讲解路线“新队员入队教育”用到了这套问答${HOSTILE}`, en: 'The tour names this quiz' },
    target: { kind: 'tour', tourId: TOUR, field: ['quiz'] },
  };

  it('a delete refused in-use says why, in words, and the quiz stays', async () => {
    await open(CurateQuizzes, { draft: { documentsInUse: { [`quiz:${QUIZ}`]: [inUse] } } });
    const quiz = station.draft.documentValue('quiz', QUIZ) as Json;
    const title = String((quiz.title as Json).zh);
    await click(button(title));
    await click(buttonLabelled(`删除“${title}”`));
    const asked = dialog(`删除知识问答“${title}”？`) as HTMLElement;
    await click(button('确认删除', asked));
    expect(alerts(asked)).toEqual([
      `不能删除：还有讲解路线用到这套问答。请先改掉下面这些地方：讲解路线“新队员入队教育”用到了这套问答${HOSTILE}`,
    ]);
    expect(asked.querySelector('img')).toBeNull();
    expect(station.draft.documentValue('quiz', QUIZ)).not.toBeNull();
    expect(button(title)).toBeDefined();
  });

  it('a question’s prompt typed is saved with the quiz', async () => {
    await open(CurateQuizzes);
    const quiz = structuredClone(station.draft.documentValue('quiz', QUIZ)) as Json;
    await click(button(String((quiz.title as Json).zh)));
    type(field('题目 1 · 题目（中文）'), '新的题干');
    await wait(800);
    const body = writes('PUT').at(-1)?.body as { baseVersion: string; value: Json };
    expect(body.baseVersion).toBe(versionOf(quiz));
    const questions = body.value.questions as Json[];
    expect(questions[0]?.prompt).toMatchObject({ zh: '新的题干' });
    expect(questions.slice(1)).toEqual((quiz.questions as Json[]).slice(1));
  });

  it('a question’s answer is picked from its options by their text, saved as the option’s id', async () => {
    await open(CurateQuizzes);
    const quiz = structuredClone(station.draft.documentValue('quiz', QUIZ)) as Json;
    const first = (quiz.questions as Json[])[0] as Json;
    const options = first.options as Array<{ id: string; text: Json }>;
    await click(button(String((quiz.title as Json).zh)));
    const answer = control('题目 1 · 正确答案 1 Answer 1');
    if (!(answer instanceof HTMLSelectElement)) throw new Error('the answer is no choice');
    expect(answer.value).toBe((first.answer as string[])[0]);
    expect([...answer.options].map((option) => option.textContent)).toEqual([
      '（未选择）',
      ...options.map((option) => String(option.text.zh)),
    ]);
    const other = options.find((option) => !(first.answer as string[]).includes(option.id));
    if (!other) throw new Error('the first question has no wrong option');
    choose('题目 1 · 正确答案 1 Answer 1', other.id);
    await wait(800);
    const body = writes('PUT').at(-1)?.body as { value: Json };
    const questions = body.value.questions as Json[];
    expect(questions[0]).toEqual({ ...first, answer: [other.id] });
    expect(questions.slice(1)).toEqual((quiz.questions as Json[]).slice(1));
  });

  it('an answer naming no option: the content check’s error at it, the id kept as a choice', async () => {
    const error: DraftProblem = {
      severity: 'error',
      file: 'content/quiz.json',
      path: ['quizzes', 0, 'questions', 0, 'answer', 0],
      message: { zh: '没有编号为 “maybe” 的选项（选项有：true、false）', en: 'no option has the id "maybe"' },
      target: { kind: 'quiz', quizId: QUIZ, field: ['questions', 0, 'answer', 0] },
    };
    await open(CurateQuizzes, { draft: { problems: [error] } }, 'zh', (draft) => {
      const { quizzes } = draft.state.files['content/quiz.json'] as { quizzes: Array<{ questions: Json[] }> };
      const first = quizzes[0]?.questions[0];
      if (!first) throw new Error('the shipped quiz has no question');
      first.answer = ['maybe'];
    });
    const quiz = station.draft.documentValue('quiz', QUIZ) as Json;
    expect(((quiz.questions as Json[])[0] as Json).answer).toEqual(['maybe']);
    await click(button(String((quiz.title as Json).zh)));
    const answer = control('题目 1 · 正确答案 1 Answer 1');
    if (!(answer instanceof HTMLSelectElement)) throw new Error('the answer is no choice');
    expect(answer.value).toBe('maybe');
    expect(answer.options[1]?.textContent).toBe('（不存在的选项：maybe）');
    const said = (answer.getAttribute('aria-describedby') ?? '').split(' ').flatMap((id) => {
      const items = [...(document.getElementById(id)?.querySelectorAll('li') ?? [])];
      return items.map((item) => item.textContent);
    });
    expect(said).toEqual(['没有编号为 “maybe” 的选项（选项有：true、false）']);
    // Shown, never rewritten: nothing was sent.
    await wait(800);
    expect(writes('PUT')).toEqual([]);
  });
});

describe('栏目', () => {
  it('a section’s file is shown and not in the form; its title is', async () => {
    await open(CurateSections);
    const first = (station.draft.state.files['content/exhibition.json'] as { sections: Json[] }).sections[0] as Json;
    await click(button(String(typeof first.title === 'string' ? first.title : (first.title as Json).zh)));
    expect(page().querySelector('[data-testid="curate-section-file"]')?.textContent).toContain(String(first.file));
    expect([...page().querySelectorAll('input')].some((input) => input.value === first.file)).toBe(false);
    // The id is shown, and no field edits it.
    expect(page().querySelector('[data-testid="curate-document-id"]')?.textContent).toContain(String(first.id));
    expect([...page().querySelectorAll('input')].some((input) => input.value === first.id)).toBe(false);
    expect(control('栏目名称（中文）')).not.toBeNull();
  });

  const sectionsNow = () =>
    (station.draft.state.files['content/exhibition.json'] as { sections: Json[] }).sections.map((entry) => entry.id);
  const titleOf = (entry: Json) => String(typeof entry.title === 'string' ? entry.title : (entry.title as Json).zh);

  it('新建栏目 adds one last with its own file and opens it; an empty one is deleted after asking', async () => {
    await open(CurateSections);
    const before = sectionsNow();
    await click(button('新建栏目'));
    const create = page().querySelector<HTMLFormElement>('form[aria-label="新建栏目"]') as HTMLFormElement;
    await click(button('创建栏目', create));
    expect(writes('POST').at(-1)).toMatchObject({ url: 'api/curate/draft/sections', body: {} });
    expect(page().querySelector('[role="status"]')?.textContent).toBe('已新建栏目，排在长廊最后。可以在“展板”页把展板放进来。');
    expect(sectionsNow()).toEqual([...before, 'new-section']);
    expect(editorHeading()).toBe('新的栏目（待填写名称）');
    expect(page().querySelector('[data-testid="curate-section-file"]')?.textContent).toContain('new-section.json');

    await click(buttonLabelled('删除“新的栏目（待填写名称）”'));
    const asked = dialog('删除栏目“新的栏目（待填写名称）”？') as HTMLElement;
    await click(button('确认删除', asked));
    expect(writes('DELETE').at(-1)?.url).toBe('api/curate/draft/sections/new-section');
    expect(page().textContent).toContain('已删除栏目“新的栏目（待填写名称）”。');
    expect(sectionsNow()).toEqual(before);
  });

  it('a section with panels is not deleted: the refusal says to move or delete its panels first', async () => {
    await open(CurateSections);
    const first = (station.draft.state.files['content/exhibition.json'] as { sections: Json[] }).sections[0] as Json;
    await click(button(titleOf(first)));
    await click(buttonLabelled(`删除“${titleOf(first)}”`));
    const asked = dialog(`删除栏目“${titleOf(first)}”？`) as HTMLElement;
    await click(button('确认删除', asked));
    expect(alerts(asked)).toEqual(['不能删除：这个栏目里还有展板。请先在“展板”页把它们移到别的栏目或删除。']);
    expect(sectionsNow()[0]).toBe(first.id);
  });

  it('上移 / 下移 change the corridor’s order, say where it went, and keep the focus on the pressed button', async () => {
    await open(CurateSections);
    const sections = (station.draft.state.files['content/exhibition.json'] as { sections: Json[] }).sections.map((entry) => ({
      id: String(entry.id),
      title: titleOf(entry),
    }));
    const [first, second] = sections as [{ id: string; title: string }, { id: string; title: string }];
    // At the ends: the first cannot go up, the last cannot go down.
    expect(buttonLabelled(`上移“${first.title}”`)?.disabled).toBe(true);
    expect(buttonLabelled(`下移“${sections.at(-1)?.title}”`)?.disabled).toBe(true);

    const down = buttonLabelled(`下移“${first.title}”`) as HTMLButtonElement;
    expect(down.textContent).toBe('下移');
    await click(down);
    expect(writes('POST').at(-1)).toMatchObject({ url: `api/curate/draft/sections/${first.id}/move`, body: { index: 1 } });
    expect(sectionsNow().slice(0, 2)).toEqual([second.id, first.id]);
    expect([...page().querySelectorAll('.curate-editor__pick')].map((element) => element.textContent).slice(0, 2)).toEqual([
      second.title,
      first.title,
    ]);
    expect(page().querySelector('[role="status"]')?.textContent).toBe(
      `已把“${first.title}”移到第 2 位（共 ${sections.length} 项）。`,
    );
    expect(document.activeElement).toBe(buttonLabelled(`下移“${first.title}”`));

    // Back to the top: 上移 is disabled there, so the focus goes to its 下移.
    await click(buttonLabelled(`上移“${first.title}”`));
    expect(sectionsNow()[0]).toBe(first.id);
    expect(document.activeElement).toBe(buttonLabelled(`下移“${first.title}”`));
  });
});

describe('in English', () => {
  it('the settings’ form and save state', async () => {
    await open(CurateSettings, {}, 'en');
    expect(byLabelledHeading('section[aria-labelledby]', 'Exhibition settings')).not.toBeNull();
    type(field('Title (English)'), 'Party History Corridor');
    await wait(800);
    expect(saveState()?.textContent).toBe('Saved');
  });
});
