/**
 * The room quiz end to end, on the built site in headless Chromium: the 新队员入队教育 lesson in
 * projector mode, Q straight into its quiz (quiz.json fetched only then), two questions run with
 * the clicker — each shown in projector type, paused with P, revealed with its correct option
 * marked and its explanation, then the next — and back again.
 *
 * Cheap on purpose: one page, reduced motion (the camera cuts, so no glide is ever waited for),
 * and the quiz never leaves the first stop's board, so the corridor does not draw again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/content/quizSchema.ts';
import { seedFromText } from '../../src/quiz/random.ts';
import { shuffleOptions } from '../../src/quiz/shuffle.ts';
import { seriousViolations } from './a11ySupport.ts';
import { launchBrowser, type PageWatch, ROOT, type StaticServer, serveStatic, waitForExhibit, watchPage } from './harness.ts';

interface ShippedQuestion {
  id: string;
  kind: string;
  prompt: { zh: string };
  options: Array<{ id: string; text: { zh: string } }>;
  answer: string[];
  explanation: { zh: string };
  seconds?: number;
}

const POLL = { timeout: 60_000, interval: 200 };

let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let quizTitle: string;
let questions: ShippedQuestion[];
let authored: ShippedQuestion[];
const quizRequests: string[] = [];

/** The room quiz's slide as the room (and a screen reader) sees it. */
async function slide() {
  return page.evaluate(() => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog[data-testid="room-quiz"]');
    if (!dialog) return null;
    const byId = (id: string | null) => (id ? (document.getElementById(id)?.textContent ?? '') : '');
    return {
      phase: dialog.dataset.phase ?? '',
      question: Number(dialog.dataset.question ?? 0),
      name: byId(dialog.getAttribute('aria-labelledby')),
      prompt: byId(dialog.getAttribute('aria-describedby')),
      options: [...dialog.querySelectorAll<HTMLElement>('li[data-option]')].map((li) => ({
        id: li.dataset.option ?? '',
        letter: li.querySelector('.room-quiz__letter')?.textContent ?? '',
        text: li.querySelector('.room-quiz__option-text')?.textContent ?? '',
        correct: li.dataset.correct ?? null,
      })),
      explanation: dialog.querySelector('[data-testid="room-quiz-explanation"]')?.textContent ?? null,
      announcement: dialog.querySelector('[data-testid="room-quiz-announcement"]')?.textContent ?? '',
      secondsLeft: dialog.querySelector<HTMLElement>('[data-testid="room-quiz-countdown"]')?.dataset.secondsLeft ?? null,
      paused: Boolean(dialog.querySelector('.room-quiz__paused')),
    };
  });
}

/** Waits until the slide shows question `n` (1-based) in `phase`, and checks what the room reads. */
async function expectQuestion(n: number, phase: 'answering' | 'revealed') {
  const question = questions[n - 1];
  if (!question) throw new Error(`the quiz has no question ${n}`);
  await expect.poll(async () => `${(await slide())?.phase} ${(await slide())?.question}`, POLL).toBe(`${phase} ${n}`);
  const shown = await slide();
  expect(shown?.name).toBe(`第 ${n} 题`);
  expect(shown?.prompt).toBe(question.prompt.zh);
  // The question as written, its options as dealt (every one of them, none twice), lettered A, B, C… as shown.
  expect(question.id).toBe(authored[n - 1]?.id);
  expect(shown?.options.map((option) => option.id).sort()).toEqual(authored[n - 1]?.options.map((option) => option.id).sort());
  expect(shown?.options.map((option) => [option.id, option.letter, option.text])).toEqual(
    question.options.map((option, index) => [option.id, String.fromCharCode(65 + index), option.text.zh]),
  );
  // One dialog for a screen reader: the quiz's (the stop beneath is hidden from it).
  expect(await page.getByRole('dialog', { name: `第 ${n} 题`, exact: true }).count()).toBe(1);
  expect(await page.getByRole('dialog').count()).toBe(1);
  if (phase === 'answering') {
    expect(shown?.options.every((option) => option.correct === null)).toBe(true);
    expect(shown?.explanation).toBeNull();
  } else {
    expect(shown?.options.filter((option) => option.correct === 'true').map((option) => option.id)).toEqual(question.answer);
    expect(shown?.explanation).toBe(question.explanation.zh);
    expect(shown?.announcement).toContain('正确答案：');
    expect(shown?.announcement).toContain(question.explanation.zh);
  }
  return shown;
}

beforeAll(async () => {
  const file = JSON.parse(await readFile(join(ROOT, 'assets/content/quiz.json'), 'utf8')) as {
    quizzes: Array<{ id: string; title: { zh: string }; questions: ShippedQuestion[] }>;
  };
  const quiz = file.quizzes.find((candidate) => candidate.id === 'new-recruits');
  if (!quiz) throw new Error('no new-recruits quiz in quiz.json');
  quizTitle = quiz.title.zh;
  // The room asks in the authored order, with each question's options dealt from the quiz's id.
  questions = shuffleOptions(quiz as unknown as Quiz, seedFromText(quiz.id)).questions as unknown as ShippedQuestion[];
  authored = quiz.questions;
  server = await serveStatic();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  page = await context.newPage();
  page.setDefaultTimeout(90_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/content/quiz.json')) quizRequests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the room quiz in projector mode', () => {
  it('opens the lesson at its first stop without fetching the quiz', async () => {
    await page.goto(`${server.url}?mode=present&tour=new-recruits`);
    await waitForExhibit(page);
    await expect.poll(() => page.locator('dialog.projector.projector--shown').count(), POLL).toBe(1);
    expect(quizRequests).toEqual([]);
  });

  it('Q goes straight to the quiz: its title slide, quiz.json fetched now', async () => {
    await page.keyboard.press('q');
    await expect.poll(async () => (await slide())?.phase, POLL).toBe('title');
    expect((await slide())?.name).toBe(quizTitle);
    expect(await page.getByRole('dialog', { name: quizTitle, exact: true }).isVisible()).toBe(true);
    expect(quizRequests.length).toBe(1);
  });

  it('the clicker puts question 1 in projector type, with its countdown; P pauses it', async () => {
    await page.keyboard.press('PageDown');
    const shown = await expectQuestion(1, 'answering');
    // Type the back of the room can read: the question at least 5% of the screen height, options 4%.
    const sizes = await page.evaluate(() => ({
      prompt: Number.parseFloat(getComputedStyle(document.querySelector('.room-quiz__prompt') as Element).fontSize),
      option: Number.parseFloat(getComputedStyle(document.querySelector('.room-quiz__option') as Element).fontSize),
      height: window.innerHeight,
    }));
    expect(sizes.prompt / sizes.height).toBeGreaterThanOrEqual(0.05);
    expect(sizes.option / sizes.height).toBeGreaterThanOrEqual(0.04);
    if (questions[0]?.seconds) {
      expect(Number(shown?.secondsLeft)).toBeGreaterThan(0);
      expect(Number(shown?.secondsLeft)).toBeLessThanOrEqual(questions[0].seconds);
      await page.keyboard.press('p');
      await expect.poll(async () => (await slide())?.paused, POLL).toBe(true);
      const held = (await slide())?.secondsLeft;
      await page.waitForTimeout(1_500);
      expect((await slide())?.secondsLeft).toBe(held);
    }
  });

  it('the next click reveals the answer: the correct option marked, the explanation, announced; no serious axe violation', async () => {
    expect(await seriousViolations(page)).toEqual([]); // the question, before the answer
    await page.keyboard.press('PageDown');
    await expectQuestion(1, 'revealed');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('then question 2, and its answer', async () => {
    await page.keyboard.press('PageDown');
    await expectQuestion(2, 'answering');
    await page.keyboard.press('ArrowRight');
    await expectQuestion(2, 'revealed');
  });

  it('goes back a slide at a time with PageUp', async () => {
    await page.keyboard.press('PageUp');
    await expectQuestion(2, 'answering');
    await page.keyboard.press('PageUp');
    await expectQuestion(1, 'revealed');
  });

  it('stayed clean: no console error and nothing off the origin; quiz.json fetched once', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
    expect(quizRequests.length).toBe(1);
  });

  it('a reload of the projector window comes back to the same slide of the quiz, and goes on from there', async () => {
    await expectQuestion(1, 'revealed');
    await page.reload();
    await waitForExhibit(page);
    await expectQuestion(1, 'revealed');
    expect(quizRequests.length).toBe(2); // the new page fetched it again, once
    await page.keyboard.press('PageDown');
    await expectQuestion(2, 'answering');
    expect(watch.errors).toEqual([]);
  });

  it('after the closing slide comes the end slide, and a reload there comes back to it', async () => {
    const endShown = () => page.getByRole('dialog', { name: '讲解结束', exact: true });
    // Through every question and answer to the closing slide, then one more: the lesson's end.
    for (let press = 0; press < 2 * questions.length + 2 && (await slide())?.phase !== 'finished'; press++) {
      const before = JSON.stringify(await slide());
      await page.keyboard.press('PageDown');
      await expect.poll(async () => JSON.stringify(await slide()), POLL).not.toBe(before);
    }
    expect((await slide())?.phase).toBe('finished');
    await page.keyboard.press('PageDown');
    await endShown().waitFor({ state: 'visible' });
    await page.reload();
    await waitForExhibit(page);
    await endShown().waitFor({ state: 'visible' });
    expect(await page.getByRole('dialog').count()).toBe(1);
    // Back from it: the quiz's closing slide, as before the reload.
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await slide())?.phase, POLL).toBe('finished');
    await expect.poll(() => endShown().count(), POLL).toBe(0);
    expect(watch.errors).toEqual([]);
  });
});
