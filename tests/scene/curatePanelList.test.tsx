// @vitest-environment jsdom
/**
 * The panel list of 展板编辑 (src/modes/curate/ui/CuratePanelList.tsx) inside the editor, against
 * the stand-in station's draft (tests/support/curateDraftStation.ts, over the shipped content):
 * 移到栏目… moves a panel to another section's end by keyboard, says so in the status line and
 * keeps the focus on the moved panel's control.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
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

async function open(options: CurateStationOptions = {}, lang: Lang = 'zh') {
  station = curateStation({ loggedInAs: 'wangfang', ...options });
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

describe('移到栏目…', () => {
  it('moves a panel to the end of the section chosen, says so, and keeps the focus on the moved panel’s control', async () => {
    await open();
    const opener = buttonLabelled('把“德清县党史”移到其他栏目');
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
    const moved = buttonLabelled('把“德清县党史”移到其他栏目');
    expect(moved).not.toBe(opener);
    expect(section('最美代表 · 火焰蓝风采').contains(moved as HTMLElement)).toBe(true);
    expect(document.activeElement).toBe(moved);
  });

  it('Esc or 取消 closes it without moving, the focus back on its button', async () => {
    await open();
    const opener = buttonLabelled('把“党委班子调整”移到其他栏目') as HTMLButtonElement;
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
    await click(buttonLabelled('Move “Deqing County Party History” to another section'));
    const form = page().querySelector('form[aria-label="Move “Deqing County Party History”"]') as HTMLFormElement;
    choose(control('To the section', form) as HTMLSelectElement, 'oath');
    await click(button('Move', form));
    expect(moves()[0]?.body).toEqual({ sectionId: 'oath', index: 1 });
    expect(status()).toBe('Moved “Deqing County Party History” to the end of “Renewing the Party Oath”.');
  });
});
