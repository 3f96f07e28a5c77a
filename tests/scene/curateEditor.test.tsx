// @vitest-environment jsdom
/**
 * 展板编辑 (src/modes/curate/ui/CurateEditor.tsx) against the stand-in station's draft
 * (tests/support/curateDraftStation.ts, over the shipped content): the sections and panels in
 * order; an edit saved after the debounce on its base version; kept in localStorage while the
 * station is unreachable and sent on reconnecting (and after a reload); a conflict shown with both
 * versions; the content check's problems next to their fields; the photo upload; 删除 refused
 * in-use in words; the bin; 上移 / 下移; 新建展板; 预览; markup staying text; English.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import type { DraftProblem } from '../../src/live/curateDraftProtocol.ts';
import { createCurateApi } from '../../src/modes/curate/curateClient.ts';
import { PENDING_PREFIX } from '../../src/modes/curate/draftModel.ts';
import { CurateEditor } from '../../src/modes/curate/ui/CurateEditor.tsx';
import { versionOf } from '../support/curateDraftStation.ts';
import { type CurateStationOptions, curateStation, EDITOR_ID, NOW } from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const DEQING = 'deqing-party-history';
const PENDING_KEY = PENDING_PREFIX + DEQING;

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
/** Time passing: the debounce, a retry, the preview's polling. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

async function open(options: CurateStationOptions = {}, lang: Lang = 'zh') {
  station = curateStation({ loggedInAs: 'wangfang', ...options });
  const api = createCurateApi({ fetch: station.fetch });
  const session = {
    ok: true as const,
    account: { ...station.state.accounts[1], id: EDITOR_ID } as never,
    expiresAt: NOW,
  };
  act(() => dom.root.render(<CurateEditor lang={lang} api={api} session={session} />));
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
const form = (name: string) => byLabelledHeading('form[aria-labelledby]', name);
const saveState = () => page().querySelector<HTMLElement>('[data-testid="curate-save-state"]');

function field(label: string, within: ParentNode = page()): HTMLInputElement | HTMLTextAreaElement {
  const input = control(label, within);
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error(`no field labelled ${label}`);
  return input;
}
function control(label: string, within: ParentNode = page()) {
  const found = [...within.querySelectorAll('label')].find((element) => element.textContent === label);
  return found ? document.getElementById(found.htmlFor) : null;
}
function choose(label: string, value: string, within: ParentNode) {
  const select = control(label, within);
  if (!(select instanceof HTMLSelectElement)) throw new Error(`no choice labelled ${label}`);
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
/** The problems shown with a field (the list its input is described by). */
const problemsOf = (label: string) => {
  const id = field(label).getAttribute('aria-describedby');
  return id ? [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((item) => item.textContent) : [];
};
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
const puts = () => station.requests().filter((request) => request.method === 'PUT');

const shipped = () => structuredClone(station.draft.panel(DEQING)) as Record<string, unknown>;
const inUse: DraftProblem = {
  severity: 'error',
  file: 'content/tours.json',
  path: ['tours', 0, 'stops', 2],
  message: { zh: '导览“入门”的第 3 站用到了这块展板。', en: 'Stop 3 of the tour “Start” names this panel.' },
  target: { kind: 'tour', tourId: 'start', field: ['stops', 2] },
};

describe('the list', () => {
  it('lists the sections and their panels in corridor order, each a button with its title', async () => {
    await open();
    expect(byLabelledHeading('section[aria-labelledby]', '展板编辑')).not.toBeNull();
    const list = byLabelledHeading('nav[aria-labelledby]', '展板') as HTMLElement;
    expect([...list.querySelectorAll('h4')].map((heading) => heading.textContent)).toEqual([
      '百年党史',
      '德清 · 党建纪实',
      '最美代表 · 火焰蓝风采',
      '重温入党誓词',
    ]);
    const deqing = list.querySelector('[aria-label="德清 · 党建纪实"]') as HTMLElement;
    expect([...deqing.querySelectorAll('.curate-editor__pick')][0]?.textContent).toBe('德清县党史');
    expect(button('德清县党史', list)).toBeDefined();
    // The draft's check (asked first: it takes longest), the draft, and the first presence beat
    // (who else is editing: tests/scene/curatePanelList.test.tsx).
    expect(station.requests().map((request) => request.url)).toEqual([
      'api/curate/draft/problems',
      'api/curate/draft',
      'api/curate/draft/presence',
    ]);
  });

  it('下移 moves a panel by the keyboard-usable button, keeping the focus on it', async () => {
    await open();
    await click(buttonLabelled('下移“德清县党史”'));
    expect(station.requests().find((request) => request.url.endsWith('/move'))).toMatchObject({
      method: 'POST',
      url: `api/curate/draft/panels/${DEQING}/move`,
      body: { sectionId: 'deqing', index: 1 },
    });
    const deqing = page().querySelector('[aria-label="德清 · 党建纪实"]') as HTMLElement;
    expect([...deqing.querySelectorAll('.curate-editor__pick')][1]?.textContent).toBe('德清县党史');
    expect(document.activeElement).toBe(buttonLabelled('下移“德清县党史”'));
    expect(buttonLabelled('上移“德清县党史”')?.disabled).toBe(false);
  });

  it('新建展板 asks for the kind and the section, creates it and opens it', async () => {
    await open();
    await click(button('新建展板'));
    const create = page().querySelector('form[aria-label="新建展板"]') as HTMLFormElement;
    choose('展板类型', 'board', create);
    choose('放在栏目', 'deqing', create);
    type(field('标题（可不填）', create), '新的展板');
    await click(button('创建展板', create));
    expect(station.requests().find((request) => request.url === 'api/curate/draft/panels')?.body).toEqual({
      kind: 'board',
      sectionId: 'deqing',
      title: '新的展板',
    });
    expect(form('新的展板')).not.toBeNull();
  });

  it('复制 makes a copy after the original and opens it', async () => {
    await open();
    await click(button('党委班子调整'));
    await click(button('复制'));
    expect(station.requests().map((request) => `${request.method} ${request.url}`)).toContain(
      'POST api/curate/draft/panels/party-committee-2021/duplicate',
    );
    const deqing = page().querySelector('[aria-label="德清 · 党建纪实"]') as HTMLElement;
    expect([...deqing.querySelectorAll('.curate-editor__pick')].map((pick) => pick.textContent).slice(1, 3)).toEqual([
      '党委班子调整',
      '党委班子调整',
    ]);
    expect(station.draft.panel('party-committee-2021-copy')).not.toBeNull();
    expect(deqing.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
    expect([...deqing.querySelectorAll('.curate-editor__pick')][2]?.getAttribute('aria-current')).toBe('true');
    expect(page().textContent).toContain('已复制展板。');
  });

  it('删除 refused because a tour names the panel says where, in words; an unused one goes to the bin and 恢复 brings it back', async () => {
    await open({ draft: { inUse: { [DEQING]: [inUse] } } });
    await click(button('德清县党史'));
    await click(button('删除'));
    const ask = dialog('删除展板“德清县党史”？') as HTMLElement;
    await click(button('确认删除', ask));
    expect(alerts(ask).join(' ')).toContain('不能删除');
    expect(alerts(ask).join(' ')).toContain('导览“入门”的第 3 站用到了这块展板。');
    expect(station.draft.panel(DEQING)).not.toBeNull();
    await click(button('取消', ask));

    await click(button('党委班子调整'));
    const title = form('党委班子调整') ? '党委班子调整' : '';
    expect(title).toBe('党委班子调整');
    await click(button('删除'));
    await click(button('确认删除', dialog('删除展板“党委班子调整”？') as HTMLElement));
    expect(station.draft.panel('party-committee-2021')).toBeNull();
    expect(button('党委班子调整')).toBeUndefined();
    await click(buttonLabelled('恢复“党委班子调整”'));
    expect(station.draft.panel('party-committee-2021')).not.toBeNull();
    expect(button('党委班子调整')).toBeDefined();
  });
});

describe('the form and its autosave', () => {
  it('an edited paragraph is saved after the debounce on its base version, every other field kept; 已保存', async () => {
    await open();
    const before = shipped();
    await click(button('德清县党史'));
    const panelForm = form('德清县党史') as HTMLElement;
    expect(panelForm).not.toBeNull();
    expect(field('标题（中文）', panelForm).value).toBe('德清县党史');
    expect(field('Title (English)', panelForm).value).toBe('Deqing County Party History');
    const paragraph = field('正文第 1 段（中文）', panelForm);
    expect(paragraph.value).toContain('据报道');
    type(paragraph, '德清县的党史，由大队整理。');
    expect(saveState()?.dataset.state).toBe('saving');
    expect(saveState()?.textContent).toBe('正在保存…');
    await wait(500);
    expect(puts()).toEqual([]);
    await wait(400);
    expect(puts()).toHaveLength(1);
    const body = (before.body as Array<{ zh: string; en: string }>)[0];
    expect(puts()[0]).toMatchObject({
      url: `api/curate/draft/panels/${DEQING}`,
      body: {
        baseVersion: versionOf(before),
        panel: { ...before, body: [{ zh: '德清县的党史，由大队整理。', en: body?.en }] },
      },
    });
    expect(saveState()?.dataset.state).toBe('saved');
    expect(saveState()?.textContent).toBe('已保存');
    expect(saveState()?.getAttribute('role')).toBe('status');
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();

    // The next edit goes on the version the save brought.
    const saved = versionOf(station.draft.panel(DEQING));
    type(field('摘要（中文）'), '正在筹备。');
    await wait(900);
    expect(puts()[1]?.body).toMatchObject({ baseVersion: saved });
    expect(station.draft.panel(DEQING)?.summary).toEqual({ zh: '正在筹备。', en: 'This board is being prepared.' });
  });

  it('a milestone’s date at its precision and its period chosen from the draft’s periods; every other field kept', async () => {
    await open();
    const before = structuredClone(station.draft.panel('cpc-founding-1921')) as Record<string, unknown>;
    await click(button('中国共产党诞生'));
    // Every field of the kind is drawn now: none is left only named.
    expect(page().textContent).not.toContain('这里没有显示的字段');
    const date = page().querySelector('fieldset.curate-date') as HTMLFieldSetElement;
    expect(date.querySelector('legend')?.textContent).toBe('日期 Date');
    expect(field('日期：年').value).toBe('1921');
    expect((control('日期：月') as HTMLSelectElement).value).toBe('07');
    expect((control('日期：日') as HTMLSelectElement).value).toBe('23');
    choose('日期：精确到', 'month', page());
    await wait(900);
    expect(station.draft.panel('cpc-founding-1921')).toEqual({ ...before, date: '1921-07' });

    const period = control('历史时期 Period') as HTMLSelectElement;
    expect(period.value).toBe('new-democratic-revolution');
    expect([...period.options].map((option) => option.value)).toEqual([
      '',
      'new-democratic-revolution',
      'socialist-revolution-and-construction',
      'reform-and-opening-up',
      'new-era',
    ]);
    expect(period.selectedOptions[0]?.textContent).toBe('新民主主义革命时期（new-democratic-revolution）');
    choose('历史时期 Period', 'socialist-revolution-and-construction', page());
    await wait(900);
    expect(station.draft.panel('cpc-founding-1921')).toEqual({
      ...before,
      date: '1921-07',
      period: 'socialist-revolution-and-construction',
    });
  });

  it('related panels are chosen from the draft’s panels; an image’s placeholder flag is a checkbox', async () => {
    await open();
    const before = shipped();
    await click(button('德清县党史'));
    await click(button('添加相关展板'));
    choose('相关展板 1 Related panels 1', 'cpc-founding-1921', page());
    await wait(900);
    expect(station.draft.panel(DEQING)).toEqual({ ...before, related: ['cpc-founding-1921'] });
    expect(
      [...(control('相关展板 1 Related panels 1') as HTMLSelectElement).options].some(
        (option) => option.textContent === '德清县党史（deqing-party-history）',
      ),
    ).toBe(true);

    // A photo still to come: its placeholder flag, unticked once the real one is in (left out).
    const alliance = structuredClone(station.draft.panel('party-building-alliance')) as Record<string, unknown>;
    await click(button('党建联盟'));
    const placeholder = control('第 1 张图片 · 占位图 Placeholder') as HTMLInputElement;
    expect(placeholder.type).toBe('checkbox');
    expect(placeholder.checked).toBe(true);
    await click(placeholder);
    await wait(900);
    const [image, ...rest] = alliance.images as Array<Record<string, unknown>>;
    const { placeholder: _was, ...real } = image ?? {};
    expect(station.draft.panel('party-building-alliance')).toEqual({ ...alliance, images: [real, ...rest] });
  });

  it('a drag across a photo crops it for the board and the card; a tap does not; 显示整张照片 removes the crop', async () => {
    await open();
    const alliance = structuredClone(station.draft.panel('party-building-alliance')) as Record<string, unknown>;
    await click(button('党建联盟'));
    const thumbnail = page().querySelector<HTMLImageElement>('img.curate-image__thumb') as HTMLImageElement;
    expect(thumbnail.alt).toBe('第 1 张图片（缩略图）');
    const frame = thumbnail.parentElement as HTMLElement;
    // jsdom lays nothing out: the photo is said to be 400 × 200 at (100, 50).
    frame.getBoundingClientRect = () => ({
      left: 100,
      top: 50,
      width: 400,
      height: 200,
      right: 500,
      bottom: 250,
      x: 100,
      y: 50,
      toJSON: () => ({}),
    });
    const pointer = (type: string, clientX: number, clientY: number) =>
      act(() => {
        const event = new MouseEvent(type, { bubbles: true, clientX, clientY, button: 0 });
        Object.defineProperty(event, 'pointerId', { value: 1 });
        frame.dispatchEvent(event);
      });
    // A tap: nothing is cut.
    await pointer('pointerdown', 300, 150);
    await pointer('pointerup', 302, 151);
    await wait(900);
    expect(station.draft.panel('party-building-alliance')).toEqual(alliance);
    // A drag from a quarter in to the far corner: the dimmed part shows while dragging.
    await pointer('pointerdown', 200, 100);
    await pointer('pointermove', 400, 200);
    expect(page().querySelector<HTMLElement>('[data-testid="curate-crop"]')?.style.width).toBe('50%');
    await pointer('pointermove', 520, 300);
    await pointer('pointerup', 520, 300);
    await wait(900);
    const [image, ...rest] = alliance.images as Array<Record<string, unknown>>;
    expect(station.draft.panel('party-building-alliance')).toEqual({
      ...alliance,
      images: [{ ...image, crop: { x: 0.25, y: 0.25, width: 0.75, height: 0.75 } }, ...rest],
    });
    await click(button('第 1 张图片显示整张照片（取消裁剪）'));
    await wait(900);
    expect(station.draft.panel('party-building-alliance')).toEqual(alliance);
  });

  it('paragraphs are added and removed; a paragraph with no English is a plain string', async () => {
    await open();
    await click(button('德清县党史'));
    await click(button('添加一段'));
    type(field('正文第 2 段（中文）'), '第二段。');
    await wait(900);
    expect((station.draft.panel(DEQING)?.body as unknown[] | undefined)?.at(1)).toBe('第二段。');
    await click(button('删除第 1 段'));
    await wait(900);
    expect(station.draft.panel(DEQING)?.body).toEqual(['第二段。']);
  });

  it('offline: the edit is kept in localStorage, said so, and sent on reconnecting', async () => {
    await open();
    const base = versionOf(shipped());
    await click(button('德清县党史'));
    station.state.offline = true;
    type(field('标题（中文）'), '德清县党史（新）');
    await wait(900);
    expect(saveState()?.dataset.state).toBe('offline');
    expect(saveState()?.textContent).toBe('未能保存（离线，稍后重试）');
    expect(page().textContent).toContain('德清县党史（有未发送的修改）');
    const kept = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null');
    expect(kept).toMatchObject({ baseVersion: base, panel: { title: { zh: '德清县党史（新）' } } });
    station.state.offline = false;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await settle();
    expect(saveState()?.dataset.state).toBe('saved');
    expect((station.draft.panel(DEQING)?.title as { zh: string } | undefined)?.zh).toBe('德清县党史（新）');
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
    expect(page().textContent).not.toContain('（有未发送的修改）');
  });

  it('offline: the retry timer sends it too', async () => {
    await open();
    await click(button('德清县党史'));
    station.state.offline = true;
    type(field('标题（中文）'), '改了');
    await wait(900);
    expect(saveState()?.dataset.state).toBe('offline');
    station.state.offline = false;
    await wait(5_000);
    expect(saveState()?.dataset.state).toBe('saved');
    expect((station.draft.panel(DEQING)?.title as { zh: string } | undefined)?.zh).toBe('改了');
  });

  it('a reload finds an edit kept from before, opens its panel and sends it', async () => {
    station = curateStation();
    const panel = { ...(station.draft.panel(DEQING) as Record<string, unknown>), title: '离线时改的标题' };
    localStorage.setItem(PENDING_KEY, JSON.stringify({ baseVersion: versionOf(station.draft.panel(DEQING)), panel, at: 1 }));
    await open();
    expect(form('离线时改的标题')).not.toBeNull();
    expect(puts()).toHaveLength(1);
    expect(station.draft.panel(DEQING)?.title).toBe('离线时改的标题');
    expect(saveState()?.dataset.state).toBe('saved');
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it('a conflict stops the saving and shows both versions; 用我的版本 saves mine on theirs', async () => {
    await open();
    await click(button('德清县党史'));
    station.draft.edit(DEQING, (panel) => ({ ...panel, summary: '别人改的摘要' }));
    const theirs = versionOf(station.draft.panel(DEQING));
    type(field('摘要（中文）'), '我改的摘要');
    await wait(900);
    expect(saveState()?.dataset.state).toBe('conflict');
    const ask = dialog('有人同时修改了这块展板') as HTMLDialogElement;
    expect(ask?.open).toBe(true);
    expect(ask.textContent).toContain('别人改的摘要');
    expect(ask.textContent).toContain('我改的摘要');
    // Typing on sends nothing while the conflict stands.
    type(field('标题（中文）'), '德清县党史 2');
    await wait(2_000);
    expect(puts()).toHaveLength(1);
    await click(button('用我的版本', dialog('有人同时修改了这块展板') as HTMLElement));
    expect(puts()).toHaveLength(2);
    expect(puts()[1]?.body).toMatchObject({ baseVersion: theirs, panel: { title: { zh: '德清县党史 2' } } });
    expect((station.draft.panel(DEQING)?.summary as { zh: string } | undefined)?.zh).toBe('我改的摘要');
    expect(saveState()?.dataset.state).toBe('saved');
    expect(dialog('有人同时修改了这块展板')).toBeNull();
  });

  it('用对方的版本 drops mine and shows theirs', async () => {
    await open();
    await click(button('德清县党史'));
    station.draft.edit(DEQING, (panel) => ({ ...panel, summary: '别人改的摘要' }));
    type(field('摘要（中文）'), '我改的摘要');
    await wait(900);
    await click(button('用对方的版本', dialog('有人同时修改了这块展板') as HTMLElement));
    expect(field('摘要（中文）').value).toBe('别人改的摘要');
    expect(saveState()?.dataset.state).toBe('saved');
    expect(puts()).toHaveLength(1);
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it('problems stand next to their fields: the whole check on opening, each save’s after it', async () => {
    const problem: DraftProblem = {
      severity: 'error',
      file: 'content/deqing.json',
      path: ['panels', 0, 'body', 0, 'zh'],
      message: { zh: '这一段太长了。', en: 'This paragraph is too long.' },
      target: { kind: 'panel', panelId: DEQING, field: ['body', 0, 'zh'] },
    };
    await open({ draft: { problems: [problem] } });
    await click(button('德清县党史'));
    expect(problemsOf('正文第 1 段（中文）')).toEqual(['这一段太长了。']);
    expect(field('正文第 1 段（中文）').getAttribute('aria-invalid')).toBe('true');
    expect(problemsOf('标题（中文）')).toEqual([]);
    type(field('标题（中文）'), '');
    await wait(900);
    expect(problemsOf('标题（中文）')).toEqual(['标题不能为空。']);
    expect(problemsOf('正文第 1 段（中文）')).toEqual([]);
  });

  it('上传照片 sends the file itself and adds the image with its caption and alt text to fill', async () => {
    await open();
    await click(button('德清县党史'));
    const input = page().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('image/*');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('上传照片');
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'team.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [photo], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    const upload = station.fetch.mock.calls.find(([url]) => url === 'api/curate/draft/photos');
    expect(upload?.[1]).toMatchObject({ method: 'POST', body: photo, headers: { 'content-type': 'image/jpeg' } });
    expect(field('第 1 张图片说明（中文）').value).toBe('');
    expect(field('第 1 张图片替代文字（中文）').value).toBe('');
    // The photo itself, as the station shows it to the form (a thumbnail behind the session).
    const thumbnail = page().querySelector<HTMLImageElement>('img.curate-image__thumb');
    expect(thumbnail?.getAttribute('src')).toBe('api/curate/draft/photo?src=photos%2Fuploads%2F2025-05-04-1.jpg');
    expect(thumbnail?.alt).toBe('第 1 张图片（缩略图）');
    await wait(900);
    expect(station.draft.panel(DEQING)?.images).toEqual([{ src: 'photos/uploads/2025-05-04-1.jpg', caption: '', alt: '' }]);
    expect(problemsOf('第 1 张图片说明（中文）')).toEqual(['请写图片说明。']);
    type(field('第 1 张图片说明（中文）'), '大队党员合影');
    type(field('Image 1 alt text (English)'), 'The brigade’s Party members');
    await wait(900);
    expect(station.draft.panel(DEQING)?.images).toEqual([
      {
        src: 'photos/uploads/2025-05-04-1.jpg',
        caption: '大队党员合影',
        alt: { zh: '', en: 'The brigade’s Party members' },
      },
    ]);
  });

  it('a refused photo shows the server’s words', async () => {
    await open({ draft: { photoRefusal: { error: 'bad-type', message: '这不是照片。 This is not a photo.' } } });
    await click(button('德清县党史'));
    const input = page().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.txt', { type: 'text/plain' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(alerts()).toEqual(['照片没有上传成功：这不是照片。 This is not a photo.']);
    expect(station.draft.panel(DEQING)?.images).toBeUndefined();
  });

  it('markup typed stays text, in the list, the heading and the form', async () => {
    await open();
    await click(button('德清县党史'));
    type(field('标题（中文）'), HOSTILE);
    await wait(900);
    expect(station.draft.panel(DEQING)?.title).toEqual({ zh: HOSTILE, en: 'Deqing County Party History' });
    expect(button(HOSTILE)).toBeDefined();
    expect(form(HOSTILE)).not.toBeNull();
    expect(page().querySelector('img')).toBeNull();
  });
});

describe('预览', () => {
  it('builds, says so, then links the panel in the preview in a new tab', async () => {
    await open();
    await click(button('德清县党史'));
    await click(button('预览'));
    expect(page().textContent).toContain('正在生成预览…');
    await wait(1_500);
    const link = [...page().querySelectorAll('a')].find((anchor) => anchor.textContent === '打开预览');
    expect(link?.getAttribute('href')).toBe(`preview/#/panel/${DEQING}`);
    expect(link?.target).toBe('_blank');
  });

  it('a failed build says why, with its log', async () => {
    await open();
    station.draft.state.previewOutcome = { stamp: 'b1', error: { message: '内容检查没有通过', log: 'deqing.json: title' } };
    await click(button('德清县党史'));
    await click(button('预览'));
    await wait(1_500);
    expect(alerts().join(' ')).toContain('预览没有生成：内容检查没有通过');
    expect(page().querySelector('.curate-preview__log')?.textContent).toBe('deqing.json: title');
  });
});

describe('in English', () => {
  it('labels, the save state and the kinds in English', async () => {
    await open({}, 'en');
    expect(byLabelledHeading('section[aria-labelledby]', 'Edit panels')).not.toBeNull();
    await click(button('Deqing County Party History'));
    expect(form('Deqing County Party History')).not.toBeNull();
    expect(field('Title (Chinese)').value).toBe('德清县党史');
    expect(field('Title (English)').value).toBe('Deqing County Party History');
    expect(field('Body paragraph 1 (Chinese)')).toBeDefined();
    expect(field('Note (English)')).toBeDefined();
    expect(saveState()?.textContent).toBe('Saved');
    expect(page().textContent).toContain('Kind: To fill');
  });
});
