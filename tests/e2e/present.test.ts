/**
 * Projector mode end to end, on the built site in headless Chromium: an instructor with only a
 * clicker runs the shipped lesson (新队员入队教育) from the directory link to the end slide and
 * back, blanks the screen and resumes, reloads mid-lesson, reads the presenter window (opened
 * with S) and drives the projector from it; the projector type meets its size figures at
 * 1920×1080 and 1280×720; each slide fills the screen with no corridor beside or through it,
 * its type grown to fill it; a long panel's screens break between lines; the camera glides when
 * asked, and between stops the slide is never half-transparent over a moving corridor;
 * auto-advance pauses and resumes; the 重温入党誓词 lesson ends on the oath wall, lit phrase by
 * phrase with the clicker in large captions. The lesson's room quiz after its last stop is run
 * through from the presenter window here; tests/e2e/roomQuiz.test.ts looks at its slides.
 *
 * Most of it runs with reduced motion (the camera cuts), which is also what makes it fast on
 * CPU WebGL; one test switches to the glide with M and watches the camera travel, and one, with
 * the system's usual motion, samples every frame of a stop change.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';
import {
  imageStats,
  launchBrowser,
  type PageWatch,
  ROOT,
  type StaticServer,
  saveArtifact,
  serveStatic,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';

interface LessonStop {
  id: string;
  title: string;
  /** The English title (the Chinese where there is none). */
  titleEn: string;
  notes: string[];
}

let server: StaticServer;
let browser: Browser;
/** For the glide and auto-advance tests, which measured cheaper with software compositing. */
let softwareBrowser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let lesson: LessonStop[];
let lessonTitle: string;
/** The title of the lesson's quiz (知识问答), which follows its last stop. */
let quizTitle: string;
let presenter: Page;
let presenterWatch: PageWatch;

const POLL = { timeout: 60_000, interval: 200 };
const SEARCH = '?mode=present&tour=new-recruits';

/** The shipped lesson, read straight from the JSON (not through the app). */
async function shippedLesson(): Promise<{ title: string; stops: LessonStop[]; quizTitle: string }> {
  const zh = (text: string | { zh: string }) => (typeof text === 'string' ? text : text.zh);
  const en = (text: string | { zh: string; en?: string }) => (typeof text === 'string' ? text : (text.en ?? text.zh));
  const content = join(ROOT, 'assets/content');
  const exhibition = JSON.parse(await readFile(join(content, 'exhibition.json'), 'utf8')) as {
    sections: Array<{ file: string }>;
    tours: Array<{
      id: string;
      title: { zh: string };
      quiz?: string;
      stops: Array<{ panel: string; notes?: Array<string | { zh: string }> }>;
    }>;
  };
  const titles = new Map<string, string>();
  const titlesEn = new Map<string, string>();
  for (const section of exhibition.sections) {
    const file = JSON.parse(await readFile(join(content, section.file), 'utf8')) as {
      panels: Array<{ id: string; title: string | { zh: string; en?: string } }>;
    };
    for (const panel of file.panels) {
      titles.set(panel.id, zh(panel.title));
      titlesEn.set(panel.id, en(panel.title));
    }
  }
  const tour = exhibition.tours.find((candidate) => candidate.id === 'new-recruits');
  if (!tour) throw new Error('no new-recruits tour in exhibition.json');
  const quizzes = JSON.parse(await readFile(join(content, 'quiz.json'), 'utf8')) as {
    quizzes: Array<{ id: string; title: { zh: string } }>;
  };
  const quiz = quizzes.quizzes.find((candidate) => candidate.id === tour.quiz);
  if (!quiz) throw new Error('the new-recruits lesson names no quiz in quiz.json');
  return {
    title: tour.title.zh,
    quizTitle: quiz.title.zh,
    stops: tour.stops.map((stop) => ({
      id: stop.panel,
      title: titles.get(stop.panel) ?? '?',
      titleEn: titlesEn.get(stop.panel) ?? '?',
      notes: (stop.notes ?? []).map(zh),
    })),
  };
}

/** The shipped oath's phrases, in Chinese (assets/content/oath.json). */
async function shippedOath(): Promise<string[]> {
  const exhibition = await loadShippedExhibition();
  const panel = allPanels(exhibition).find((candidate) => candidate.id === 'party-oath');
  if (panel?.kind !== 'oath') throw new Error('no party-oath panel in oath.json');
  return panel.phrases.map((phrase) => (typeof phrase === 'string' ? phrase : phrase.zh));
}

/** Where the projector is: the stop and the screen of it shown, from the visible card. */
async function position(target: Page = page) {
  return target.evaluate(() => {
    const card = document.querySelector<HTMLDialogElement>('dialog.projector.projector--shown');
    if (!card) return null;
    const titleId = card.getAttribute('aria-labelledby');
    return {
      stop: Number(card.dataset.stop),
      page: Number(card.dataset.page),
      pages: Number(card.dataset.pages),
      title: (titleId && document.getElementById(titleId)?.textContent) || '',
      counter: card.querySelector('.projector__count [aria-hidden]')?.textContent ?? '',
      hash: window.location.hash,
      search: window.location.search,
      lang: document.documentElement.lang,
      ended: document.querySelector('[data-testid="present-end"]')?.classList.contains('projector-end--shown') ?? false,
      // The room quiz over the stop: its phase and question (null: not in the quiz).
      quiz: document.querySelector<HTMLElement>('dialog[data-testid="room-quiz"]')?.dataset.phase ?? null,
      question: Number(document.querySelector<HTMLElement>('dialog[data-testid="room-quiz"]')?.dataset.question ?? 0),
    };
  });
}

/** The end slide's name, as a screen reader announces it. */
const endName = (lang: string) => (lang === 'en' ? 'End of the tour' : '讲解结束');

/** Waits until the projector shows the end slide, a dialog named 讲解结束 over the last stop. */
async function expectEnd(target: Page = page) {
  await expect.poll(async () => (await position(target))?.ended, POLL).toBe(true);
  const lang = (await position(target))?.lang ?? 'zh-CN';
  expect(await target.getByRole('dialog', { name: endName(lang), exact: true }).isVisible()).toBe(true);
  // The last stop stays beneath it, out of a screen reader's way: one dialog, the end slide.
  expect(await target.getByRole('dialog').count()).toBe(1);
}

/** Waits until the projector shows stop `n` (1-based) of the lesson at screen `screen`, and checks the URL and the card's name. */
async function expectStop(n: number, screen = 1, target: Page = page) {
  const stop = lesson[n - 1];
  if (!stop) throw new Error(`the lesson has no stop ${n}`);
  await expect.poll(async () => (await position(target))?.stop, POLL).toBe(n);
  await expect.poll(async () => (await position(target))?.page, POLL).toBe(screen);
  const now = await position(target);
  const title = now?.lang === 'en' ? stop.titleEn : stop.title;
  expect(now?.title).toBe(title);
  expect(now?.counter).toBe(`${n} / ${lesson.length}`);
  expect(now?.hash).toBe(`#/panel/${stop.id}`);
  expect(now?.search).toBe(SEARCH);
  // The card is a dialog named by the panel's title, as a screen reader announces it.
  expect(await target.getByRole('dialog', { name: title, exact: true }).count()).toBe(1);
}

/** Waits until the projector shows the lesson's quiz at `phase`: one dialog, the quiz's (the stop beneath hidden). */
async function expectQuiz(phase: string, target: Page = page) {
  await expect.poll(async () => (await position(target))?.quiz, POLL).toBe(phase);
  expect(await target.getByRole('dialog').count()).toBe(1);
  if (phase === 'title') expect(await target.getByRole('dialog', { name: quizTitle, exact: true }).isVisible()).toBe(true);
}

/**
 * Presses a "next" key and checks what a clicker should do: show the panel's next screen if
 * there is more of it, else go to the next stop (at its first screen). After the last stop's
 * last screen comes the lesson's quiz (its title slide); after the quiz, the end slide, which stays.
 */
async function next(key = 'PageDown', target: Page = page, watched: Page = page) {
  const before = await position(watched);
  if (!before) throw new Error('no card shown');
  if (before.quiz && !before.ended) throw new Error('in the quiz: use throughQuiz()');
  await target.keyboard.press(key);
  if (before.ended) await expectEnd(watched);
  else if (before.page < before.pages) await expectStop(before.stop, before.page + 1, watched);
  else if (before.stop === lesson.length) await expectQuiz('title', watched);
  else await expectStop(before.stop + 1, 1, watched);
}

/**
 * Runs the lesson's quiz to its end with the next key, a slide at a time (each question, its
 * answer, … the closing slide), then checks the end slide.
 */
async function throughQuiz(key = 'PageDown', target: Page = page, watched: Page = page) {
  const step = (now: Awaited<ReturnType<typeof position>>) => `${now?.quiz}.${now?.question}.${now?.ended}`;
  for (let guard = 0; guard < 80; guard++) {
    const before = await position(watched);
    if (!before || before.ended) break;
    await target.keyboard.press(key);
    await expect.poll(async () => step(await position(watched)), POLL).not.toBe(step(before));
  }
  await expectEnd(watched);
}

/**
 * The same for "previous": from the end slide back to the quiz's closing slide; from the quiz's
 * title back to the last stop, at the screen it was left at; else back up the panel first, then
 * to the previous stop's first screen.
 */
async function previous(key = 'PageUp', target: Page = page, watched: Page = page) {
  const before = await position(watched);
  if (!before) throw new Error('no card shown');
  await target.keyboard.press(key);
  if (before.ended) {
    await expect.poll(async () => (await position(watched))?.ended, POLL).toBe(false);
    await expectQuiz('finished', watched);
  } else if (before.quiz === 'title') {
    await expect.poll(async () => (await position(watched))?.quiz, POLL).toBeNull();
    await expectStop(before.stop, before.page, watched);
  } else if (before.page > 1) await expectStop(before.stop, before.page - 1, watched);
  else await expectStop(Math.max(1, before.stop - 1), 1, watched);
}

/** Steps on with PageDown until stop `n` shows. */
async function forwardTo(n: number) {
  for (let guard = 0; guard < 40 && (await position())?.stop !== n; guard++) await next();
  await expectStop(n);
}

/**
 * What the room sees of the shown slide's text column, line by line (each text node's line
 * boxes): which lines show whole and which show cut. A point of a line shows where the browser
 * hits the column there (so the slide's clipping and its scrolling box both count, however they
 * are done): a line whose top and bottom edges both show is whole, one with only one of them cut.
 */
async function screenLines(target: Page = page): Promise<{ whole: string[]; cut: string[] }> {
  return target.evaluate(() => {
    const card = document.querySelector('dialog.projector.projector--shown');
    const column = card?.querySelector('.projector__text');
    if (!card || !column) throw new Error('no slide');
    const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const whole: string[] = [];
    const cut: string[] = [];
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode(), index++) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('.visually-hidden')) continue;
      range.selectNodeContents(node);
      [...range.getClientRects()].forEach((rect, line) => {
        if (rect.height < 4 || rect.width < 4) return;
        const hits = (y: number) => document.elementsFromPoint(rect.left + 2, y).includes(column);
        const top = hits(rect.top + 1);
        const bottom = hits(rect.bottom - 1);
        const key = `${index}.${line} ${node.textContent?.slice(0, 12)}`;
        if (top && bottom) whole.push(key);
        else if (top || bottom) cut.push(`${key} (${top ? 'bottom' : 'top'} hidden)`);
      });
    }
    return { whole, cut };
  });
}

async function blankShown(target: Page = page): Promise<string | null> {
  const blank = target.locator('[data-testid="present-blank"]');
  return (await blank.isVisible()) ? await blank.getAttribute('data-blank') : null;
}

beforeAll(async () => {
  const shipped = await shippedLesson();
  lesson = shipped.stops;
  lessonTitle = shipped.title;
  quizTitle = shipped.quizTitle;
  server = await serveStatic();
  // The lesson's slides fill the screen at two sizes and fade: composited on the GPU path, which
  // measured cheaper for these tests (see LaunchOptions); the glide and auto-advance tests below
  // measured the other way.
  browser = await launchBrowser([], { compositing: 'gpu' });
  softwareBrowser = await launchBrowser();
  // Reduced motion: the camera cuts from stop to stop (tested on its own below with M).
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  page = await context.newPage();
  // A cold load of the corridor on a busy CPU can take more than Playwright's default 30 s.
  page.setDefaultTimeout(90_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
});

afterAll(async () => {
  await browser?.close();
  await softwareBrowser?.close();
  await server?.close();
});

describe('projector mode', () => {
  it('starts from the directory: a link per lesson leads to ?mode=present&tour=<id>, a lesson’s quiz beside it', async () => {
    await page.goto(server.url);
    await waitForExhibit(page);
    // The first frames after the loading screen compile the corridor's shaders on the CPU: on a
    // busy machine no animation frame comes for a minute, and a click waits for frames.
    await waitForStillness(page, 600, 240_000);
    await page.getByRole('button', { name: /展厅目录/ }).click({ timeout: 60_000 });
    const nav = page.getByRole('navigation', { name: '展厅目录' });
    const present = nav.getByRole('region', { name: '讲解模式' });
    await expect.poll(() => present.isVisible()).toBe(true);
    const links = await present.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    // Each lesson, and beside the one that names its quiz, that quiz (课后问答) for a visitor.
    expect(links).toEqual([
      '?mode=present&tour=new-recruits',
      '#/quiz/new-recruits',
      '?mode=present&tour=renew-oath',
      '?mode=present&tour=all',
    ]);
  });

  it('the lesson opens at its first stop, with the HUD gone', async () => {
    const present = page.getByRole('navigation', { name: '展厅目录' }).getByRole('region', { name: '讲解模式' });
    await present.getByRole('link', { name: new RegExp(`^${lessonTitle}`) }).click({ timeout: 60_000 });
    await page.waitForURL((url) => url.search === SEARCH, { timeout: 60_000 });
    await waitForExhibit(page);
    await expectStop(1);
    // The visitor's HUD is gone; only the projector card and the progress line show.
    expect(await page.locator('.hud').count()).toBe(0);
    expect(await page.getByRole('button', { name: /展厅目录/ }).count()).toBe(0);
    await saveArtifact('present-stop-1-1280.png', await page.screenshot({ timeout: 120_000 }));
  });

  it('the clicker keys move through the lesson and the URL follows, backwards too; Home and End', async () => {
    await next('PageDown');
    await next('ArrowRight');
    await next(' ');
    await next('Enter');
    const there = await position();
    await previous('PageUp');
    await previous('ArrowLeft');
    expect((await position())?.stop).toBeLessThan(there?.stop ?? 0);
    await page.keyboard.press('End');
    await expectStop(lesson.length);
    // Next on the last stop shows the rest of it, then the lesson's quiz (its title slide; the
    // quiz is run through in the presenter's test below). PageUp goes back to the last stop.
    for (let guard = 0; guard < 4 && !(await position())?.quiz; guard++) await next();
    expect(await position()).toMatchObject({ stop: lesson.length, quiz: 'title', ended: false });
    await previous();
    expect(await position()).toMatchObject({ stop: lesson.length, quiz: null, ended: false });
    await page.keyboard.press('Home');
    await expectStop(1);
    await previous();
    await expectStop(1);
  });

  it('runs the whole lesson with PageDown alone, every screen of every stop, and back with PageUp', async () => {
    const seen: string[] = [];
    for (let guard = 0; guard < 60; guard++) {
      const now = await position();
      if (!now) throw new Error('no card');
      seen.push(`${now.stop}.${now.page}/${now.pages}`);
      if (now.stop === lesson.length && now.page === now.pages) break;
      await next();
    }
    // Every stop, in order, each from its first screen to its last.
    const stops = [...new Set(seen.map((entry) => Number(entry.split('.')[0])))];
    expect(stops).toEqual(lesson.map((_, index) => index + 1));
    for (const entry of seen) {
      const [stop, screens] = entry.split('.');
      const [shown, total] = (screens ?? '').split('/').map(Number);
      expect(shown, entry).toBeLessThanOrEqual(total ?? 0);
      expect(seen, `stop ${stop}`).toContain(`${stop}.${total}/${total}`);
    }
    // And back to the start with PageUp alone, through every stop in reverse.
    const back: number[] = [];
    for (let guard = 0; guard < 60; guard++) {
      const now = await position();
      if (!now) throw new Error('no card');
      if (back.at(-1) !== now.stop) back.push(now.stop);
      if (now.stop === 1 && now.page === 1) break;
      await previous();
    }
    expect(back).toEqual(lesson.map((_, index) => lesson.length - index));
  });

  it('B blacks the screen out and B restores it; . too; W whites out; Esc restores', async () => {
    await next();
    const before = await position();
    await page.keyboard.press('b');
    await expect.poll(() => blankShown(), POLL).toBe('black');
    const black = imageStats(await page.screenshot({ timeout: 120_000 }));
    expect(black.meanLuminance).toBeLessThan(2);
    expect(black.dominantShare).toBeGreaterThan(0.99);
    await page.keyboard.press('b');
    await expect.poll(() => blankShown(), POLL).toBeNull();
    expect(await position()).toEqual(before);

    await page.keyboard.press('.');
    await expect.poll(() => blankShown(), POLL).toBe('black');
    await page.keyboard.press('.');
    await expect.poll(() => blankShown(), POLL).toBeNull();

    await page.keyboard.press('w');
    await expect.poll(() => blankShown(), POLL).toBe('white');
    expect(imageStats(await page.screenshot({ timeout: 120_000 })).meanLuminance).toBeGreaterThan(253);
    await page.keyboard.press('Escape');
    await expect.poll(() => blankShown(), POLL).toBeNull();

    // The clicker's next key on a black screen brings the picture back without skipping a stop.
    await page.keyboard.press('b');
    await expect.poll(() => blankShown(), POLL).toBe('black');
    await page.keyboard.press('PageDown');
    await expect.poll(() => blankShown(), POLL).toBeNull();
    expect(await position()).toEqual(before);
  });

  it('hides the pointer after 2 s of stillness', async () => {
    await page.mouse.move(640, 300);
    await page.mouse.move(660, 320);
    const cursor = () => page.evaluate(() => getComputedStyle(document.elementFromPoint(660, 320) ?? document.body).cursor);
    expect(await cursor()).not.toBe('none');
    await expect.poll(cursor, { timeout: 10_000, interval: 250 }).toBe('none');
    await page.mouse.move(700, 340);
    expect(await page.evaluate(() => document.documentElement.classList.contains('present-pointer-idle'))).toBe(false);
  });

  it('a reload resumes the lesson at the same stop', async () => {
    await forwardTo(3);
    const url = page.url();
    await page.reload();
    await waitForExhibit(page);
    await expectStop(3);
    expect(page.url()).toBe(url);
  });

  it('S opens the presenter view: this stop, its notes, the next stop and the clocks', async () => {
    const popupPromise = page.waitForEvent('popup', { timeout: 60_000 });
    await page.keyboard.press('s');
    presenter = await popupPromise;
    presenterWatch = watchPage(presenter, server.url.replace(/\/$/, ''));
    await presenter.setViewportSize({ width: 1280, height: 800 });
    expect(new URL(presenter.url()).searchParams.get('view')).toBe('presenter');
    const now = presenter.getByRole('region', { name: '当前' });
    const upNext = presenter.getByRole('region', { name: '下一站' });
    const current = () => now.getByRole('heading', { level: 2 }).textContent({ timeout: 60_000 });

    await expect.poll(current, POLL).toBe(lesson[2]?.title);
    expect(await upNext.getByRole('heading', { level: 2 }).textContent()).toBe(lesson[3]?.title);
    expect(await now.locator('.presenter__notes li').allTextContents()).toEqual(lesson[2]?.notes);
    expect(await presenter.title()).toBe(`讲解员视图 · ${lessonTitle}`);
    const elapsed = presenter.getByTestId('presenter-elapsed');
    const first = await elapsed.textContent();
    expect(first).toMatch(/^\d+:\d\d$/);
    await expect.poll(() => elapsed.textContent(), { timeout: 10_000 }).not.toBe(first);
    expect(await presenter.getByTestId('presenter-at-stop').textContent()).toMatch(/^\d+:\d\d$/);

    // Keys in the presenter window drive the projector, and both show the same stop.
    const screenBefore = await position();
    await next('PageDown', presenter, page);
    const screenAfter = await position();
    await expect.poll(current, POLL).toBe(lesson[(screenAfter?.stop ?? 1) - 1]?.title);
    expect(screenAfter).not.toEqual(screenBefore);
    await forwardTo(4);
    await expect.poll(current, POLL).toBe(lesson[3]?.title);
    await next('ArrowRight', presenter, page);
    await expect.poll(current, POLL).toBe(lesson[((await position())?.stop ?? 1) - 1]?.title);

    // Keys in the projector window move the presenter view along.
    await page.bringToFront();
    await page.keyboard.press('Home');
    await expectStop(1);
    await expect.poll(current, POLL).toBe(lesson[0]?.title);
    await expect.poll(() => upNext.getByRole('heading', { level: 2 }).textContent(), POLL).toBe(lesson[1]?.title);

    // B in the presenter window blanks the projector; the presenter sees it says so.
    await presenter.bringToFront();
    await presenter.keyboard.press('b');
    await expect.poll(() => blankShown(), POLL).toBe('black');
    await expect.poll(() => presenter.locator('.presenter__projector').textContent(), POLL).toBe('投影：黑屏');
    await presenter.keyboard.press('b');
    await expect.poll(() => blankShown(), POLL).toBeNull();
    await expect.poll(() => presenter.locator('.presenter__projector').textContent(), POLL).toBe('投影：正常显示');

    // End there goes to the last stop here; the presenter says there is nothing after it.
    await presenter.keyboard.press('End');
    await expectStop(lesson.length);
    await expect.poll(() => upNext.textContent(), POLL).toContain('这是最后一站。');
    // Past the last screen there, the lesson's quiz here; the presenter sees question 1's answer
    // before the room does.
    for (let guard = 0; guard < 5 && !(await position())?.quiz; guard++) await next('PageDown', presenter, page);
    await expectQuiz('title');
    await expect.poll(current, POLL).toBe(quizTitle);
    await presenter.keyboard.press('PageDown');
    await expectQuiz('answering');
    await expect.poll(current, POLL).toBe('第 1 题');
    expect(await presenter.locator('[data-testid="presenter-quiz"] li[data-correct="true"]').count()).toBeGreaterThan(0);
    expect(await page.locator('dialog[data-testid="room-quiz"] li[data-correct]').count()).toBe(0);
    await saveArtifact('present-presenter-quiz.png', await presenter.screenshot({ timeout: 120_000 }));
    // Run through from there, the quiz ends on the end slide, which stays: the lesson does not
    // wrap round. The presenter view stays in step.
    await throughQuiz('PageDown', presenter, page);
    await expect.poll(current, POLL).toBe('讲解结束');
    expect(await presenter.locator('.presenter__position').textContent()).toBe('讲解结束');
    await saveArtifact('present-presenter-end.png', await presenter.screenshot({ timeout: 120_000 }));
    await next('PageDown', presenter, page);
    // PageUp there brings the quiz's closing slide back, and Q the last stop.
    await previous('PageUp', presenter, page);
    await expect.poll(current, POLL).toBe('问答结束');
    await presenter.keyboard.press('q');
    await expect.poll(async () => (await position())?.quiz, POLL).toBeNull();
    await expectStop(lesson.length);
    await expect.poll(current, POLL).toBe(lesson[lesson.length - 1]?.title);
    await presenter.keyboard.press('Home');
    await expectStop(1);
    await saveArtifact('present-presenter-view.png', await presenter.screenshot({ timeout: 120_000 }));
  });

  it('pages a panel longer than the screen: next shows the rest first (▼), and the presenter says which screen', async () => {
    // English runs longer than Chinese: switch from the presenter window, and the room follows.
    await presenter.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('en');
    await expect.poll(() => presenter.evaluate(() => document.documentElement.lang), POLL).toBe('en');
    const more = page.locator('dialog.projector--shown .projector__more');
    const paged: number[] = [];
    for (let guard = 0; guard < 60; guard++) {
      const now = await position();
      if (!now) throw new Error('no card');
      expect(now.hash).toBe(`#/panel/${lesson[now.stop - 1]?.id}`);
      if (now.page < now.pages) {
        if (now.page === 1) paged.push(now.stop);
        expect(await more.isVisible()).toBe(true);
        expect(await more.textContent()).toBe(`▼ More · ${now.page} / ${now.pages}`);
        const top = await page.locator('dialog.projector--shown .projector__content').evaluate((element) => element.scrollTop);
        const before = await screenLines();
        expect(before.cut, `stop ${now.stop}, screen ${now.page}`).toEqual([]);
        await next();
        // The screens break between lines: nothing of the lines just read shows again on the
        // next screen (not even the bottom of one at its top), and no line on it is cut.
        const shown = await screenLines();
        expect(shown.cut, `stop ${now.stop}, screen ${now.page + 1}`).toEqual([]);
        expect(shown.whole.length, `stop ${now.stop}, screen ${now.page + 1}`).toBeGreaterThan(0);
        expect(
          shown.whole.filter((line) => before.whole.includes(line)),
          `stop ${now.stop}, screen ${now.page + 1}`,
        ).toEqual([]);
        // Same stop, same URL, the text moved up by a screen; the presenter shows the screen too.
        const after = await position();
        expect([after?.stop, after?.page, after?.hash]).toEqual([now.stop, now.page + 1, now.hash]);
        const scroll = await page.locator('dialog.projector--shown .projector__content').evaluate((element) => ({
          top: element.scrollTop,
          height: element.clientHeight,
        }));
        // Nearly a full screen at a time (it breaks between lines, so a line's height at most is left over).
        expect(scroll.top - top).toBeGreaterThan(scroll.height * 0.7);
        await expect
          .poll(() => presenter.locator('.presenter__position').textContent(), POLL)
          .toBe(`Stop ${now.stop} of ${lesson.length} · Screen ${now.page + 1} of ${now.pages}`);
        if (now.stop === paged[0] && now.page === 1) {
          await saveArtifact('present-paged-en.png', await page.screenshot({ timeout: 120_000 }));
          // PageUp goes back up the panel before it goes back a stop.
          await previous();
          expect(await position()).toMatchObject({ stop: now.stop, page: 1 });
          await next();
        }
        continue;
      }
      expect(await more.isVisible()).toBe(false);
      if (now.stop === lesson.length) break;
      await next();
    }
    expect(paged.length).toBeGreaterThan(0);
    await presenter.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('zh-CN');
    await page.keyboard.press('Home');
    await expectStop(1);
    expect(presenterWatch.errors).toEqual([]);
    expect(presenterWatch.offOrigin).toEqual([]);
    await presenter.close();
  });

  it('sets type the back of the room can read: titles ≥ 5% and text ≥ 2.8% of the screen height, at 1920×1080 and 1280×720', async () => {
    const checked = [
      1,
      lesson.findIndex((stop) => stop.id === 'fang-jie-zhou-feng') + 1,
      lesson.findIndex((stop) => stop.id === 'member-activities') + 1,
    ];
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(viewport);
      for (const n of checked) {
        await page.keyboard.press('Home');
        await expectStop(1);
        await forwardTo(n);
        const sizes = await page.evaluate(() => {
          const card = document.querySelector('dialog.projector.projector--shown');
          if (!card) throw new Error('no card');
          const px = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
          const title = card.querySelector('.projector__title');
          // Every element that itself holds visible text, in the card's body and its progress line.
          const texts = [...card.querySelectorAll('.projector__top *, .projector__content *')].filter(
            (element) =>
              [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) &&
              !element.closest('.visually-hidden, [aria-hidden="true"]') &&
              element.getClientRects().length > 0,
          );
          const paragraphs = [...card.querySelectorAll('.projector__text p, .projector__text li')];
          const column = card.querySelector('.projector__text');
          return {
            viewportHeight: window.innerHeight,
            title: title ? px(title) : 0,
            smallest: Math.min(...texts.map(px)),
            smallestText: texts.sort((a, b) => px(a) - px(b))[0]?.textContent?.slice(0, 30),
            body: Math.min(...paragraphs.map(px)),
            count: texts.length,
            // Characters per line of the text column, at the body size: short lines read from afar.
            lineLength: column ? column.getBoundingClientRect().width / px(paragraphs[0] ?? column) : 0,
          };
        });
        const where = `${viewport.width}×${viewport.height}, stop ${n}`;
        expect(sizes.viewportHeight, where).toBe(viewport.height);
        expect(sizes.count, where).toBeGreaterThan(3);
        expect(sizes.title / viewport.height, `${where}: title`).toBeGreaterThanOrEqual(0.05);
        expect(sizes.body / viewport.height, `${where}: body`).toBeGreaterThanOrEqual(0.028);
        expect(sizes.smallest / viewport.height, `${where}: "${sizes.smallestText}"`).toBeGreaterThanOrEqual(0.028);
        expect(sizes.lineLength, `${where}: line length`).toBeLessThanOrEqual(36);
      }
      await page.keyboard.press('Home');
      await expectStop(1);
      const shot = await page.screenshot({ timeout: 120_000 });
      await saveArtifact(`present-stop-1-${viewport.width}.png`, shot);
      const stats = imageStats(shot);
      expect([stats.width, stats.height]).toEqual([viewport.width, viewport.height]);
      expect(stats.distinctColours).toBeGreaterThan(50);
    }
  });

  it('at 1920×1080 every slide fills the screen: opaque edge to edge, no corridor beside it, the type grown to fill it', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const ids = [
      'cpc-founding-1921',
      'long-march-1936',
      'party-committee-2021',
      'fang-jie-zhou-feng',
      'wang-yanping',
      'red-culture',
    ];
    const checked = ids.map((id) => lesson.findIndex((stop) => stop.id === id) + 1).filter((n) => n > 0);
    expect(checked.length).toBe(ids.length);
    await page.keyboard.press('Home');
    await expectStop(1);
    const bodySizes: number[] = [];
    for (const n of checked) {
      await forwardTo(n);
      const slide = await page.evaluate(() => {
        const card = document.querySelector<HTMLElement>('dialog.projector.projector--shown');
        const content = card?.querySelector<HTMLElement>('.projector__content');
        const columns = [...(content?.firstElementChild?.children ?? [])];
        const body = card?.querySelector('.projector__text p, .projector__text li');
        if (!card || !content || columns.length === 0 || !body) throw new Error('no slide');
        const style = getComputedStyle(card);
        const rect = card.getBoundingClientRect();
        const top = content.getBoundingClientRect().top;
        return {
          rect: [rect.left, rect.top, rect.right, rect.bottom],
          viewport: [window.innerWidth, window.innerHeight],
          opacity: Number(style.opacity),
          background: style.backgroundColor,
          // How much of the room left for the panel's text its columns take.
          used: (Math.max(...columns.map((column) => column.getBoundingClientRect().bottom)) - top) / content.clientHeight,
          body: Number.parseFloat(getComputedStyle(body).fontSize),
          pages: Number(card.dataset.pages),
          topBorder: Number.parseFloat(style.borderTopWidth),
        };
      });
      const where = `stop ${n} (${lesson[n - 1]?.id})`;
      // The slide's box is the screen, and nothing shows through it.
      expect(slide.rect, where).toEqual([0, 0, ...slide.viewport]);
      expect(slide.viewport).toEqual([1920, 1080]);
      expect(slide.opacity, where).toBe(1);
      expect(slide.background, where).toBe('rgb(255, 253, 246)');
      // A panel that fits on one screen fills a good share of it (its type grows until it does).
      if (slide.pages === 1) expect(slide.used, where).toBeGreaterThanOrEqual(0.6);
      bodySizes.push(slide.body);

      // The pixels: along both sides and the bottom, only the slide's paper (no board, no wall).
      const shot = await page.screenshot({ timeout: 120_000 });
      await saveArtifact(`present-slide-1920-${n}.png`, shot);
      const image = PNG.sync.read(shot);
      const offPaper: string[] = [];
      const check = (x: number, y: number) => {
        const i = (y * image.width + x) * 4;
        const [r, g, b] = [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
        if (Math.abs(r - 255) > 4 || Math.abs(g - 253) > 4 || Math.abs(b - 246) > 4) offPaper.push(`${x},${y}: ${r} ${g} ${b}`);
      };
      for (let y = Math.ceil(slide.topBorder) + 1; y < image.height; y++) {
        for (let x = 0; x < 12; x++) {
          check(x, y);
          check(image.width - 1 - x, y);
        }
      }
      for (let y = image.height - 12; y < image.height; y++) for (let x = 0; x < image.width; x++) check(x, y);
      expect(offPaper.slice(0, 5), `${where}: ${offPaper.length} pixels at the edges are not the slide's`).toEqual([]);
    }
    // Short panels get larger type than the smallest size (3.1% of the height), never smaller.
    expect(Math.min(...bodySizes)).toBeGreaterThanOrEqual(0.031 * 1080 - 0.5);
    expect(Math.max(...bodySizes)).toBeGreaterThan(0.031 * 1080 * 1.1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('Home');
    await expectStop(1);
  });

  it('M switches to the glide: the card gives way, the camera travels along the corridor, the card returns', async () => {
    await page.keyboard.press('m');
    // The camera's cut to the first stop must have been drawn, or its pose is still the last one
    // (after a resize the canvas may take seconds to draw its next frame).
    const cutDrawn = () =>
      page.evaluate(() => {
        const goal = window.__exhibit?.state().cameraGoal as { viewpoint?: { position: number[] } } | undefined;
        const z = window.__exhibit?.pose().position[2] ?? Number.NaN;
        return Math.abs((goal?.viewpoint?.position[2] ?? Number.NaN) - z) < 0.01;
      });
    await expect.poll(cutDrawn, POLL).toBe(true);
    const from = await page.evaluate(() => window.__exhibit?.pose().position[2] ?? 0);
    await page.keyboard.press('End');
    // On its way the card is hidden (no dialog for a screen reader either) and the camera moves.
    await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(0);
    await expectStop(lesson.length);
    const to = await page.evaluate(() => window.__exhibit?.pose().position[2] ?? 0);
    expect(Math.abs(to - from)).toBeGreaterThan(2);
    await page.keyboard.press('m'); // back to cutting, for the rest of the tests
    await page.keyboard.press('Home');
    await expectStop(1);
  });

  it('leads the oath wall phrase by phrase with the clicker, in large captions, and ends the lesson after the last', async () => {
    const oath = await shippedOath();
    await page.goto(`${server.url}?mode=present&tour=renew-oath`);
    await waitForExhibit(page);
    // The lesson ends on the oath wall.
    await expect.poll(async () => (await position())?.stop, POLL).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(async () => (await position())?.title, POLL).toBe('入党誓词');
    const card = page.locator('dialog.projector.projector--shown');
    const lit = async () => Number(await card.locator('[data-lit]').getAttribute('data-lit'));
    const caption = () =>
      card
        .locator('.projector__oath-current')
        .textContent({ timeout: 1000 })
        .catch(() => null);
    expect(await position()).toMatchObject({ stop: 3, page: 1, pages: oath.length + 1, hash: '#/panel/party-oath' });
    expect(await lit()).toBe(0);
    expect(await card.locator('.projector__oath-phrase').allTextContents()).toEqual(oath);
    expect(await card.locator('.projector__more').textContent()).toBe('翻页笔：点亮下一句');
    for (const [index, phrase] of oath.entries()) {
      await page.keyboard.press('PageDown');
      await expect.poll(lit, POLL).toBe(index + 1);
      expect(await caption()).toBe(phrase);
      // Lit so far, as drawn: every phrase up to this one in the text's own dark or red; the rest
      // still in the dimmer grey (a colour, not a fade: it must stay readable).
      const states = await card
        .locator('.projector__oath-phrase')
        .evaluateAll((items) => items.map((item) => (getComputedStyle(item).color === 'rgb(125, 106, 96)' ? 'ahead' : 'lit')));
      expect(states).toEqual(oath.map((_, at) => (at <= index ? 'lit' : 'ahead')));
      if (index === 5) {
        // The caption is large enough for the back row: at least 6% of the screen's height.
        const size = await card
          .locator('.projector__oath-current')
          .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
        expect(size).toBeGreaterThanOrEqual(720 * 0.06);
        await saveArtifact('present-oath-1280.png', await page.screenshot({ timeout: 120_000 }));
      }
    }
    expect(await position()).toMatchObject({ stop: 3, page: oath.length + 1, pages: oath.length + 1 });
    // One more press after the last phrase ends the lesson; back again, the oath is still all lit.
    await page.keyboard.press('PageDown');
    await expectEnd();
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await position())?.ended, POLL).toBe(false);
    expect(await lit()).toBe(oath.length);
    // And back up through the phrases: PageUp puts the last one out.
    await page.keyboard.press('PageUp');
    await expect.poll(lit, POLL).toBe(oath.length - 1);
  });

  it('stayed clean: no console error and nothing off the origin during the lesson', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});

describe('a stop change with the glide, frame by frame (1920×1080, the system asking for no reduced motion)', () => {
  let glide: Page;
  let glideWatch: PageWatch;

  beforeAll(async () => {
    const glideContext = await softwareBrowser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'no-preference',
    });
    glide = await glideContext.newPage();
    glide.setDefaultTimeout(90_000);
    glideWatch = watchPage(glide, server.url.replace(/\/$/, ''));
  });

  /** Each slide's opacity and the camera's pose, at every animation frame and every 30 ms. */
  interface Sample {
    t: number;
    pose: number[];
    slides: Array<{ name: string; opacity: number }>;
  }

  it('the old slide fades out over a still corridor, the camera glides with no slide over it, the new one fades in once it has stopped', async () => {
    // At the first stop as after a reload there: the camera is at its board already.
    await glide.goto(`${server.url}${SEARCH}#/panel/${lesson[0]?.id}`);
    await waitForExhibit(glide);
    await expectStop(1, 1, glide);
    await waitForStillness(glide);
    const opacityOf = (stop: number) =>
      glide.evaluate(
        (n) => Number(getComputedStyle(document.querySelector(`dialog.projector[data-stop="${n}"]`) ?? document.body).opacity),
        stop,
      );
    await expect.poll(() => opacityOf(1), POLL).toBe(1);
    // On a busy machine the CPU rasteriser draws this page about once a second (and stalls for
    // seconds now and then), and the browser's animations advance only with frames, so a 0.35 s
    // fade would be seen at most as a jump. Run them 12 times slower (over 4 s each), so the
    // readings catch the fades as they run (the camera's glide and the app's timers are not
    // slowed; the app waits for the fade's end, however long it takes). Every frame of a 1080p
    // fade costs a CPU core, so slower still would only make the test dearer.
    const devtools = await glide.context().newCDPSession(glide);
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 1 / 12 });

    await glide.evaluate(() => {
      const samples: Sample[] = [];
      const sample = () => {
        const pose = window.__exhibit?.pose();
        samples.push({
          t: performance.now(),
          pose: pose ? [...pose.position, pose.yaw, pose.pitch] : [],
          slides: [...document.querySelectorAll<HTMLElement>('dialog.projector, dialog.projector-end')].map((slide) => ({
            name: slide.dataset.stop ?? 'end',
            opacity: Number(getComputedStyle(slide).opacity),
          })),
        });
      };
      const frame = () => {
        sample();
        requestAnimationFrame(frame);
      };
      frame();
      setInterval(sample, 30);
      (window as unknown as { __samples: Sample[] }).__samples = samples;
    });
    await glide.keyboard.press('PageDown');

    // On its way, the room sees the corridor alone: a picture of it, once the camera has gone a
    // little way (or the next slide is there already, which the readings below will judge).
    const between = () =>
      glide.evaluate(() => {
        const samples = (window as unknown as { __samples: Sample[] }).__samples;
        const [start, last] = [samples[0], samples.at(-1)];
        if (!start || !last) return 'waiting';
        if (document.querySelector('dialog.projector--shown[data-stop="2"]')) return 'arrived';
        const away = Math.abs((last.pose[2] ?? 0) - (start.pose[2] ?? 0)) > 0.3;
        return away && last.slides.every((slide) => slide.opacity === 0) ? 'between' : 'waiting';
      });
    await expect.poll(between, { timeout: 300_000, interval: 200 }).not.toBe('waiting');
    if ((await between()) === 'between') {
      await saveArtifact('present-glide-between.png', await glide.screenshot({ timeout: 120_000 }));
    }

    await expect.poll(async () => (await position(glide))?.stop, { timeout: 300_000, interval: 200 }).toBe(2);
    await expectStop(2, 1, glide);
    await expect.poll(() => opacityOf(2), { timeout: 120_000, interval: 100 }).toBe(1);
    await saveArtifact('present-glide-arrived.png', await glide.screenshot({ timeout: 120_000 }));
    const samples = await glide.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);

    // Frame by frame: whenever the camera moved since the last reading, no slide was on the
    // screen at all, so no slide was ever half-transparent over a moving corridor.
    const moved = (a: Sample, b: Sample) => a.pose.some((value, i) => Math.abs(value - (b.pose[i] ?? value)) > 1e-3);
    const doubleExposures: string[] = [];
    let travelled = 0;
    for (let i = 1; i < samples.length; i++) {
      const [before, now] = [samples[i - 1] as Sample, samples[i] as Sample];
      if (!moved(before, now)) continue;
      travelled += Math.abs((now.pose[2] ?? 0) - (before.pose[2] ?? 0));
      const over = [...before.slides, ...now.slides].filter((slide) => slide.opacity > 0);
      if (over.length > 0)
        doubleExposures.push(`${Math.round(now.t)} ms: ${over.map((s) => `${s.name} at ${s.opacity}`).join(', ')}`);
    }
    expect(doubleExposures).toEqual([]);
    expect(travelled).toBeGreaterThan(1); // it did glide from one board to the next
    // And the fades themselves were seen as they ran, over a corridor standing still.
    const fading = (name: string) =>
      samples.filter((s) => s.slides.some((slide) => slide.name === name && slide.opacity > 0 && slide.opacity < 1));
    expect(fading('1').length, 'readings during the fade-out').toBeGreaterThan(0);
    expect(fading('2').length, 'readings during the fade-in').toBeGreaterThan(0);
    expect(glideWatch.errors).toEqual([]);
    expect(glideWatch.offOrigin).toEqual([]);
  }, 900_000);
});

describe('auto-advance', () => {
  let contentDir: string;
  let timedServer: StaticServer;
  let timedPage: Page;

  beforeAll(async () => {
    // The shipped content plus a lesson with durations (5 s, the shortest the schema allows).
    contentDir = await mkdtemp(join(tmpdir(), 'present-timed-'));
    await cp(join(ROOT, 'assets/content'), contentDir, { recursive: true });
    const file = join(contentDir, 'exhibition.json');
    const exhibition = JSON.parse(await readFile(file, 'utf8')) as { tours: unknown[] };
    exhibition.tours.push({
      id: 'timed',
      title: '自动放映',
      // Five stops: P comes at the third (or, on a busy machine, the fourth), and there must still
      // be one to go on to after P again.
      stops: [
        { panel: 'central-group-study', duration: 5 },
        { panel: 'deqing-party-history', duration: 5 },
        { panel: 'huang-yong', duration: 5 },
        { panel: 'cpc-founding-1921', duration: 5 },
        { panel: 'zunyi-conference-1935', duration: 5 },
      ],
    });
    await writeFile(file, JSON.stringify(exhibition, null, 2));
    timedServer = await serveStatic(undefined, { '/content/': contentDir });
    const timedContext = await softwareBrowser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    timedPage = await timedContext.newPage();
    timedPage.setDefaultTimeout(90_000);
  });

  afterAll(async () => {
    await timedServer?.close();
    await rm(contentDir, { recursive: true, force: true });
  });

  it("moves on after each stop's duration; P pauses with a visible indicator, and resumes", async () => {
    const where = async () => {
      const now = await position(timedPage);
      return now ? `${now.stop}.${now.page}` : null;
    };
    await timedPage.goto(`${timedServer.url}?mode=present&tour=timed`);
    await waitForExhibit(timedPage);
    await expect.poll(where, POLL).not.toBeNull();
    const indicator = timedPage.locator('dialog.projector--shown .projector__auto');
    expect(await indicator.textContent()).toContain('自动翻页');

    // It moves by itself from the first stop (whose countdown starts as the loading screen fades,
    // so a busy machine shows it here for less than its 5 s) …
    const first = await where();
    await expect.poll(where, { timeout: 30_000, interval: 100 }).not.toBe(first);
    // … and a stop reached by the lesson shows for about its 5 s, not less.
    const second = await where();
    const started = Date.now();
    await expect.poll(where, { timeout: 30_000, interval: 100 }).not.toBe(second);
    expect(Date.now() - started).toBeGreaterThan(3_500);

    // P: paused, and it says so; nothing moves for well over the duration.
    await timedPage.keyboard.press('p');
    await expect.poll(() => indicator.textContent(), POLL).toBe('‖ 自动翻页已暂停（P 继续）');
    const paused = await where();
    expect(Number(paused?.split('.')[0])).toBeLessThan(5);
    await timedPage.waitForTimeout(8_000);
    expect(await where()).toBe(paused);

    // P again: it goes on.
    await timedPage.keyboard.press('p');
    await expect.poll(() => indicator.textContent(), POLL).toContain('▶ 自动翻页');
    await expect.poll(where, { timeout: 30_000, interval: 100 }).not.toBe(paused);
    expect(new URL(timedPage.url()).search).toBe('?mode=present&tour=timed');
  });
});
