/**
 * 知识竞赛 end to end, against the real station server (src/server/main.ts as a child process, real
 * SQLite and sockets) serving the built site, in headless Chromium: the projector starts 课堂互动 and
 * then the contest (C); two phones answer the first question (one in English), a third joins
 * during it and plays from the next one; the first question is revealed by the server's own clock
 * at time-up, the second by the presenter's clicker; the projector shows the countdown, how many
 * have answered, the bar chart of the answers, the leaderboard and the podium, each phone its own
 * result and place; the lesson's results come out of the station as CSV; the clicker at the podium
 * takes the contest away and the lesson goes on. Axe finds no serious violation on the projector's
 * and the phones' contest screens; the projector asks for reduced motion, and nothing moves.
 *
 * The build's quiz is cut to two questions for the lesson (a copy of dist/ with its quiz.json
 * rewritten: the content is plain JSON fetched at run time, and the station reads the same file).
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildStation, PIN, spawnStation, tempDir } from '../server/stationHarness.ts';
import { seriousViolations } from './a11ySupport.ts';
import { DIST, launchBrowser, type PageWatch, saveArtifact, watchPage } from './harness.ts';

const TOUR = 'new-recruits';
const POLL = { timeout: 90_000, interval: 200 };
/** The first question runs out on the server's clock (the reveal comes by itself). */
const FIRST_SECONDS = 20;

interface QuizFileQuestion {
  id: string;
  kind: string;
  answer: string[];
  seconds?: number;
  options: Array<{ id: string }>;
}

let dataDir: string;
let siteDir: string;
let station: ChildStation;
let browser: Browser;
let projectorContext: BrowserContext;
let projector: Page;
/** The presenter window (S): the contest's line, and 竞赛成绩 at the end. */
let presenter: Page;
const contexts: BrowserContext[] = [];
const phones: Page[] = [];
const watches: PageWatch[] = [];
let code: string;
let questions: QuizFileQuestion[];

/** A copy of the build whose lesson quiz has two questions: a true-false one, then a multiple-choice one. */
async function twoQuestionBuild(dir: string): Promise<QuizFileQuestion[]> {
  await cp(DIST, dir, { recursive: true });
  const file = join(dir, 'content/quiz.json');
  const quizFile = JSON.parse(await readFile(file, 'utf8')) as { quizzes: Array<{ id: string; questions: QuizFileQuestion[] }> };
  const quiz = quizFile.quizzes.find((candidate) => candidate.id === TOUR);
  if (!quiz) throw new Error(`no quiz ${TOUR} in the build`);
  const trueFalse = quiz.questions.find((question) => question.kind === 'true-false');
  const multiple = quiz.questions.find((question) => question.kind === 'multiple');
  if (!trueFalse || !multiple) throw new Error('the lesson quiz has no true-false or no multiple-choice question');
  // The second question is revealed by the presenter: its time must not run out first on a busy machine.
  quiz.questions = [
    { ...trueFalse, seconds: FIRST_SECONDS },
    { ...multiple, seconds: 300 },
  ];
  await writeFile(file, JSON.stringify(quizFile));
  return quiz.questions;
}

async function joinPhone(nickname: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    reducedMotion,
  });
  const phone = await context.newPage();
  phone.setDefaultTimeout(90_000);
  contexts.push(context);
  phones.push(phone);
  watches.push(watchPage(phone, station.url.replace(/\/$/, '')));
  await phone.goto(`${station.url}join/${code}`);
  const nicknameBox = phone.getByLabel('昵称（可不填，最多 12 个字）');
  await nicknameBox.waitFor({ timeout: 60_000 });
  await nicknameBox.fill(nickname);
  await phone.getByRole('button', { name: '加入', exact: true }).click();
  await expect.poll(() => phone.locator('.follow-page').getAttribute('data-follow-screen'), POLL).not.toMatch(/ready|connecting/);
  return phone;
}

/** The projector's contest slide: its phase, question, answered count and heading. */
async function projectorContest() {
  return projector.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-testid="contest-slide"]');
    if (!slide) return null;
    const nameId = slide.getAttribute('aria-labelledby');
    return {
      phase: slide.dataset.phase ?? null,
      question: Number(slide.dataset.question),
      answered: Number(slide.querySelector<HTMLElement>('[data-testid="contest-answered"]')?.dataset.answered ?? -1),
      answeredText: slide.querySelector('[data-testid="contest-answered"]')?.textContent ?? null,
      name: (nameId && document.getElementById(nameId)?.textContent) || null,
    };
  });
}

/** What a phone's contest screen shows. */
async function phoneContest(phone: Page) {
  return phone.evaluate(() => {
    const screen = document.querySelector<HTMLElement>('[data-testid="follow-contest"]');
    const result = document.querySelector<HTMLElement>('[data-testid="follow-contest-result"]');
    return {
      page: document.querySelector<HTMLElement>('.follow-page')?.dataset.followScreen ?? null,
      phase: screen?.dataset.phase ?? null,
      options: [...(screen?.querySelectorAll<HTMLButtonElement>('button[data-option]') ?? [])].map((button) => ({
        id: button.dataset.option ?? '',
        // Locked options stay focusable (aria-disabled), so the one just tapped keeps the focus.
        enabled: !button.disabled && button.getAttribute('aria-disabled') !== 'true',
        height: button.getBoundingClientRect().height,
      })),
      correct: result ? (result.dataset.correct ?? null) : null,
      text: screen?.textContent ?? '',
    };
  });
}

async function press(key: string) {
  await projector.keyboard.press(key);
}

/** Taps options on a phone (a multiple's several, then 提交 / Submit). */
async function answer(phone: Page, optionIds: string[], submit: string | null) {
  for (const id of optionIds) await phone.locator(`[data-testid="follow-contest"] button[data-option="${id}"]`).tap();
  if (submit) await phone.getByRole('button', { name: submit, exact: true }).tap();
}

beforeAll(async () => {
  dataDir = await tempDir('contest-e2e');
  siteDir = await tempDir('contest-site');
  questions = await twoQuestionBuild(siteDir);
  station = await spawnStation({ dataDir, serveDist: siteDir });
  browser = await launchBrowser([], { compositing: 'gpu' });
  projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  projector = await projectorContext.newPage();
  projector.setDefaultTimeout(90_000);
  watches.push(watchPage(projector, station.url.replace(/\/$/, '')));
});

afterAll(async () => {
  await browser?.close();
  await station?.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

describe('知识竞赛: the lesson’s quiz on the phones', () => {
  it('the projector starts 课堂互动 and two phones join (one reads in English)', async () => {
    await projector.goto(`${station.url}?mode=present&tour=${TOUR}`);
    await expect.poll(() => projector.locator('dialog.projector.projector--shown').count(), POLL).toBe(1);
    await expect.poll(() => projector.locator('.present-live-button').count(), POLL).toBe(1);
    await press('l');
    const pinBox = projector.getByRole('dialog', { name: '开始课堂互动' }).getByLabel('讲解员密码（PIN）');
    await pinBox.fill(PIN);
    await pinBox.press('Enter');
    const card = projector.locator('.present-live-card');
    await expect.poll(() => card.getAttribute('data-join-code'), POLL).toMatch(/^\d{6}$/);
    code = (await card.getAttribute('data-join-code')) as string;
    const first = await joinPhone('小红');
    const second = await joinPhone('Tom');
    await second.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => first.locator('.follow-page').getAttribute('data-follow-screen'), POLL).toBe('guide');
    // The join card goes away (L), so the slides show whole.
    await press('l');
    const popup = projector.waitForEvent('popup', { timeout: 60_000 });
    await press('s');
    presenter = await popup;
    presenter.setDefaultTimeout(90_000);
    watches.push(watchPage(presenter, station.url.replace(/\/$/, '')));
    const line = presenter.getByRole('region', { name: '知识竞赛', exact: true });
    await expect.poll(() => line.getAttribute('data-contest-phase'), POLL).toBe('none');
    expect(await line.getByRole('button', { name: '开始知识竞赛（C）' }).count()).toBe(1);
  });

  it('C starts it: the projector counts down and counts the answers; the phones offer large targets', async () => {
    await press('c');
    // The slide shows as soon as the server answers, its words once the build's quiz.json is read.
    await expect.poll(async () => (await projectorContest())?.name, POLL).toBe('第 1 题');
    expect(await projectorContest()).toMatchObject({ phase: 'question', question: 1, answered: 0, answeredText: '已作答 0 / 2' });
    const slide = projector.getByRole('dialog', { name: '第 1 题' });
    expect(await slide.locator('[data-testid="room-quiz-countdown"]').getAttribute('data-seconds-left')).toMatch(/^\d+$/);
    const secondsLeft = Number(await slide.locator('[data-testid="room-quiz-countdown"]').getAttribute('data-seconds-left'));
    expect(secondsLeft).toBeGreaterThan(0);
    expect(secondsLeft).toBeLessThanOrEqual(FIRST_SECONDS);
    // The presenter view says where the contest is.
    await expect
      .poll(() => presenter.getByRole('region', { name: '知识竞赛', exact: true }).getByRole('status').textContent(), POLL)
      .toBe('第 1 / 2 题 · 答题中 · 已作答 0 / 2');
    // Reduced motion: no emptying ring, the figures only.
    expect(await slide.locator('.room-quiz__ring').evaluate((ring) => getComputedStyle(ring).display)).toBe('none');
    await saveArtifact('contest-projector-question.png', await projector.screenshot({ timeout: 120_000 }));
    const [first, second] = phones as [Page, Page];
    const ids = questions[0]?.options.map((option) => option.id) ?? [];
    for (const phone of [first, second]) {
      await expect.poll(async () => (await phoneContest(phone)).options.length, POLL).toBe(ids.length);
      const view = await phoneContest(phone);
      expect(view).toMatchObject({ page: 'contest', phase: 'question' });
      expect(view.options.map((option) => option.id)).toEqual(ids);
      for (const option of view.options) {
        expect(option.enabled).toBe(true);
        expect(option.height).toBeGreaterThanOrEqual(56);
      }
    }
    // Each phone in its own language.
    expect((await phoneContest(second)).text).toMatch(/True|False/);
    expect((await phoneContest(first)).text).toContain('正确');
    await saveArtifact('contest-phone-question.png', await first.screenshot());
    expect(await seriousViolations(projector, '[data-testid="contest-slide"]')).toEqual([]);
    expect(await seriousViolations(first)).toEqual([]);
  });

  it('a phone joining mid-question plays from the next one; each answer is counted once', async () => {
    // This phone asks for reduced motion: its buttons do not animate.
    const late = await joinPhone('小明', 'reduce');
    // Once the phone has read the quiz: the question, and no buttons to answer it with.
    await expect.poll(async () => (await phoneContest(late)).text, POLL).toContain('下一题起参加');
    const lateView = await phoneContest(late);
    expect(lateView.phase).toBe('question');
    expect(lateView.options.filter((option) => option.enabled)).toEqual([]);
    const [first, second] = phones as [Page, Page];
    const right = questions[0]?.answer ?? [];
    const wrong = (questions[0]?.options ?? []).map((option) => option.id).filter((id) => !right.includes(id));
    await answer(first, right, null);
    await answer(second, wrong.slice(0, 1), null);
    await expect.poll(async () => (await projectorContest())?.answered, POLL).toBe(2);
    // Still 2 of 2: the late phone is not counted among those who may answer.
    expect((await projectorContest())?.answeredText).toBe('已作答 2 / 2');
    // An answered phone shows its choice and offers nothing more.
    await expect.poll(async () => (await phoneContest(first)).options.filter((option) => option.enabled).length, POLL).toBe(0);
    await expect.poll(async () => (await phoneContest(first)).text, POLL).toContain('已提交');
  });

  it('at time-up the server reveals it: the answer, the bar chart, the explanation; each phone its result', async () => {
    await expect
      .poll(async () => (await projectorContest())?.phase, { timeout: (FIRST_SECONDS + 60) * 1000, interval: 250 })
      .toBe('revealed');
    const right = questions[0]?.answer ?? [];
    const bars = await projector.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="contest-slide"] li[data-option]')].map((option) => ({
        id: option.dataset.option,
        correct: option.dataset.correct,
        count: Number(option.dataset.count),
        bar: option.querySelector('.contest__bar-fill') !== null,
      })),
    );
    for (const bar of bars) {
      expect(bar.bar).toBe(true);
      expect(bar.correct).toBe(String(right.includes(bar.id ?? '')));
      expect(bar.count).toBe(1);
    }
    expect(await projector.getByTestId('contest-explanation').textContent()).not.toBe('');
    expect(await projector.getByTestId('contest-announcement').textContent()).toContain('正确答案');
    // Reduced motion: the bars do not grow.
    expect(
      await projector
        .locator('.contest__bar-fill')
        .first()
        .evaluate((bar) => getComputedStyle(bar).transitionDuration),
    ).toBe('0s');
    const [first, second, late] = phones as [Page, Page, Page];
    await expect.poll(async () => (await phoneContest(first)).correct, POLL).toBe('true');
    expect((await phoneContest(first)).text).toContain('回答正确');
    await expect.poll(async () => (await phoneContest(second)).correct, POLL).toBe('false');
    expect((await phoneContest(second)).text).toMatch(/Wrong|Incorrect/);
    expect((await phoneContest(first)).text).toMatch(/第 1 名/);
    await expect.poll(async () => (await phoneContest(late)).phase, POLL).toBe('revealed');
    await saveArtifact('contest-projector-revealed.png', await projector.screenshot({ timeout: 120_000 }));
    await saveArtifact('contest-phone-revealed.png', await first.screenshot());
    expect(await seriousViolations(projector, '[data-testid="contest-slide"]')).toEqual([]);
    expect(await seriousViolations(second)).toEqual([]);
  });

  it('the clicker shows the leaderboard, then the next question, which the late phone plays too', async () => {
    await press('PageDown');
    await expect.poll(async () => (await projectorContest())?.phase, POLL).toBe('leaderboard');
    const ranks = await projector.locator('[data-testid="contest-leaderboard"] li').allTextContents();
    expect(ranks).toHaveLength(1);
    expect(ranks[0]).toContain('小红');
    expect(await seriousViolations(projector, '[data-testid="contest-slide"]')).toEqual([]);
    await press('PageDown');
    await expect.poll(async () => (await projectorContest())?.question, POLL).toBe(2);
    expect(await projectorContest()).toMatchObject({ phase: 'question', answeredText: '已作答 0 / 3' });
    const [first, second, late] = phones as [Page, Page, Page];
    const right = questions[1]?.answer ?? [];
    for (const phone of phones) {
      await expect
        .poll(async () => (await phoneContest(phone)).options.filter((option) => option.enabled).length, POLL)
        .toBe(questions[1]?.options.length);
    }
    // The late phone asked for reduced motion: its buttons do not animate; the others' do.
    const optionMotion = (phone: Page) =>
      phone
        .locator('.follow-contest__option')
        .first()
        .evaluate((button) => getComputedStyle(button).transitionDuration);
    expect(await optionMotion(late)).toBe('0s');
    expect(await optionMotion(first)).not.toBe('0s');
    // A multiple: the taps choose, 提交 sends.
    await answer(late, right, '提交');
    await answer(first, right, '提交');
    await answer(second, right.slice(0, 1), 'Submit');
    await expect.poll(async () => (await projectorContest())?.answered, POLL).toBe(3);
  });

  it('the clicker reveals it early, then the leaderboard, then the podium; each phone its place', async () => {
    await press('PageDown');
    await expect.poll(async () => (await projectorContest())?.phase, POLL).toBe('revealed');
    const counts = await projector.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[data-testid="contest-slide"] li[data-option]')].map((option) => [
          option.dataset.option,
          Number(option.dataset.count),
        ]),
      ),
    );
    // The first correct option was chosen by all three, the others by the two who were right, the wrong ones by none.
    const right = questions[1]?.answer ?? [];
    for (const option of questions[1]?.options ?? []) {
      const expected = option.id === right[0] ? 3 : right.includes(option.id) ? 2 : 0;
      expect(counts[option.id], option.id).toBe(expected);
    }
    await press('PageDown');
    await expect.poll(async () => (await projectorContest())?.phase, POLL).toBe('leaderboard');
    await press('PageDown');
    await expect.poll(async () => (await projectorContest())?.phase, POLL).toBe('podium');
    const podium = projector.getByRole('dialog', { name: /竞赛结束/ });
    const steps = await podium
      .locator('[data-testid="contest-podium"] li')
      .evaluateAll((items) =>
        items.map((item) => ({ rank: Number((item as HTMLElement).dataset.rank), text: item.textContent ?? '' })),
      );
    // 小红 was right twice; 小明 once (fast); Tom never.
    const champion = steps.find((step) => step.rank === 1);
    expect(champion?.text).toContain('小红');
    expect(champion?.text).toContain('冠军');
    expect(steps.map((step) => step.text).join(' ')).toContain('小明');
    expect(steps.map((step) => step.text).join(' ')).not.toContain('Tom');
    expect(await projector.getByTestId('contest-announcement').textContent()).toContain('冠军：小红');
    const [first, second, late] = phones as [Page, Page, Page];
    // The phase comes with the lesson's snapshot, the phone's own place with its own message after it.
    await expect.poll(async () => (await phoneContest(first)).phase, POLL).toBe('podium');
    await expect.poll(async () => (await phoneContest(first)).text, POLL).toContain('冠军');
    await expect.poll(async () => (await phoneContest(late)).text, POLL).toContain('亚军');
    await expect.poll(async () => (await phoneContest(second)).phase, POLL).toBe('podium');
    await saveArtifact('contest-projector-podium.png', await projector.screenshot({ timeout: 120_000 }));
    await saveArtifact('contest-phone-podium.png', await first.screenshot());
    expect(await seriousViolations(projector, '[data-testid="contest-slide"]')).toEqual([]);
    expect(await seriousViolations(late)).toEqual([]);
  });

  it('the presenter view’s 竞赛成绩, with the PIN: the lesson’s CSV for Excel, and the printable sheet', async () => {
    const results = presenter.getByTestId('presenter-results');
    await results.getByLabel('讲解员密码（PIN）').fill(PIN);
    await results.getByRole('button', { name: '查看成绩' }).click();
    const download = presenter.waitForEvent('download', { timeout: 60_000 });
    await results.getByRole('button', { name: '下载 CSV' }).first().click();
    const file = await (await download).path();
    const bytes = new Uint8Array(await readFile(file));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    const row = (name: string) => lines.find((line) => line.split(',')[2] === name)?.split(',') ?? [];
    // 名次, 学员, 昵称, 得分, 答对题数, 第 1 题, 第 2 题
    expect(row('小红').slice(0, 1)).toEqual(['1']);
    expect(row('小红').slice(4, 7)).toEqual(['2', '✓', '✓']);
    expect(row('小明').slice(0, 1)).toEqual(['2']);
    expect(row('小明').slice(4, 7)).toEqual(['1', '', '✓']);
    expect(row('Tom').slice(3, 7)).toEqual(['0', '0', '✗', '✗']);
    // One row per question: answered, right, the correct rate.
    const questionRows = lines.filter((line) => /^[12],/.test(line) && line.includes('%'));
    expect(questionRows.map((line) => line.split(',').slice(3))).toEqual([
      ['2', '1', '50%'],
      ['3', '2', '67%'],
    ]);
    // The same results as a sheet to print, the nicknames as text.
    await results.getByRole('button', { name: '打印成绩单' }).first().click();
    const sheet = presenter.getByRole('dialog', { name: /成绩单/ });
    await expect.poll(() => sheet.locator('[data-participant]').count(), POLL).toBe(3);
    expect(await sheet.textContent()).toContain('小红');
    // The correct answers lettered and worded as the room saw them (the server keeps ids only).
    await expect.poll(() => sheet.locator('tr[data-question] td').first().textContent(), POLL).toMatch(/^[AB] 错误$/);
    expect(await seriousViolations(presenter, 'dialog.results-sheet')).toEqual([]);
    await saveArtifact('contest-results-sheet.png', await presenter.screenshot());
    await sheet.getByRole('button', { name: '关闭' }).click();
  });

  it('the clicker at the podium takes the contest away and the lesson goes on; no page logged an error', async () => {
    await press('PageDown');
    await expect.poll(() => projectorContest(), POLL).toBeNull();
    await expect.poll(() => projector.locator('dialog.projector.projector--shown').count(), POLL).toBe(1);
    for (const phone of phones) {
      await expect.poll(() => phone.locator('.follow-page').getAttribute('data-follow-screen'), POLL).toBe('guide');
    }
    for (const watch of watches) {
      expect(watch.errors).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
    }
  });
});
