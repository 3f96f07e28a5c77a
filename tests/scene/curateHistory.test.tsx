// @vitest-environment jsdom
/**
 * 历史版本 (CurateHistory) against the stand-in station's review model
 * (tests/support/curateReviewStation.ts): the versions newest first with who, when, the note, the
 * counts, 当前版本 and 恢复自版本; a reviewer's 恢复为草稿 asked in a dialog, asked once more when the
 * draft holds unsubmitted edits, then sent with `replaceDraft`; an editor offered no restore.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCurateApi } from '../../src/modes/curate/curateClient.ts';
import { CurateHistory } from '../../src/modes/curate/ui/CurateHistory.tsx';
import { formatLocalTime } from '../../src/modes/curate/ui/formatLocalTime.ts';
import { publishedVersion, SUBMITTED_AT } from '../support/curateReviewStation.ts';
import { type CurateStationOptions, curateStation, EDITOR_ID, REVIEWER_ID } from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const WANG = { id: EDITOR_ID, displayName: '王芳' };
const LI = { id: REVIEWER_ID, displayName: '李华' };

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
});

async function settle() {
  for (let turn = 0; turn < 8; turn++)
    await act(async () => {
      await new Promise((done) => setImmediate(done));
    });
}

const VERSIONS = [
  publishedVersion(1),
  publishedVersion(2, {
    publishedBy: LI,
    submittedBy: WANG,
    note: '补充了 1921 年的照片',
    summary: { panels: 1, documents: 0, photos: 1 },
  }),
  publishedVersion(3, {
    publishedBy: LI,
    submittedBy: WANG,
    note: HOSTILE,
    restoredFrom: 1,
    summary: { panels: 2, documents: 1, photos: 0 },
    current: true,
  }),
];

async function open(options: CurateStationOptions = {}, as: 'wangfang' | 'lihua' = 'lihua') {
  station = curateStation({ loggedInAs: as, review: { versions: VERSIONS }, ...options });
  const api = createCurateApi({ fetch: station.fetch });
  const stored = station.state.accounts.find((entry) => entry.username === as);
  if (!stored) throw new Error(`no account ${as}`);
  const { password: _password, ...publicAccount } = stored;
  const session = { ok: true as const, account: publicAccount, expiresAt: SUBMITTED_AT };
  act(() => dom.root.render(<CurateHistory lang="zh" api={api} session={session} />));
  await settle();
}

const page = () => dom.container;
const versions = () => [...page().querySelectorAll<HTMLElement>('.curate-version')];
const buttonLabelled = (name: string) =>
  [...page().querySelectorAll('button')].find((element) => element.getAttribute('aria-label') === name);
const button = (name: string, within: ParentNode = page()) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const openDialog = () => page().querySelector<HTMLDialogElement>('dialog[open]');
const dialogTitle = () => {
  const dialog = openDialog();
  return dialog ? document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent : null;
};
const dialogDetail = () => {
  const dialog = openDialog();
  return dialog ? document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent : null;
};
async function click(target: HTMLElement | undefined | null) {
  if (!target) throw new Error('nothing to click');
  act(() => target.click());
  await settle();
}
const restores = () => station.requests().filter((request) => request.url.endsWith('/restore'));
const statusLine = () => page().querySelector('.curate-history > [role="status"]')?.textContent;

describe('历史版本', () => {
  it('lists the versions newest first, with who, when, the note as text, the counts, the current one and a restore’s source', async () => {
    await open();
    expect(page().querySelector('h2')?.textContent).toBe('历史版本');
    const names = versions().map((item) => item.querySelector('h3')?.textContent);
    expect(names).toEqual(['版本 3 当前版本', '版本 2', '版本 1']);
    const [third, second, first] = versions().map((item) => item.textContent ?? '');
    expect(third).toContain(`发布时间${formatLocalTime(VERSIONS[2]?.publishedAt ?? 0)}`);
    expect(third).toContain('发布人李华');
    expect(third).toContain('提交人王芳');
    expect(third).toContain(`修改说明${HOSTILE}`);
    expect(third).toContain('改动展板 2 块，文档 1 个，照片 0 张');
    expect(third).toContain('恢复自版本 1');
    expect(second).toContain('修改说明补充了 1921 年的照片');
    expect(second).not.toContain('恢复自版本');
    expect(first).toContain('发布人（展厅最初的内容）');
    expect(page().querySelector('img')).toBeNull();
    // The current version is not offered for restoring; the others are.
    expect(buttonLabelled('把版本 3 恢复为草稿')).toBeUndefined();
    expect(buttonLabelled('把版本 2 恢复为草稿')?.textContent).toBe('恢复为草稿');
    expect(buttonLabelled('把版本 1 恢复为草稿')).toBeDefined();
  });

  it('restoring asks first, and cancelling sends nothing', async () => {
    await open();
    await click(buttonLabelled('把版本 2 恢复为草稿'));
    expect(dialogTitle()).toBe('把版本 2 恢复为草稿？');
    expect(dialogDetail()).toBe('这个版本会成为新的草稿，要再提交审核、发布后才会出现在展厅。');
    await click(button('取消', openDialog() as HTMLElement));
    expect(openDialog()).toBeNull();
    expect(restores()).toEqual([]);
  });

  it('restores when the draft holds nothing unsubmitted, and says so', async () => {
    await open();
    const restore = buttonLabelled('把版本 1 恢复为草稿') as HTMLButtonElement;
    act(() => restore.focus());
    await click(restore);
    await click(button('恢复为草稿', openDialog() as HTMLElement));
    expect(restores().map((request) => [request.url, request.body])).toEqual([['api/curate/versions/1/restore', {}]]);
    expect(openDialog()).toBeNull();
    expect(statusLine()).toBe('已把版本 1 恢复为草稿。要让展厅用它，请在“审核发布”里提交审核。');
    expect(station.review.state.restored).toEqual([{ number: 1, replaceDraft: false }]);
    expect(document.activeElement).toBe(restore);
  });

  it('a draft with unsubmitted edits is asked about again, then replaced', async () => {
    await open({ review: { versions: VERSIONS, draftHasChanges: true } });
    await click(buttonLabelled('把版本 2 恢复为草稿'));
    await click(button('恢复为草稿', openDialog() as HTMLElement));
    expect(restores().map((request) => request.body)).toEqual([{}]);
    expect(dialogTitle()).toBe('替换草稿里尚未提交的修改？');
    expect(dialogDetail()).toBe('草稿里有尚未提交审核的修改。把版本 2 恢复为草稿会替换整个草稿，这些修改会丢失。');
    expect(station.review.state.restored).toEqual([]);
    await click(button('替换草稿并恢复', openDialog() as HTMLElement));
    expect(restores().map((request) => request.body)).toEqual([{}, { replaceDraft: true }]);
    expect(station.review.state.restored).toEqual([{ number: 2, replaceDraft: true }]);
    expect(openDialog()).toBeNull();
    expect(statusLine()).toBe('已把版本 2 恢复为草稿。要让展厅用它，请在“审核发布”里提交审核。');
  });

  it('an editor sees the history but is offered no restore', async () => {
    await open({}, 'wangfang');
    expect(versions()).toHaveLength(3);
    expect(button('恢复为草稿')).toBeUndefined();
  });
});
