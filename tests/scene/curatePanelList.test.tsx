// @vitest-environment jsdom
/**
 * The panel list of 展板编辑 (src/modes/curate/ui/CuratePanelList.tsx) inside the editor, against
 * the stand-in station's draft (tests/support/curateDraftStation.ts, over the shipped content):
 * 移到栏目… moves a panel to another section's end by keyboard, says so in the status line and
 * keeps the focus on the moved panel's control; a panel dragged by its handle with pointer events
 * (a drop line where it would land, Esc cancelling) is moved as the drop line showed; who else
 * has a panel open is marked beside it in the list and said over its form.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import { PRESENCE_BEAT_MS, type PresenceEntry } from '../../src/live/curateDraftProtocol.ts';
import { createCurateApi } from '../../src/modes/curate/curateClient.ts';
import { CurateEditor } from '../../src/modes/curate/ui/CurateEditor.tsx';
import { type CurateStationOptions, curateStation, EDITOR_ID, NOW } from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const DEQING = 'deqing-party-history';

let station: ReturnType<typeof curateStation>;
const dom = domRootPerTest();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
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

/** Time passing: the presence heartbeat's beats. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

async function open(options: CurateStationOptions = {}, lang: Lang = 'zh', others: PresenceEntry[] = []) {
  station = curateStation({ loggedInAs: 'wangfang', ...options });
  station.draft.state.others = others;
  const api = createCurateApi({ fetch: station.fetch });
  const session = { ok: true as const, account: { ...station.state.accounts[1], id: EDITOR_ID } as never, expiresAt: NOW };
  act(() => dom.root.render(<CurateEditor lang={lang} api={api} session={session} />));
  await settle();
}

const page = () => dom.container;
const buttonLabelled = (name: string) =>
  [...page().querySelectorAll('button')].find((element) => element.getAttribute('aria-label') === name);
const button = (name: string, within: ParentNode = page()) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const section = (name: string) => page().querySelector<HTMLElement>(`section[aria-label="${name}"]`) as HTMLElement;
const titlesIn = (name: string) => [...section(name).querySelectorAll('.curate-editor__pick')].map((pick) => pick.textContent);
const status = () => page().querySelector('.curate-editor > [role="status"]')?.textContent;
const moves = () => station.requests().filter((request) => request.url.endsWith('/move'));

function control(label: string, within: ParentNode = page()) {
  const found = [...within.querySelectorAll('label')].find((element) => element.textContent === label);
  return found ? document.getElementById(found.htmlFor) : null;
}
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function click(target: HTMLElement | undefined | null) {
  if (!target) throw new Error('nothing to click');
  act(() => target.click());
  await settle();
}
function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** jsdom has no PointerEvent: a mouse event with a pointer's own fields, which React reads as one. */
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  readonly isPrimary: boolean;
  readonly pointerType: string;
  constructor(type: string, init: MouseEventInit & { pointerId?: number; isPrimary?: boolean; pointerType?: string }) {
    super(type, { bubbles: true, cancelable: true, ...init });
    this.pointerId = init.pointerId ?? 1;
    this.isPrimary = init.isPrimary ?? true;
    this.pointerType = init.pointerType ?? 'touch';
  }
}

/**
 * jsdom lays nothing out: the list drawn as a browser would, from the DOM as it is at each call —
 * each section a 30 px heading then its rows, 40 px each, 20 px between sections.
 */
function layOut() {
  const boxes = new Map<Element, { top: number; bottom: number }>();
  let y = 0;
  for (const element of page().querySelectorAll('[data-drop-section]')) {
    const top = y;
    y += 30;
    for (const row of element.querySelectorAll('[data-drop-row]')) {
      boxes.set(row, { top: y, bottom: y + 40 });
      y += 40;
    }
    boxes.set(element, { top, bottom: y });
    y += 20;
  }
  return boxes;
}
function drawnLikeABrowser() {
  scrolled = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function box(this: HTMLElement) {
    const { top, bottom } = layOut().get(this) ?? { top: 0, bottom: 0 };
    return DOMRect.fromRect({ x: 0, y: top, width: 300, height: bottom - top });
  });
}
let scrolled: ReturnType<typeof vi.spyOn>;
const rowOf = (title: string) => button(title)?.closest('li') as HTMLElement;
const handleOf = (title: string) => rowOf(title).querySelector('.curate-drag-handle') as HTMLElement;
const dropLine = () => page().querySelector('.curate-drop-line');
function pointer(target: Element, type: string, clientY: number, extra: { pointerId?: number; button?: number } = {}) {
  act(() => {
    target.dispatchEvent(new TestPointerEvent(type, { clientY, button: 0, ...extra }));
  });
}

describe('移到栏目…', () => {
  it('moves a panel to the end of the section chosen, says so, and keeps the focus on the moved panel’s control', async () => {
    await open();
    const opener = buttonLabelled('移到栏目…：“德清县党史”');
    expect(opener?.getAttribute('aria-expanded')).toBe('false');
    await click(opener);
    expect(opener?.getAttribute('aria-expanded')).toBe('true');
    const form = page().querySelector('form[aria-label="移动“德清县党史”"]') as HTMLFormElement;
    const choice = control('移到栏目', form) as HTMLSelectElement;
    // The keyboard lands on the choice; its own section is not among them.
    expect(document.activeElement).toBe(choice);
    expect([...choice.options].map((option) => option.textContent)).toEqual([
      '百年党史',
      '最美代表 · 火焰蓝风采',
      '重温入党誓词',
    ]);
    choose(choice, 'members');
    await click(button('移动', form));

    // Its end: the members' six panels stay where they are, so the seventh place.
    expect(moves()).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: `api/curate/draft/panels/${DEQING}/move`,
        body: { sectionId: 'members', index: 6 },
      }),
    ]);
    expect(titlesIn('德清 · 党建纪实')).not.toContain('德清县党史');
    expect(titlesIn('最美代表 · 火焰蓝风采').at(-1)).toBe('德清县党史');
    expect(status()).toBe('已把「德清县党史」移到「最美代表 · 火焰蓝风采」末尾');
    expect(page().querySelector('form[aria-label="移动“德清县党史”"]')).toBeNull();
    // A new element in the other section, and the focus on it.
    const moved = buttonLabelled('移到栏目…：“德清县党史”');
    expect(moved).not.toBe(opener);
    expect(section('最美代表 · 火焰蓝风采').contains(moved as HTMLElement)).toBe(true);
    expect(document.activeElement).toBe(moved);
  });

  it('Esc or 取消 closes it without moving, the focus back on its button', async () => {
    await open();
    const opener = buttonLabelled('移到栏目…：“党委班子调整”') as HTMLButtonElement;
    await click(opener);
    const form = page().querySelector('form[aria-label="移动“党委班子调整”"]') as HTMLFormElement;
    press(control('移到栏目', form) as HTMLElement, 'Escape');
    await settle();
    expect(page().querySelector('form[aria-label="移动“党委班子调整”"]')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await click(opener);
    await click(button('取消', page().querySelector('form[aria-label="移动“党委班子调整”"]') as HTMLElement));
    expect(page().querySelector('form[aria-label="移动“党委班子调整”"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(moves()).toEqual([]);
  });

  it('in English', async () => {
    await open({}, 'en');
    await click(buttonLabelled('Move to section…: “Deqing County Party History”'));
    const form = page().querySelector('form[aria-label="Move “Deqing County Party History”"]') as HTMLFormElement;
    choose(control('To the section', form) as HTMLSelectElement, 'oath');
    await click(button('Move', form));
    expect(moves()[0]?.body).toEqual({ sectionId: 'oath', index: 1 });
    expect(status()).toBe('Moved “Deqing County Party History” to the end of “Renewing the Party Oath”.');
  });
});

describe('dragging a panel by its handle', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('within its section: a drop line where it would go, then the move the server counts after removal, announced', async () => {
    await open();
    drawnLikeABrowser();
    const handle = handleOf('德清县党史');
    // Hidden from screen readers: the keyboard has 上移 / 下移 and 移到栏目….
    expect(handle.getAttribute('aria-hidden')).toBe('true');
    const start = rowOf('德清县党史').getBoundingClientRect();
    pointer(handle, 'pointerdown', start.top + 20);
    expect(rowOf('德清县党史').classList).toContain('curate-editor__item--dragging');
    // Over its own row: it would stay, no line.
    pointer(handle, 'pointermove', start.top + 30);
    expect(dropLine()).toBeNull();
    // Just past 中心组学习's row: between it and 党建联盟.
    const below = rowOf('中心组学习').getBoundingClientRect().bottom + 5;
    pointer(handle, 'pointermove', below);
    expect(dropLine()?.nextElementSibling).toBe(rowOf('党建联盟'));
    expect(dropLine()?.getAttribute('aria-hidden')).toBe('true');
    pointer(handle, 'pointerup', below);
    await settle();

    // Before the fourth row as drawn, so the third place once it is out of the list.
    expect(moves()).toEqual([
      expect.objectContaining({ url: `api/curate/draft/panels/${DEQING}/move`, body: { sectionId: 'deqing', index: 2 } }),
    ]);
    expect(titlesIn('德清 · 党建纪实').slice(0, 4)).toEqual(['党委班子调整', '中心组学习', '德清县党史', '党建联盟']);
    expect(status()).toBe('已把「德清县党史」移到「德清 · 党建纪实」第 3 位');
    expect(dropLine()).toBeNull();
    expect(page().querySelector('.curate-editor__item--dragging')).toBeNull();
  });

  it('into another section, over its heading: to its start', async () => {
    await open();
    drawnLikeABrowser();
    const handle = handleOf('党建联盟');
    pointer(handle, 'pointerdown', rowOf('党建联盟').getBoundingClientRect().top + 20);
    const heading = section('最美代表 · 火焰蓝风采').getBoundingClientRect().top + 10;
    pointer(handle, 'pointermove', heading);
    expect(dropLine()?.nextElementSibling).toBe(rowOf('方杰、周峰'));
    pointer(handle, 'pointerup', heading);
    await settle();
    expect(moves().map((request) => request.body)).toEqual([{ sectionId: 'members', index: 0 }]);
    expect(titlesIn('最美代表 · 火焰蓝风采')[0]).toBe('党建联盟');
    expect(status()).toBe('已把「党建联盟」移到「最美代表 · 火焰蓝风采」第 1 位');
  });

  it('to the end of a section: the line after its last row; near the window’s bottom the page scrolls', async () => {
    await open();
    drawnLikeABrowser();
    const handle = handleOf('德清县党史');
    pointer(handle, 'pointerdown', rowOf('德清县党史').getBoundingClientRect().top + 20);
    pointer(handle, 'pointermove', 300);
    expect(scrolled).not.toHaveBeenCalled();
    const end = section('重温入党誓词').getBoundingClientRect().bottom - 5;
    expect(end).toBeGreaterThan(window.innerHeight);
    pointer(handle, 'pointermove', end);
    expect(scrolled).toHaveBeenLastCalledWith(0, 24);
    expect(dropLine()?.previousElementSibling).toBe(rowOf('入党誓词'));
    pointer(handle, 'pointerup', end);
    await settle();
    expect(moves().map((request) => request.body)).toEqual([{ sectionId: 'oath', index: 1 }]);
  });

  it('Esc cancels: no line, no move when let go; nor does a cancelled pointer or another finger', async () => {
    await open();
    drawnLikeABrowser();
    const handle = handleOf('德清县党史');
    const target = rowOf('党建联盟').getBoundingClientRect().bottom - 5;
    pointer(handle, 'pointerdown', rowOf('德清县党史').getBoundingClientRect().top + 20);
    pointer(handle, 'pointermove', target);
    expect(dropLine()).not.toBeNull();
    press(document.body, 'Escape');
    expect(dropLine()).toBeNull();
    expect(page().querySelector('.curate-editor__item--dragging')).toBeNull();
    pointer(handle, 'pointerup', target);
    await settle();

    // The browser takes the gesture over (a scroll, a system swipe).
    pointer(handle, 'pointerdown', 50);
    pointer(handle, 'pointermove', target);
    pointer(handle, 'pointercancel', target);
    expect(dropLine()).toBeNull();
    pointer(handle, 'pointerup', target);
    await settle();

    // A second finger's moves are not the drag's.
    pointer(handle, 'pointerdown', 50, { pointerId: 7 });
    pointer(handle, 'pointermove', target, { pointerId: 8 });
    expect(dropLine()).toBeNull();
    pointer(handle, 'pointerup', target, { pointerId: 8 });
    pointer(handle, 'pointerup', rowOf('德清县党史').getBoundingClientRect().top + 20, { pointerId: 7 });
    await settle();
    expect(moves()).toEqual([]);
    expect(titlesIn('德清 · 党建纪实')[0]).toBe('德清县党史');
  });

  it('a right click on the handle starts nothing', async () => {
    await open();
    drawnLikeABrowser();
    const handle = handleOf('德清县党史');
    pointer(handle, 'pointerdown', 50, { button: 2 });
    pointer(handle, 'pointermove', 400, {});
    expect(dropLine()).toBeNull();
    pointer(handle, 'pointerup', 400);
    await settle();
    expect(moves()).toEqual([]);
  });
});

describe('who else is editing', () => {
  const lihua = (panelId: string | null): PresenceEntry => ({ accountId: 'lihua-id', displayName: '李华', panelId, seenAt: NOW });
  const zhangsan = (panelId: string | null): PresenceEntry => ({ accountId: 'zs-id', displayName: '张三', panelId, seenAt: NOW });
  const markOf = (title: string) => rowOf(title).querySelector('.curate-presence-mark');
  const notice = () => page().querySelector('.curate-presence-notice');

  it('marks the panels others have open, with their names; the open one says so over its form', async () => {
    await open({}, 'zh', [lihua(DEQING), zhangsan(null)]);
    // The list's own beat, no panel open yet.
    expect(station.draft.state.beats).toEqual([null]);
    expect(markOf('德清县党史')?.textContent).toBe('李华 正在编辑');
    // The panel's button is described by it, so a screen reader hears it with the title.
    const pick = button('德清县党史') as HTMLButtonElement;
    expect(document.getElementById(pick.getAttribute('aria-describedby') ?? '')).toBe(markOf('德清县党史'));
    // Someone on the list, not on a panel, marks none.
    expect(page().querySelectorAll('.curate-presence-mark')).toHaveLength(1);
    expect(markOf('党委班子调整')).toBeNull();

    await click(pick);
    expect(station.draft.state.beats).toEqual([null, DEQING]);
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.textContent).toBe('李华 也在编辑这块展板');
    // Near the form's heading, in the panel's editor.
    expect(notice()?.closest('.curate-panel-editor')?.querySelector('h3')?.textContent).toBe('德清县党史');

    // 张三 opens it too; heard on the next beat.
    station.draft.state.others = [lihua(DEQING), zhangsan(DEQING)];
    await wait(PRESENCE_BEAT_MS);
    expect(station.draft.state.beats).toEqual([null, DEQING, DEQING]);
    expect(notice()?.textContent).toBe('李华和张三 也在编辑这块展板');
    expect(markOf('德清县党史')?.textContent).toBe('李华和张三 正在编辑');

    // Both leave: the marks go; the status line stays, empty, for the next time.
    station.draft.state.others = [];
    await wait(PRESENCE_BEAT_MS);
    expect(markOf('德清县党史')).toBeNull();
    expect(pick.hasAttribute('aria-describedby')).toBe(false);
    expect(notice()?.textContent).toBe('');
  });

  it('another panel open by someone else is marked in the list, not said over this one', async () => {
    await open({}, 'zh', [lihua('party-committee-2021')]);
    await click(button('德清县党史'));
    expect(markOf('党委班子调整')?.textContent).toBe('李华 正在编辑');
    expect(notice()?.textContent).toBe('');
  });

  it('in English', async () => {
    await open({}, 'en', [lihua(DEQING)]);
    expect(markOf('Deqing County Party History')?.textContent).toBe('Editing: 李华');
    await click(button('Deqing County Party History'));
    expect(notice()?.textContent).toBe('Also editing this panel: 李华');
  });

  it('the editor gone (another screen, the logout), the panel is let go and the beats stop', async () => {
    await open();
    await click(button('德清县党史'));
    act(() => dom.root.render(<p>another screen</p>));
    await settle();
    expect(station.draft.state.beats).toEqual([null, DEQING, null]);
    await wait(PRESENCE_BEAT_MS * 3);
    expect(station.draft.state.beats).toEqual([null, DEQING, null]);
  });
});
