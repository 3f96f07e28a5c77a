// @vitest-environment jsdom
/**
 * The curator's page (`?mode=curate`, src/modes/curate/) as installed by its mode, against a
 * stubbed station (`fetch` answering real `Response`s, tests/support/curateStation.ts): on a
 * static host it says it works only on the station; the login (a wrong password, the lock-out,
 * a device not let in, all in words; no password kept); the shell's nav per role; a setup link
 * (its token gone from the address at once); 账号管理 (create, reset, disable, each refusal in
 * words); 操作日志 paged with 更多 and filtered by panel; staff-typed text shown as text; English.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { curateMode } from '../../src/modes/curate/index.ts';
import type { InstalledMode } from '../../src/modes/types.ts';
import { useExhibition } from '../../src/store/store.ts';
import {
  auditEntries,
  type CurateStationOptions,
  curateStation,
  EDITOR_ID,
  RESET_TOKEN,
  REVIEWER_ID,
  SETUP_TOKEN,
} from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

let installed: InstalledMode | null = null;
let station: ReturnType<typeof curateStation>;

const dom = domRootPerTest(() => {
  installed?.uninstall();
  installed = null;
  useExhibition.getState().setLang('zh');
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

beforeEach(() => {
  // jsdom draws no dialogs: showModal/close only toggle `open`, as the real ones do.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** Lets the stubbed requests answer and React render what they brought. */
async function settle() {
  for (let turn = 0; turn < 6; turn++)
    await act(async () => {
      await new Promise((done) => setTimeout(done, 0));
    });
}

async function open(options: CurateStationOptions = {}, address = '/?mode=curate') {
  window.history.replaceState(null, '', address);
  station = curateStation(options);
  vi.stubGlobal('fetch', station.fetch);
  const mode = curateMode.install(useExhibition, window, { hasWebgl: false });
  installed = mode;
  expect(mode.standalone).toBe(true);
  act(() => dom.root.render(<mode.Overlay textTwinShown={false} />));
  await settle();
}

const page = () => dom.container;
const button = (name: string, within: ParentNode = page()) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const alerts = (within: ParentNode = page()) =>
  [...within.querySelectorAll('[role="alert"]')].map((element) => element.textContent);
const statuses = () => [...page().querySelectorAll('[role="status"]')].map((element) => element.textContent).join(' ');
/** A field by its label's exact words. */
function field(label: string, within: ParentNode = page()): HTMLInputElement {
  const found = [...within.querySelectorAll('label')].find((element) => element.textContent === label);
  const input = found && document.getElementById(found.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return input;
}
function type(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(target: HTMLElement | undefined) {
  if (!target) throw new Error('nothing to click');
  act(() => target.click());
  await settle();
}
/** A section (or dialog) by the words of the heading that names it. */
function named(name: string): HTMLElement | null {
  const all = [...page().querySelectorAll<HTMLElement>('section[aria-labelledby], dialog[aria-labelledby]')];
  return (
    all.find((element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent === name) ?? null
  );
}
const nav = () => page().querySelector('nav');
const navEntries = () => [...(nav()?.querySelectorAll('button') ?? [])].map((entry) => entry.textContent);

async function logIn(username: string, password: string) {
  type(field('用户名'), username);
  type(field('密码'), password);
  await click(button('登录'));
}

describe('the curator page, on a page the station does not serve', () => {
  it('says clearly that it works only on the station server, and asks nothing of `api/`', async () => {
    await open({ servedByStation: false });
    const notice = named('布展只能在展厅服务器上使用');
    expect(notice?.tagName).toBe('SECTION');
    expect(notice?.textContent).toContain('?mode=curate');
    expect(page().querySelector('input')).toBeNull();
    expect(station.requests()).toEqual([]);
  });
});

describe('the login', () => {
  it('is a section named by its heading with labelled fields a password manager understands', async () => {
    await open();
    expect(page().querySelector('h1')?.textContent).toBe('布展 · 党史长廊');
    const login = named('布展登录');
    expect(login?.tagName).toBe('SECTION');
    expect(field('用户名').autocomplete).toBe('username');
    expect(field('密码').type).toBe('password');
    expect(field('密码').autocomplete).toBe('current-password');
    expect(nav()).toBeNull();
  });

  it('a reviewer lands on 展板编辑, with the editing screens, 账号管理 and 操作日志 in the nav; the password is kept nowhere', async () => {
    await open();
    await logIn('lihua', 'reviewer-pass');
    expect(page().querySelector('header')?.textContent).toContain('当前账号：李华（审核）');
    expect(nav()?.getAttribute('aria-label')).toBe('布展栏目');
    expect(navEntries()).toEqual([
      '展板编辑',
      '展览设置',
      '栏目',
      '讲解路线',
      '知识问答',
      '审核发布',
      '历史版本',
      '导出与导入',
      '账号管理',
      '操作日志',
    ]);
    expect(button('展板编辑')?.getAttribute('aria-current')).toBe('page');
    expect(named('展板编辑')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('展板编辑');
    expect(button('修改密码')).toBeDefined();
    expect(button('退出')).toBeDefined();
    const kept = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => storage.getItem(key)));
    expect([...kept, window.location.href].join(' ')).not.toContain('reviewer-pass');
  });

  it('an editor has no reviewer’s screens: only the editing screens in the nav, opening on 展板编辑', async () => {
    await open();
    await logIn('wangfang', 'editor-pass');
    expect(page().querySelector('header')?.textContent).toContain('当前账号：王芳（编辑）');
    expect(navEntries()).toEqual(['展板编辑', '展览设置', '栏目', '讲解路线', '知识问答', '审核发布', '历史版本', '导出与导入']);
    expect(named('账号管理')).toBeNull();
    expect(named('展板编辑')).not.toBeNull();
    expect(station.requests().map((request) => request.url)).not.toContain('api/curate/accounts');
  });

  it('审核发布 and 历史版本 open from the nav for an editor, each heading taking the focus', async () => {
    await open();
    await logIn('wangfang', 'editor-pass');
    await click(button('审核发布'));
    expect(named('审核发布')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('审核发布');
    expect(station.requests().map((request) => request.url)).toContain('api/curate/submissions');
    await click(button('历史版本'));
    expect(named('历史版本')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('历史版本');
    expect(station.requests().map((request) => request.url)).toContain('api/curate/versions');
  });

  it('a wrong password is said in words, the password field is cleared, and nobody is logged in', async () => {
    await open();
    await logIn('lihua', 'not-the-password');
    expect(alerts()).toEqual(['用户名或密码不对。']);
    expect(field('密码').value).toBe('');
    expect(document.activeElement).toBe(field('密码'));
    expect(button('退出')).toBeUndefined();
    expect(station.state.sessionAccountId).toBeNull();
  });

  it('an empty field is named, and nothing is sent', async () => {
    await open();
    type(field('用户名'), 'lihua');
    await click(button('登录'));
    expect(alerts()).toEqual(['请填写“密码”。']);
    expect(station.requests().map((request) => request.url)).not.toContain('api/curate/login');
  });

  it('locked out: says for how long', async () => {
    await open({ locked: ['lihua'] });
    await logIn('lihua', 'reviewer-pass');
    expect(alerts()[0]).toContain('15 分钟');
    expect(button('退出')).toBeUndefined();
  });

  it('a device the station does not let in: explains who may, before anyone types', async () => {
    await open({ notAllowed: true });
    expect(alerts()[0]).toContain('只有展厅电脑本机');
    expect(alerts()[0]).toContain('CURATE_ALLOW');
  });

  it('a reload with a live session goes straight in; 退出 ends it and shows the login again', async () => {
    await open({ loggedInAs: 'lihua' });
    expect(named('展板编辑')).not.toBeNull();
    await click(button('退出'));
    expect(named('布展登录')).not.toBeNull();
    expect(station.state.sessionAccountId).toBeNull();
  });

  it('a session ended under the page (expired, reset) sends it back to the login, saying why', async () => {
    await open({ loggedInAs: 'lihua' });
    station.state.sessionAccountId = null;
    await click(button('操作日志'));
    expect(named('布展登录')).not.toBeNull();
    expect(alerts()[0]).toContain('登录已失效');
  });
});

describe('a setup link', () => {
  it('loses its token from the address at once; checked, asked for, used: the first reviewer is logged in', async () => {
    const checking = open(
      { empty: true, setupLinks: { [SETUP_TOKEN]: { ok: true, purpose: 'first-reviewer', username: null } } },
      `/?mode=curate&setup=${SETUP_TOKEN}`,
    );
    // Read and dropped during install, before the page has drawn anything.
    expect(window.location.search).toBe('?mode=curate');
    await checking;
    expect(window.location.href).not.toContain(SETUP_TOKEN);
    expect(station.requests()[0]).toMatchObject({ method: 'POST', url: 'api/curate/setup/check', body: { token: SETUP_TOKEN } });

    const form = named('创建第一个审核账号');
    expect(form).not.toBeNull();
    expect(field('新密码').autocomplete).toBe('new-password');
    expect(field('再输一遍新密码').autocomplete).toBe('new-password');
    type(field('用户名'), 'chenjing');
    type(field('显示名称（可不填）'), '陈静');
    type(field('新密码'), 'short');
    type(field('再输一遍新密码'), 'short');
    await click(button('创建并登录'));
    expect(alerts()).toEqual(['密码至少要 8 个字符。']);
    type(field('新密码'), 'a-long-passphrase');
    type(field('再输一遍新密码'), 'a-long-passphrase!');
    await click(button('创建并登录'));
    expect(alerts()).toEqual(['两次输入的新密码不一样。']);
    expect(station.requests().map((request) => request.url)).not.toContain('api/curate/setup');

    type(field('新密码'), 'a-long-passphrase');
    type(field('再输一遍新密码'), 'a-long-passphrase');
    await click(button('创建并登录'));
    expect(station.requests().find((request) => request.url === 'api/curate/setup')).toMatchObject({
      body: { token: SETUP_TOKEN, username: 'chenjing', password: 'a-long-passphrase', displayName: '陈静' },
    });
    expect(page().querySelector('header')?.textContent).toContain('当前账号：陈静（审核）');
    expect(named('展板编辑')).not.toBeNull();
  });

  it('a reset link names the reviewer and fixes the username', async () => {
    await open(
      { setupLinks: { [RESET_TOKEN]: { ok: true, purpose: 'reset', username: 'lihua' } } },
      `/?mode=curate&setup=${RESET_TOKEN}`,
    );
    const form = named('重新设置审核账号的密码');
    expect(form?.textContent).toContain('“lihua”');
    expect(field('用户名').value).toBe('lihua');
    expect(field('用户名').readOnly).toBe(true);
    type(field('新密码'), 'brand-new-pass');
    type(field('再输一遍新密码'), 'brand-new-pass');
    await click(button('设置密码并登录'));
    expect(station.state.accounts.find((entry) => entry.id === REVIEWER_ID)?.password).toBe('brand-new-pass');
    expect(named('展板编辑')).not.toBeNull();
  });

  it('a used link says so and leads to the login', async () => {
    await open({}, `/?mode=curate&setup=${SETUP_TOKEN}`);
    expect(named('设置链接')).not.toBeNull();
    expect(alerts()[0]).toContain('npm run curate:reset');
    await click(button('去登录'));
    expect(named('布展登录')).not.toBeNull();
  });
});

describe('账号管理', () => {
  const accountItem = (username: string) =>
    [...page().querySelectorAll<HTMLElement>('.curate-account')].find(
      (item) => item.querySelector('.curate-account__username')?.textContent === username,
    );

  it('lists every account; one’s own has no reset or disable', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('账号管理'));
    expect([...page().querySelectorAll('.curate-account h4')].map((heading) => heading.textContent)).toEqual([
      '李华（你自己）',
      '王芳',
    ]);
    expect(accountItem('lihua')?.querySelector('button')).toBeNull();
    expect(accountItem('wangfang')?.textContent).toContain('编辑');
    expect(button('重置密码 · wangfang')).toBeDefined();
    expect(button('停用 · wangfang')).toBeDefined();
  });

  it('新建账号: a taken username is said in words; a new one is created and listed', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('账号管理'));
    const toggle = button('新建账号');
    await click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const form = named('新建账号') as HTMLElement;
    expect(document.activeElement).toBe(field('用户名', form));
    type(field('用户名', form), 'WangFang');
    type(field('初始密码', form), 'initial-pass');
    type(field('再输一遍新密码', form), 'initial-pass');
    await click(button('创建账号', form));
    expect(alerts(form)).toEqual(['这个用户名已经有人用了（不区分大小写），请换一个。']);

    type(field('用户名', form), 'zhaolei');
    type(field('显示名称（可不填）', form), '赵磊');
    const reviewerRole = form.querySelector<HTMLInputElement>('input[type="radio"][value="reviewer"]');
    act(() => reviewerRole?.click());
    await click(button('创建账号', form));
    expect(station.requests().at(-1)).toMatchObject({
      method: 'POST',
      url: 'api/curate/accounts',
      body: { username: 'zhaolei', role: 'reviewer', password: 'initial-pass', displayName: '赵磊' },
    });
    expect(named('新建账号')).toBeNull();
    expect(statuses()).toContain('已创建账号“赵磊”。');
    expect(accountItem('zhaolei')?.textContent).toContain('审核');
  });

  it('重置密码 asks for the new one in a dialog, and resets only on 确认重置', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('账号管理'));
    await click(button('重置密码 · wangfang'));
    const dialog = named('重置“王芳”的密码') as HTMLDialogElement;
    expect(dialog?.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    type(field('新密码', dialog), 'wangfang');
    type(field('再输一遍新密码', dialog), 'wangfang');
    await click(button('确认重置', dialog));
    expect(alerts(dialog)).toEqual(['密码不能与用户名相同。']);
    type(field('新密码', dialog), 'fresh-password');
    type(field('再输一遍新密码', dialog), 'fresh-password');
    await click(button('确认重置', dialog));
    expect(station.requests().at(-1)).toMatchObject({
      url: `api/curate/accounts/${EDITOR_ID}/password`,
      body: { password: 'fresh-password' },
    });
    expect(named('重置“王芳”的密码')).toBeNull();
    expect(statuses()).toContain('已重置“王芳”的密码。');
  });

  it('取消 closes the dialog without a request', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('账号管理'));
    const before = station.requests().length;
    await click(button('停用 · wangfang'));
    const dialog = named('停用“王芳”？') as HTMLElement;
    await click(button('取消', dialog));
    expect(named('停用“王芳”？')).toBeNull();
    expect(station.requests()).toHaveLength(before);
  });

  it('停用 asks once more, then the account shows as disabled; 启用 brings it back', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('账号管理'));
    await click(button('停用 · wangfang'));
    const dialog = named('停用“王芳”？') as HTMLElement;
    expect(dialog.textContent).toContain('立刻在所有设备上退出');
    await click(button('确认停用', dialog));
    expect(station.requests().at(-1)).toMatchObject({
      url: `api/curate/accounts/${EDITOR_ID}/disable`,
      body: { disabled: true },
    });
    expect(accountItem('wangfang')?.textContent).toContain('已停用');
    expect(statuses()).toContain('已停用“王芳”。');
    await click(button('启用 · wangfang'));
    await click(button('确认启用', named('启用“王芳”？') as HTMLElement));
    expect(station.requests().at(-1)).toMatchObject({ body: { disabled: false } });
    expect(accountItem('wangfang')?.textContent).toContain('启用');
  });

  it('the last reviewer: the refusal is said in words in the dialog', async () => {
    await open({ loggedInAs: 'lihua', refusals: { [`accounts/${EDITOR_ID}/disable`]: 'last-reviewer' } });
    await click(button('账号管理'));
    await click(button('停用 · wangfang'));
    const dialog = named('停用“王芳”？') as HTMLElement;
    await click(button('确认停用', dialog));
    expect(alerts(dialog)).toEqual(['不能停用最后一个启用的审核账号：总要有人能管理账号。']);
    expect(accountItem('wangfang')?.textContent).not.toContain('已停用');
  });

  it('a weak password the station refuses is said in words', async () => {
    await open({ loggedInAs: 'lihua', refusals: { [`accounts/${EDITOR_ID}/password`]: 'weak-password' } });
    await click(button('账号管理'));
    await click(button('重置密码 · wangfang'));
    const dialog = named('重置“王芳”的密码') as HTMLElement;
    type(field('新密码', dialog), 'password1');
    type(field('再输一遍新密码', dialog), 'password1');
    await click(button('确认重置', dialog));
    expect(alerts(dialog)[0]).toContain('密码太弱');
  });
});

describe('操作日志', () => {
  it('shows the newest first, pages with 更多, and says when it reached the oldest', async () => {
    await open({ loggedInAs: 'lihua', audit: auditEntries(120) });
    await click(button('操作日志'));
    expect(named('操作日志')).not.toBeNull();
    const ids = () =>
      [...page().querySelectorAll('.curate-audit__entry')].map((entry) => Number(entry.getAttribute('data-audit-id')));
    expect(ids()).toHaveLength(50);
    expect(ids()[0]).toBe(120);
    expect(station.requests().at(-1)?.url).toBe('api/curate/audit?limit=50');
    const first = page().querySelector('.curate-audit__entry');
    expect(first?.querySelector('time')?.textContent).toBe('2025-05-04 14:30:05');
    expect(first?.textContent).toContain('lihua');
    expect(first?.textContent).toContain('登录');

    await click(button('更多'));
    expect(station.requests().at(-1)?.url).toBe('api/curate/audit?limit=50&before=71');
    expect(ids()).toHaveLength(100);
    expect(document.activeElement?.getAttribute('data-audit-id')).toBe('70');
    await click(button('更多'));
    expect(ids()).toHaveLength(120);
    expect(ids().at(-1)).toBe(1);
    expect(button('更多')).toBeUndefined();
    expect(page().textContent).toContain('已经是最早的记录。');
  });

  it('filters by a panel’s id (typed, or from an entry), and shows all again', async () => {
    const audit = auditEntries(6, (id) =>
      id % 2 === 0
        ? { action: 'draft-edit', panelId: 'founding-1921', field: 'title.zh', accountId: EDITOR_ID, username: 'wangfang' }
        : {},
    );
    await open({ loggedInAs: 'lihua', audit });
    await click(button('操作日志'));
    type(field('只看某块展板（展板编号）'), 'Founding 1921');
    await click(button('筛选'));
    expect(alerts()[0]).toContain('展板编号由小写字母');
    type(field('只看某块展板（展板编号）'), 'founding-1921');
    await click(button('筛选'));
    expect(station.requests().at(-1)?.url).toBe('api/curate/audit?limit=50&panelId=founding-1921');
    const entries = [...page().querySelectorAll('.curate-audit__entry')];
    expect(entries).toHaveLength(3);
    expect(entries[0]?.textContent).toContain('wangfang');
    expect(entries[0]?.textContent).toContain('draft-edit'); // an action this page has no words for yet: as written
    expect(entries[0]?.querySelector('code')?.textContent).toBe('title.zh');
    expect(statuses()).toContain('只显示展板“founding-1921”的记录。');
    await click(button('显示全部'));
    expect(page().querySelectorAll('.curate-audit__entry')).toHaveLength(6);
    await click(button('founding-1921'));
    expect(page().querySelectorAll('.curate-audit__entry')).toHaveLength(3);
  });

  it('names the station itself and a deleted account', async () => {
    const audit = auditEntries(2, (id) =>
      id === 1 ? { accountId: null, username: null, action: 'bootstrap' } : { username: null, action: 'account-create' },
    );
    await open({ loggedInAs: 'lihua', audit });
    await click(button('操作日志'));
    const text = [...page().querySelectorAll('.curate-audit__entry')].map((entry) => entry.textContent);
    expect(text[0]).toContain('（已删除的账号）');
    expect(text[1]).toContain('展厅服务器');
    expect(text[1]).toContain('首次启动创建审核账号');
  });
});

describe('staff-typed text', () => {
  it('a display name or a detail made of markup shows as the text it is', async () => {
    const audit = auditEntries(1, () => ({ detail: HOSTILE, username: HOSTILE }));
    await open({ loggedInAs: 'lihua', audit });
    station.state.accounts[1] = {
      ...(station.state.accounts[1] as (typeof station.state.accounts)[number]),
      displayName: HOSTILE,
    };
    await click(button('操作日志'));
    await click(button('账号管理'));
    expect(page().querySelector('.curate-account:nth-child(2) h4')?.textContent).toBe(HOSTILE);
    await click(button('操作日志'));
    const entry = page().querySelector('.curate-audit__entry');
    expect(entry?.querySelector('.curate-audit__detail')?.textContent).toBe(HOSTILE);
    expect(entry?.querySelector('.curate-audit__who')?.textContent).toBe(HOSTILE);
    expect(page().querySelector('img')).toBeNull();
  });
});

describe('修改密码', () => {
  it('a wrong current password is said in words; the right one changes it', async () => {
    await open({ loggedInAs: 'wangfang' });
    await click(button('修改密码'));
    const screen = named('修改密码') as HTMLElement;
    expect(field('当前密码', screen).autocomplete).toBe('current-password');
    type(field('当前密码', screen), 'not-it');
    type(field('新密码', screen), 'new-editor-pass');
    type(field('再输一遍新密码', screen), 'new-editor-pass');
    await click(button('保存新密码', screen));
    expect(alerts(screen)).toEqual(['当前密码不对。']);
    expect(field('当前密码', screen).value).toBe('');
    type(field('当前密码', screen), 'editor-pass');
    type(field('新密码', screen), 'new-editor-pass');
    type(field('再输一遍新密码', screen), 'new-editor-pass');
    await click(button('保存新密码', screen));
    expect(station.requests().at(-1)).toMatchObject({
      url: 'api/curate/password',
      body: { currentPassword: 'editor-pass', newPassword: 'new-editor-pass' },
    });
    expect(statuses()).toContain('密码已修改。');
  });

  it('a reviewer reaches it from the bar, and the nav then marks no screen', async () => {
    await open({ loggedInAs: 'lihua' });
    await click(button('修改密码'));
    expect(named('修改密码')).not.toBeNull();
    expect(button('修改密码')?.getAttribute('aria-current')).toBe('page');
    expect(nav()?.querySelector('[aria-current]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('修改密码');
  });
});

describe('in English', () => {
  it('the login and its refusals, the bar and the nav', async () => {
    useExhibition.getState().setLang('en');
    await open();
    expect(page().querySelector('h1')?.textContent).toBe('Curating · Party History Corridor');
    expect(named('Curator login')).not.toBeNull();
    type(field('Username'), 'lihua');
    type(field('Password'), 'wrong');
    await click(button('Log in'));
    expect(alerts()).toEqual(['Wrong username or password.']);
    type(field('Password'), 'reviewer-pass');
    await click(button('Log in'));
    expect(page().querySelector('header')?.textContent).toContain('Logged in as 李华 (Reviewer)');
    expect(nav()?.getAttribute('aria-label')).toBe('Curating sections');
    expect(navEntries()).toEqual([
      'Edit panels',
      'Exhibition settings',
      'Sections',
      'Tours',
      'Quizzes',
      'Review & publish',
      'History',
      'Export and import',
      'Accounts',
      'Audit log',
    ]);
    await click(button('Accounts'));
    expect(button('Reset password · wangfang')).toBeDefined();
    expect(page().closest('[lang]')?.getAttribute('lang') ?? page().querySelector('.curate-page')?.getAttribute('lang')).toBe(
      'en',
    );
  });
});
