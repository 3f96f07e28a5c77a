// @vitest-environment jsdom
/**
 * 审核发布 (CurateReview) against the stand-in station's review model
 * (tests/support/curateReviewStation.ts): a submission sent with its note; the refusals in words
 * (no changes; the check's errors each as text); the changes of a submission old beside new, with
 * both photos' thumbnails; a reviewer's approval followed in 发布进度 until published (the bar
 * rising over the polls) or failed (its reason and log); 退回 needing a comment; no reviewer's
 * buttons for an editor; one's own submission refused while another reviewer exists, approved and
 * said so when one is the only one; a publish found running when the screen opens; markup staying
 * text everywhere.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import type { DraftProblem } from '../../src/live/curateDraftProtocol.ts';
import type { ContentChange } from '../../src/live/curateReviewProtocol.ts';
import { createCurateApi, reviewPhotoUrl } from '../../src/modes/curate/curateClient.ts';
import { CurateReview, LIST_REFRESH_MS } from '../../src/modes/curate/ui/CurateReview.tsx';
import { formatLocalTime } from '../../src/modes/curate/ui/formatLocalTime.ts';
import { PUBLISH_POLL_MS } from '../../src/modes/curate/ui/usePublishProgress.ts';
import { publishedVersion, SUBMITTED_AT, submission } from '../support/curateReviewStation.ts';
import { account, type CurateStationOptions, curateStation, EDITOR_ID, REVIEWER_ID } from '../support/curateStation.ts';
import { domRootPerTest } from '../support/domRoot.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const WANG = { id: EDITOR_ID, displayName: '王芳' };
const LI = { id: REVIEWER_ID, displayName: '李华' };
const PENDING_ID = 's-00000000000a';

let station: ReturnType<typeof curateStation>;
const dom = domRootPerTest();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
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
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

/** The screen for `as` (王芳 the editor, 李华 the reviewer), over a station set up by `options`. */
async function open(options: CurateStationOptions = {}, as: 'wangfang' | 'lihua' = 'wangfang', lang: Lang = 'zh') {
  station = curateStation({ loggedInAs: as, ...options });
  const api = createCurateApi({ fetch: station.fetch });
  const stored = station.state.accounts.find((entry) => entry.username === as);
  if (!stored) throw new Error(`no account ${as}`);
  const { password: _password, ...publicAccount } = stored;
  const session = { ok: true as const, account: publicAccount, expiresAt: SUBMITTED_AT };
  act(() => dom.root.render(<CurateReview lang={lang} api={api} session={session} />));
  await settle();
}

const page = () => dom.container;
const text = () => page().textContent ?? '';
const button = (name: string, within: ParentNode = page()) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const alerts = () => [...page().querySelectorAll('[role="alert"]')].map((element) => element.textContent);
const statusLine = () => page().querySelector('.curate-review > [role="status"]')?.textContent;
function field(label: string): HTMLTextAreaElement {
  const found = [...page().querySelectorAll('label')].find((element) => element.textContent === label);
  const input = found ? document.getElementById(found.htmlFor) : null;
  if (!(input instanceof HTMLTextAreaElement)) throw new Error(`no field labelled ${label}`);
  return input;
}
function type(input: HTMLTextAreaElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(target: HTMLElement | undefined | null) {
  if (!target) throw new Error('nothing to click');
  act(() => target.click());
  await settle();
}
/** The submissions in the list, each as its text. */
const listed = () => [...page().querySelectorAll('.curate-submission')].map((item) => item.textContent ?? '');
const pickButton = (name: string) => button(`${name} 于 ${formatLocalTime(SUBMITTED_AT)} 提交`);
const requestsTo = (method: string, url: string) =>
  station.requests().filter((request) => request.method === method && request.url === url);
const progressBar = () => page().querySelector('[role="progressbar"]');
/** A change entry by its heading (修改：标题). */
const entry = (heading: string) =>
  [...page().querySelectorAll<HTMLElement>('.curate-change')].find(
    (element) => element.querySelector('h5')?.textContent === heading,
  );
/** A changed field's row: its name, then the old side's and the new side's text. */
function row(within: HTMLElement, name: string) {
  const found = [...within.querySelectorAll('tbody tr')].find((element) => element.querySelector('th')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  const [before, after] = [...found.querySelectorAll('td')];
  return { before: before as HTMLElement, after: after as HTMLElement };
}
const lines = (cell: HTMLElement) => [...cell.querySelectorAll('.curate-change__line')].map((line) => line.textContent);
const images = (within: ParentNode) =>
  [...within.querySelectorAll('img')].map((image) => ({ src: image.getAttribute('src'), alt: image.getAttribute('alt') }));

const pendingByWang = (extra = {}) => submission(PENDING_ID, WANG, { note: '改了党的创立的标题', ...extra });

describe('提交审核', () => {
  it('sends the note typed, then lists the submission as 待审核 and says the draft is the submission', async () => {
    await open({ review: { draftChanged: true, nextChanges: [{ kind: 'photo', src: 'photos/a.jpg', change: 'added' }] } });
    expect(page().querySelector('h2')?.textContent).toBe('审核发布');
    expect(text()).toContain('草稿有尚未提交的修改');
    expect(text()).toContain('还没有人提交过审核。');
    type(field('修改说明'), '  补充了 1921 年的照片  ');
    await click(button('提交审核'));
    expect(requestsTo('POST', 'api/curate/submissions').map((request) => request.body)).toEqual([
      { note: '补充了 1921 年的照片' },
    ]);
    expect(statusLine()).toBe('已提交审核，等待审核人员审核。');
    expect(field('修改说明').value).toBe('');
    expect(text()).toContain('草稿和最近一次提交相同');
    expect(listed()).toHaveLength(1);
    expect(listed()[0]).toContain('状态：待审核');
    expect(listed()[0]).toContain('修改说明：补充了 1921 年的照片');
    expect(listed()[0]).toContain('改动：展板 0 块，文档 0 个，照片 1 张');
    // The new submission is the one picked, its changes shown.
    expect(pickButton('王芳')?.getAttribute('aria-current')).toBe('true');
    expect(entry('新增：photos/a.jpg')).toBeDefined();
  });

  it('a draft the same as the published content is refused in words, the note kept', async () => {
    await open({ review: { submitRefusal: { error: 'no-changes' } } });
    type(field('修改说明'), '没有改什么');
    await click(button('提交审核'));
    expect(alerts()).toEqual(['草稿和已发布的内容相同，没有可提交的修改。']);
    expect(field('修改说明').value).toBe('没有改什么');
    expect(listed()).toEqual([]);
  });

  it('a draft with errors is refused with each problem as text; markup in a problem or a note stays text', async () => {
    const problem = (zh: string): DraftProblem => ({
      severity: 'error',
      file: 'content/timeline.json',
      path: ['panels', 0, 'title'],
      message: { zh, en: 'The title cannot be empty.' },
      target: { kind: 'panel', panelId: 'cpc-founding-1921', field: ['title'] },
    });
    await open({
      review: {
        submissions: [submission('s-000000000001', WANG, { status: 'returned', note: HOSTILE, reviewComment: HOSTILE })],
        submitRefusal: { error: 'has-errors', problems: [problem('标题不能为空。'), problem(`图片说明${HOSTILE}`)] },
      },
    });
    type(field('修改说明'), HOSTILE);
    await click(button('提交审核'));
    const refusal = page().querySelector('.curate-review__submit [role="alert"]');
    expect(refusal?.querySelector('p')?.textContent).toBe('草稿里还有错误，改正下面这些问题后才能提交审核：');
    expect([...(refusal?.querySelectorAll('li') ?? [])].map((item) => item.textContent)).toEqual([
      '标题不能为空。',
      `图片说明${HOSTILE}`,
    ]);
    expect(listed()[0]).toContain(`修改说明：${HOSTILE}`);
    expect(listed()[0]).toContain(`审核意见：${HOSTILE}`);
    expect(page().querySelector('img')).toBeNull();
    expect(field('修改说明').value).toBe(HOSTILE);
  });
});

describe('the submissions and their changes', () => {
  const changes: ContentChange[] = [
    {
      kind: 'panel',
      id: 'cpc-founding-1921',
      change: 'changed',
      title: { zh: '中国共产党成立', en: 'The CPC is founded' },
      sectionBefore: 'timeline',
      sectionAfter: 'timeline',
      fields: [
        {
          field: 'title',
          before: { zh: '中共一大召开', en: 'The first congress' },
          after: { zh: '中国共产党成立', en: 'The CPC is founded' },
        },
        { field: 'body', before: ['第一段。'], after: ['第一段。', `第二段${HOSTILE}`] },
        {
          field: 'images',
          before: [{ src: 'photos/congress-old.jpg', caption: '旧照', alt: '旧照' }],
          after: [{ src: 'photos/congress-new.jpg', caption: '新照', alt: '新照' }],
        },
        { field: 'mystery', after: { count: 3 } },
      ],
    },
    {
      kind: 'panel',
      id: 'zhang-san-2021',
      change: 'moved',
      title: '张三',
      sectionBefore: 'timeline',
      sectionAfter: 'members',
      fields: [],
    },
    {
      kind: 'settings',
      id: null,
      change: 'changed',
      title: { zh: '党史长廊', en: 'Party History Corridor' },
      fields: [{ field: 'subtitle', before: '旧副标题', after: '新副标题' }],
    },
    { kind: 'photo', src: 'photos/congress-new.jpg', change: 'added' },
    { kind: 'photo', src: 'photos/founding.jpg', change: 'changed' },
  ];

  it('lists the latest first with status, who, when, note, comment and counts; a picked one shows old beside new', async () => {
    await open({
      review: {
        submissions: [
          pendingByWang({ summary: { panels: 2, documents: 1, photos: 2 } }),
          submission('s-000000000009', WANG, {
            status: 'published',
            version: 3,
            reviewedBy: LI,
            reviewedAt: SUBMITTED_AT - 60_000,
            reviewComment: '可以',
          }),
          submission('s-000000000008', WANG, { status: 'superseded' }),
          submission('s-000000000007', WANG, { status: 'failed', buildError: '照片 photos/x.jpg 读不出来' }),
        ],
        changes: { [PENDING_ID]: changes },
      },
    });
    const items = listed();
    expect(items).toHaveLength(4);
    expect(items[0]).toContain(`王芳 于 ${formatLocalTime(SUBMITTED_AT)} 提交`);
    expect(items[0]).toContain('状态：待审核');
    expect(items[0]).toContain('修改说明：改了党的创立的标题');
    expect(items[0]).toContain('改动：展板 2 块，文档 1 个，照片 2 张');
    expect(items[1]).toContain('状态：已发布 版本 3');
    expect(items[1]).toContain(`李华 于 ${formatLocalTime(SUBMITTED_AT - 60_000)} 审核`);
    expect(items[1]).toContain('审核意见：可以');
    expect(items[2]).toContain('状态：已被新的提交取代');
    expect(items[3]).toContain('状态：发布失败');
    expect(items[3]).toContain('发布失败的原因：照片 photos/x.jpg 读不出来');

    await click(page().querySelector<HTMLButtonElement>('.curate-submission__pick'));
    expect(requestsTo('GET', `api/curate/submissions/${PENDING_ID}/changes`)).toHaveLength(1);
    expect(page().querySelector('.curate-submission__pick')?.getAttribute('aria-current')).toBe('true');
    const groups = [...page().querySelectorAll('.curate-review__group h4')].map((heading) => heading.textContent);
    expect(groups).toEqual(['展板', '展览设置', '照片']);

    const panel = entry('修改：中国共产党成立') as HTMLElement;
    expect(panel.textContent).toContain('编号：cpc-founding-1921');
    expect(lines(row(panel, '标题').before)).toEqual(['中共一大召开 / The first congress']);
    expect(lines(row(panel, '标题').after)).toEqual(['中国共产党成立 / The CPC is founded']);
    expect(lines(row(panel, '正文').before)).toEqual(['第一段。']);
    expect(lines(row(panel, '正文').after)).toEqual(['第一段。', `第二段${HOSTILE}`]);
    // An unknown field keeps its key; a value neither text nor list of texts is JSON, as text.
    expect(row(panel, 'mystery').before.textContent).toBe('（无）');
    expect(row(panel, 'mystery').after.querySelector('pre')?.textContent).toBe(JSON.stringify({ count: 3 }, null, 2));
    // The images: the published photo on the old side, the submission's on the new.
    expect(images(row(panel, '图片').before)).toEqual([
      { src: reviewPhotoUrl(null, 'photos/congress-old.jpg'), alt: '原照片：photos/congress-old.jpg' },
    ]);
    expect(images(row(panel, '图片').after)).toEqual([
      { src: reviewPhotoUrl(PENDING_ID, 'photos/congress-new.jpg'), alt: '新照片：photos/congress-new.jpg' },
    ]);
    expect(reviewPhotoUrl(PENDING_ID, 'photos/congress-new.jpg')).toBe(
      `api/curate/submissions/${PENDING_ID}/photo?src=photos%2Fcongress-new.jpg`,
    );

    expect(entry('移动：张三')?.textContent).toContain('所在栏目：timeline → members');
    const settings = entry('修改：党史长廊') as HTMLElement;
    expect(lines(row(settings, '副标题').before)).toEqual(['旧副标题']);
    expect(lines(row(settings, '副标题').after)).toEqual(['新副标题']);

    // A photo added has no old side; one replaced shows both.
    expect(images(entry('新增：photos/congress-new.jpg') as HTMLElement)).toEqual([
      { src: reviewPhotoUrl(PENDING_ID, 'photos/congress-new.jpg'), alt: '新照片：photos/congress-new.jpg' },
    ]);
    expect(images(entry('修改：photos/founding.jpg') as HTMLElement)).toEqual([
      { src: reviewPhotoUrl(null, 'photos/founding.jpg'), alt: '原照片：photos/founding.jpg' },
      { src: reviewPhotoUrl(PENDING_ID, 'photos/founding.jpg'), alt: '新照片：photos/founding.jpg' },
    ]);
    // The markup in a paragraph made no element.
    expect(page().querySelectorAll('img')).toHaveLength(5);
  });

  it('an editor sees no reviewer’s buttons', async () => {
    await open({ review: { submissions: [pendingByWang()] } });
    await click(pickButton('王芳'));
    expect(text()).toContain('改动内容');
    expect(button('批准并发布')).toBeUndefined();
    expect(button('退回修改')).toBeUndefined();
    expect(page().querySelector('textarea[name="comment"]')).toBeNull();
  });

  it('speaks English too', async () => {
    await open({ review: { submissions: [pendingByWang()] } }, 'wangfang', 'en');
    expect(page().querySelector('h2')?.textContent).toBe('Review & publish');
    expect(listed()[0]).toContain('Status: Waiting for review');
  });
});

describe('a reviewer', () => {
  it('approves: the bar rises over the polls, then 已发布为版本 N, and the list says 已发布', async () => {
    await open(
      {
        review: {
          submissions: [pendingByWang()],
          versions: [publishedVersion(1, { current: true })],
          publish: { progress: [0.3, 0.7], log: ['检查内容…', '生成字体…', '打包…'] },
        },
      },
      'lihua',
    );
    await click(pickButton('王芳'));
    type(field('审核意见'), '标题改得好');
    await click(button('批准并发布'));
    expect(requestsTo('POST', `api/curate/submissions/${PENDING_ID}/approve`).map((request) => request.body)).toEqual([
      { comment: '标题改得好' },
    ]);
    const values = [Number(progressBar()?.getAttribute('aria-valuenow'))];
    expect(progressBar()?.getAttribute('aria-label')).toBe('发布进度');
    expect(progressBar()?.getAttribute('aria-valuemin')).toBe('0');
    expect(progressBar()?.getAttribute('aria-valuemax')).toBe('100');
    expect(document.activeElement?.textContent).toBe('发布进度');
    expect(page().querySelector('.curate-publish [role="status"]')?.textContent).toBe('正在生成网站…');
    expect(listed()[0]).toContain('状态：正在发布');
    for (let poll = 0; poll < 2; poll++) {
      await wait(PUBLISH_POLL_MS);
      values.push(Number(progressBar()?.getAttribute('aria-valuenow')));
    }
    expect(values).toEqual([2, 30, 70]);
    expect(page().querySelector('.curate-publish details pre')?.textContent).toBe('检查内容…\n生成字体…');
    await wait(PUBLISH_POLL_MS);
    expect(progressBar()?.getAttribute('aria-valuenow')).toBe('100');
    expect(page().querySelector('.curate-publish [role="status"]')?.textContent).toBe('已发布为版本 2。');
    expect(listed()[0]).toContain('状态：已发布 版本 2');
    expect(listed()[0]).toContain('审核意见：标题改得好');
    expect(button('批准并发布')).toBeUndefined();
    // Over: asked no more.
    const polls = requestsTo('GET', 'api/curate/publish').length;
    await wait(PUBLISH_POLL_MS * 3);
    expect(requestsTo('GET', 'api/curate/publish')).toHaveLength(polls);
  });

  it('a failed publish says its reason, that nothing was published, and shows its log', async () => {
    await open(
      {
        review: {
          submissions: [pendingByWang()],
          publish: {
            progress: [0.4],
            failure: `照片 photos/broken.jpg 读不出来${HOSTILE}`,
            log: ['检查内容…', '错误：photos/broken.jpg'],
          },
        },
      },
      'lihua',
    );
    await click(pickButton('王芳'));
    await click(button('批准并发布'));
    expect(requestsTo('POST', `api/curate/submissions/${PENDING_ID}/approve`).map((request) => request.body)).toEqual([{}]);
    await wait(PUBLISH_POLL_MS);
    await wait(PUBLISH_POLL_MS);
    const panel = page().querySelector('.curate-publish') as HTMLElement;
    expect(panel.querySelector('[role="alert"]')?.textContent).toBe(
      `发布失败：照片 photos/broken.jpg 读不出来${HOSTILE}没有发布任何内容，展厅仍在使用原来的版本。`,
    );
    expect(panel.querySelector('details summary')?.textContent).toBe('构建日志');
    expect(panel.querySelector('details pre')?.textContent).toBe('检查内容…\n错误：photos/broken.jpg');
    expect(listed()[0]).toContain('状态：发布失败');
    expect(listed()[0]).toContain(`发布失败的原因：照片 photos/broken.jpg 读不出来${HOSTILE}`);
    expect(page().querySelector('img')).toBeNull();
  });

  it('退回修改 needs a comment: refused here without one, sent back with one', async () => {
    await open({ review: { submissions: [pendingByWang()] } }, 'lihua');
    await click(pickButton('王芳'));
    type(field('审核意见'), '   ');
    await click(button('退回修改'));
    expect(alerts()).toEqual(['退回修改要写审核意见，告诉提交人要改什么。']);
    expect(document.activeElement).toBe(field('审核意见'));
    expect(requestsTo('POST', `api/curate/submissions/${PENDING_ID}/return`)).toEqual([]);
    type(field('审核意见'), '请补上资料来源');
    expect(alerts()).toEqual([]);
    await click(button('退回修改'));
    expect(requestsTo('POST', `api/curate/submissions/${PENDING_ID}/return`).map((request) => request.body)).toEqual([
      { comment: '请补上资料来源' },
    ]);
    expect(statusLine()).toBe('已退回这次提交，提交人会看到你的意见。');
    expect(listed()[0]).toContain('状态：已退回');
    expect(listed()[0]).toContain('审核意见：请补上资料来源');
    expect(button('退回修改')).toBeUndefined();
    expect(document.activeElement).toBe(pickButton('王芳'));
  });

  it('may not approve their own submission while another reviewer exists; said in words', async () => {
    await open({ review: { submissions: [submission(PENDING_ID, LI, { note: '我自己改的' })] } }, 'lihua');
    station.state.accounts.push(account('4f1c2e96-0d4c-4b2c-8a91-000000000002', 'zhaolei', 'reviewer', 'zhao-pass'));
    await click(pickButton('李华'));
    await click(button('批准并发布'));
    expect(alerts()).toEqual([
      '不能审核自己提交的修改：请另一位审核来审。先审后发要由提交人以外的人把关；只有本站只有一位审核时，才能由提交人自己审核发布。',
    ]);
    expect(progressBar()).toBeNull();
    expect(listed()[0]).toContain('状态：待审核');
  });

  it('the station’s only reviewer approves their own, and the list says so', async () => {
    await open({ review: { submissions: [submission(PENDING_ID, LI)], publish: { progress: [] } } }, 'lihua');
    await click(pickButton('李华'));
    await click(button('批准并发布'));
    await wait(PUBLISH_POLL_MS);
    expect(page().querySelector('.curate-publish [role="status"]')?.textContent).toBe('已发布为版本 1。');
    expect(listed()[0]).toContain('本站只有一位审核，由提交人自己审核发布。');
  });

  it('a publish running when the screen opens is followed, waiting for a lesson, and stops being asked once the screen goes', async () => {
    await open(
      {
        review: {
          submissions: [pendingByWang({ status: 'publishing', reviewedBy: LI, reviewedAt: SUBMITTED_AT })],
          runningFor: PENDING_ID,
          publish: { progress: [0.5], waitForLesson: 5 },
        },
      },
      'wangfang',
    );
    expect(progressBar()?.getAttribute('aria-valuenow')).toBe('50');
    expect(page().querySelector('.curate-publish [role="status"]')?.textContent).toBe('正在生成网站…');
    // Found running, not started here: the focus stays where it was.
    expect(document.activeElement).toBe(document.body);
    await wait(PUBLISH_POLL_MS);
    expect(progressBar()?.getAttribute('aria-valuenow')).toBe('97');
    expect(page().querySelector('.curate-publish [role="status"]')?.textContent).toBe(
      '网站已生成，等待正在进行的课程结束后切换。',
    );
    const polls = requestsTo('GET', 'api/curate/publish').length;
    act(() => dom.root.render(<p>elsewhere</p>));
    await wait(PUBLISH_POLL_MS * 3);
    expect(requestsTo('GET', 'api/curate/publish')).toHaveLength(polls);
  });

  it('reads the submissions again while it is open: a reviewer waiting sees a new one come in', async () => {
    await open({}, 'lihua');
    expect(listed()).toEqual([]);
    // An editor submits elsewhere meanwhile.
    station.review.state.submissions = [pendingByWang(), ...station.review.state.submissions];
    await wait(LIST_REFRESH_MS);
    expect(listed()).toHaveLength(1);
    expect(listed()[0]).toContain('待审核');
    expect(pickButton('王芳')).toBeDefined();
  });
});
