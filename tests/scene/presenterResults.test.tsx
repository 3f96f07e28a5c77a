// @vitest-environment jsdom
/**
 * 竞赛成绩 in the presenter view (src/modes/present/live/PresenterResults.tsx) against a stubbed
 * station (`fetch` answering real `Response`s): hidden on a page the station does not serve; the
 * PIN opens the past lessons, a wrong one is told in words and opens nothing; 下载 CSV saves the
 * station's file under its name through an object URL; 打印成绩单 opens the sheet with the
 * standings and the questions, a phone's hostile nickname shown as the text it is; 打印 prints.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonResults, LiveStatus, PastLesson } from '../../src/live/protocol.ts';
import { PresenterResults } from '../../src/modes/present/live/PresenterResults.tsx';
import { domRootPerTest } from '../support/domRoot.ts';

const PIN = '2468';
const SESSION = '7f1c2a4e-0d5b-4c1e-9a53-2b8f6e1d4c70';
const CONTEST = '5d3a1b2c-4e6f-4a8b-9c0d-1e2f3a4b5c6d';
const STARTED = new Date(2025, 4, 4, 14, 30).getTime();
const CSV_NAME = 'contest-results-20250504-123456.csv';

const PAST: PastLesson[] = [
  {
    sessionId: '00000000-0000-4000-8000-000000000001',
    tourId: 'all',
    tourTitle: '较早的课堂',
    code: '654321',
    startedAt: STARTED - 86_400_000,
    endedAt: STARTED - 80_000_000,
    participantCount: 3,
    contests: [],
  },
  {
    sessionId: SESSION,
    tourId: 'new-recruits',
    tourTitle: '新队员入队教育 · 党史长廊',
    code: '123456',
    startedAt: STARTED,
    endedAt: null,
    participantCount: 3,
    contests: [
      {
        contestId: CONTEST,
        quizId: 'new-recruits',
        quizTitle: '入队知识问答',
        startedAt: STARTED + 60_000,
        finishedAt: STARTED + 600_000,
        questionCount: 2,
      },
    ],
  },
];

const RESULTS: LessonResults = {
  sessionId: SESSION,
  tourId: 'new-recruits',
  tourTitle: '新队员入队教育 · 党史长廊',
  code: '123456',
  startedAt: STARTED,
  contests: [
    {
      contestId: CONTEST,
      quizId: 'new-recruits',
      quizTitle: '入队知识问答',
      startedAt: STARTED + 60_000,
      finishedAt: STARTED + 600_000,
      questions: [
        { index: 0, id: 'q-flag', correctOptionIds: ['b'], answeredCount: 3, correctCount: 2, correctRate: 2 / 3 },
        { index: 1, id: 'q-oath', correctOptionIds: ['a', 'c'], answeredCount: 2, correctCount: 1, correctRate: 0.5 },
      ],
      standings: [
        {
          rank: 1,
          participantNumber: 2,
          nickname: '<b>x</b>',
          points: 1830,
          correctCount: 2,
          marks: ['correct', 'correct'],
          removed: false,
        },
        {
          rank: 2,
          participantNumber: 1,
          nickname: '=1+1',
          points: 910,
          correctCount: 1,
          marks: ['correct', 'wrong'],
          removed: true,
        },
        { rank: 3, participantNumber: 3, nickname: null, points: 0, correctCount: 0, marks: ['wrong', null], removed: false },
      ],
    },
  ],
};

const STATUS: LiveStatus = {
  ok: true,
  protocol: 1,
  publicUrl: 'http://192.168.1.20:8080/',
  build: { stamp: 'a1b2c3d4', building: false },
  presenterPinSet: true,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The station as the browser sees it: its page's CSP header, the status, and the results behind the PIN. */
function stationFetch({ servedByStation = true } = {}) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    if (path === './')
      return new Response('<!doctype html>', {
        headers: servedByStation ? { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" } : {},
      });
    if (path === 'api/live/status') return servedByStation ? json(STATUS) : new Response('not found', { status: 404 });
    const body = JSON.parse(String(init?.body ?? '{}')) as { pin?: string };
    if (init?.method !== 'POST') return json({ ok: false, error: 'not-found' }, 404);
    if (body.pin !== PIN) return json({ ok: false, error: 'wrong-pin' }, 401);
    if (path === 'api/live/results') return json({ ok: true, lessons: PAST });
    if (path === `api/live/sessions/${SESSION}/results`) return json({ ok: true, results: RESULTS });
    if (path === `api/live/sessions/${SESSION}/results.csv`)
      return new Response('\ufeff知识竞赛结果,新队员入队教育\r\n', {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${CSV_NAME}"`,
        },
      });
    return json({ ok: false, error: 'not-found' }, 404);
  });
}

let fetchStub: ReturnType<typeof stationFetch>;

const dom = domRootPerTest(() => {
  for (const leftover of document.querySelectorAll('.results-sheet-print')) leftover.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

beforeEach(() => {
  // jsdom draws no dialogs: showModal/close only toggle `open`, as the real ones do.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
  fetchStub = stationFetch();
  vi.stubGlobal('fetch', fetchStub);
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

const section = () => dom.container.querySelector<HTMLElement>('[data-testid="presenter-results"]');
const button = (name: string, within: ParentNode = dom.container) =>
  [...within.querySelectorAll('button')].find((element) => element.textContent?.trim() === name);
const alertText = () => dom.container.querySelector('[role="alert"]')?.textContent;
const dialog = () => dom.container.querySelector<HTMLDialogElement>('dialog.results-sheet');

async function mount() {
  act(() => dom.root.render(<PresenterResults lang="zh" />));
  await settle();
}

async function enterPin(pin: string) {
  const input = section()?.querySelector<HTMLInputElement>('input[type="password"]');
  if (!input) throw new Error('no PIN field');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, pin);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => button('查看成绩')?.click());
  await settle();
}

async function openList() {
  await mount();
  await enterPin(PIN);
}

describe('竞赛成绩 in the presenter view', () => {
  it('is not there on a page the station does not serve', async () => {
    vi.stubGlobal('fetch', stationFetch({ servedByStation: false }));
    await mount();
    expect(section()).toBeNull();
  });

  it('is a section named by its heading, with a labelled PIN field; the PIN opens the past lessons, newest first', async () => {
    await mount();
    const named = section();
    expect(named?.tagName).toBe('SECTION');
    expect(document.getElementById(named?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('竞赛成绩');
    const input = named?.querySelector<HTMLInputElement>('input[type="password"]');
    expect(input?.labels?.[0]?.textContent).toBe('讲解员密码（PIN）');

    await enterPin(PIN);
    const lessons = [...(section()?.querySelectorAll('.presenter-results__lesson') ?? [])];
    expect(lessons.map((lesson) => lesson.querySelector('h4')?.textContent)).toEqual(['新队员入队教育 · 党史长廊', '较早的课堂']);
    expect(lessons[0]?.textContent).toContain('2025-05-04 14:30 · 课堂码 123456 · 3 人参加');
    expect(lessons[0]?.textContent).toContain('入队知识问答 · 共 2 题');
    expect(button('下载 CSV')).toBeDefined();
    expect(button('打印成绩单')).toBeDefined();
    // The PIN field is gone, and the PIN was written nowhere.
    expect(section()?.querySelector('input[type="password"]')).toBeNull();
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`),
    );
    expect(stored.join(' ')).not.toContain(PIN);
    const listCall = fetchStub.mock.calls.find(([path]) => path === 'api/live/results');
    expect(listCall?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ pin: PIN }) });
  });

  it('tells a wrong PIN in words and opens nothing', async () => {
    await mount();
    await enterPin('0000');
    expect(alertText()).toBe('密码不对。');
    expect(section()?.querySelector('.presenter-results__lesson')).toBeNull();
    expect(section()?.querySelector('input[type="password"]')).not.toBeNull();
  });

  it('下载 CSV saves the station’s file under its own name through an object URL, let go afterwards', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:http://station/results');
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: the browser's two calls, stubbed on the window the code uses.
    Object.assign(window.URL, { createObjectURL, revokeObjectURL });
    const saved: Array<{ href: string; download: string }> = [];
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof HTMLAnchorElement)) return;
      saved.push({ href: event.target.href, download: event.target.download });
      event.preventDefault(); // jsdom does not navigate
    };
    document.addEventListener('click', onClick);
    try {
      await openList();
      act(() => button('下载 CSV')?.click());
      await settle();
      expect(fetchStub).toHaveBeenCalledWith(
        `api/live/sessions/${SESSION}/results.csv`,
        expect.objectContaining({ method: 'POST', body: JSON.stringify({ pin: PIN }) }),
      );
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
      expect(blob.type).toContain('text/csv');
      expect(saved).toEqual([{ href: 'blob:http://station/results', download: CSV_NAME }]);
      // The temporary link is gone; the URL is revoked once the browser has had the file.
      expect(document.querySelector('a[download]')).toBeNull();
      await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://station/results'), { timeout: 3000 });
      expect(alertText()).toBeUndefined();
    } finally {
      document.removeEventListener('click', onClick);
      Reflect.deleteProperty(window.URL, 'createObjectURL');
      Reflect.deleteProperty(window.URL, 'revokeObjectURL');
    }
  });

  it('打印成绩单 opens the sheet: a dialog named by its title, the standings and the questions, nicknames as text', async () => {
    await openList();
    act(() => button('打印成绩单')?.click());
    await settle();
    const sheet = dialog();
    expect(sheet?.open).toBe(true);
    expect(document.getElementById(sheet?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('知识竞赛成绩单');
    expect(sheet?.textContent).toContain('新队员入队教育 · 党史长廊 · 2025-05-04 14:30 · 课堂码 123456');

    const [standings, questions] = [...(sheet?.querySelectorAll('table') ?? [])];
    expect(standings?.querySelector('caption')?.textContent).toBe('成绩排名');
    expect([...(standings?.querySelectorAll('thead th') ?? [])].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['名次', 'col'],
      ['学员', 'col'],
      ['昵称', 'col'],
      ['得分', 'col'],
      ['答对', 'col'],
      ['第 1 题', 'col'],
      ['第 2 题', 'col'],
    ]);
    const rows = [...(standings?.querySelectorAll('tbody tr') ?? [])];
    const glyphs = (row: Element | undefined) =>
      [...(row?.querySelectorAll('.results-sheet__mark') ?? [])].map(
        (cell) => cell.querySelector('[aria-hidden]')?.textContent ?? '',
      );
    expect(rows).toHaveLength(3);
    expect(rows[0]?.querySelector('th[scope="row"]')?.textContent).toBe('学员 2');
    expect(glyphs(rows[0])).toEqual(['✓', '✓']);
    expect(glyphs(rows[1])).toEqual(['✓', '×']);
    expect(glyphs(rows[2])).toEqual(['×', '']);
    // What a phone typed is text: no <b> made of it, the formula shown as typed.
    const nickname = rows[0]?.querySelector('.results-sheet__nickname');
    expect(nickname?.textContent).toBe('<b>x</b>');
    expect(nickname?.querySelector('b')).toBeNull();
    expect(sheet?.querySelector('b')).toBeNull();
    expect(rows[1]?.querySelector('.results-sheet__nickname')?.textContent).toBe('=1+1 （已移出）');
    expect([...(rows[1]?.querySelectorAll('td') ?? [])].slice(2, 4).map((cell) => cell.textContent)).toEqual(['910', '1']);

    expect(questions?.querySelector('caption')?.textContent).toBe('各题情况');
    expect([...(questions?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      '题号',
      '正确答案',
      '作答',
      '答对',
      '正确率',
    ]);
    const perQuestion = [...(questions?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    expect(perQuestion).toEqual([
      ['1', 'b', '3', '2', '67%'],
      ['2', 'a c', '2', '1', '50%'],
    ]);

    // The copy for paper sits in <body>, outside the app, with the same rows.
    const print = document.body.querySelector(':scope > .results-sheet-print');
    expect(print?.querySelectorAll('tbody tr')).toHaveLength(5);
  });

  it('打印 prints; 关闭 closes the sheet and takes the paper copy with it', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await openList();
    act(() => button('打印成绩单')?.click());
    await settle();
    const sheet = dialog() as HTMLDialogElement;
    act(() => button('打印', sheet)?.click());
    expect(print).toHaveBeenCalledTimes(1);
    act(() => button('关闭', sheet)?.click());
    expect(dialog()).toBeNull();
    expect(document.querySelector('.results-sheet-print')).toBeNull();
  });

  it('a PIN the station no longer takes closes the list and asks again', async () => {
    await openList();
    fetchStub.mockImplementation(async () => json({ ok: false, error: 'locked' }, 429));
    act(() => button('打印成绩单')?.click());
    await settle();
    expect(alertText()).toBe('错误次数太多，请稍后再试。');
    expect(dialog()).toBeNull();
    expect(section()?.querySelector('input[type="password"]')).not.toBeNull();
  });

  it('in English too', async () => {
    act(() => dom.root.render(<PresenterResults lang="en" />));
    await settle();
    expect(section()?.querySelector('h3')?.textContent).toBe('Contest results');
    expect(button('Show results')).toBeDefined();
  });
});
