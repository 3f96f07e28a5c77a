/**
 * Accessibility of the 3D visit, end to end, in one shared visit (the corridor takes tens of
 * seconds to load under SwiftShader): axe-core on the corridor, the directory, the text twin and
 * an open card; search by a Chinese and an English word opening the card; the card's read-aloud
 * button with speech synthesis replaced by a recorder; a quiz taken with the keyboard alone.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, stubSpeechSynthesis } from './a11ySupport.ts';
import { launchBrowser, type PageWatch, ROOT, type StaticServer, serveStatic, waitForExhibit, watchPage } from './harness.ts';
import { shippedQuiz } from './quizSupport.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;

const artifact = (name: string) => join(ROOT, 'tests/artifacts', name);
const spoken = () => page.evaluate(() => window.__speech?.spoken ?? []);
const cancels = () => page.evaluate(() => window.__speech?.cancels ?? 0);

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // CPU WebGL delays animation frames, which Playwright waits for before a click: allow for it.
  page.setDefaultTimeout(90_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  await stubSpeechSynthesis(page);
  await page.goto(server.url);
  await waitForExhibit(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the search with its key, types the query and follows the first result with the keyboard. */
async function searchAndOpen(query: string, label: string) {
  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: label });
  await box.waitFor();
  await box.fill(query);
  await expect.poll(() => page.locator('dialog.search li').count()).toBeGreaterThan(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe('accessibility of the 3D visit', () => {
  it('the corridor view has no serious or critical axe violation', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing speaks on its own.
    expect(await spoken()).toEqual([]);
  });

  it('the directory has none either, and links to the text version', async () => {
    await page.getByRole('button', { name: /展厅目录/ }).click();
    const directory = page.getByRole('navigation', { name: '展厅目录' });
    await directory.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('a11y-directory.png') });
    await directory.getByRole('link', { name: '文字版 · Text version' }).click();
    await page.locator('main.text-twin').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/text');
    // The corridor is still there underneath, out of reach of keyboards and screen readers.
    expect(await page.locator('.scene-layer').getAttribute('inert')).not.toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('the text twin (with WebGL) has none, and its links open a panel in 3D', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('a11y-text-twin-webgl.png') });
    await page.getByRole('link', { name: /在三维展厅中查看\s*：南昌起义/ }).click();
    const card = page.getByRole('dialog', { name: '南昌起义' });
    await card.waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/panel/nanchang-uprising-1927');
    expect(await page.locator('main.text-twin').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('search finds a panel by a Chinese word and opens its card; the card has no serious axe violation', async () => {
    await searchAndOpen('遵义', '搜索全部展板（中文或英文）');
    const card = page.getByRole('dialog', { name: '遵义会议' });
    await card.waitFor();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/panel/zunyi-conference-1935');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('a11y-card-narration.png') });
  });

  it('the read-aloud button speaks the panel in Chinese only when clicked, and stops on the next panel', async () => {
    const card = page.getByRole('dialog', { name: '遵义会议' });
    expect(await spoken()).toEqual([]);
    await card.getByRole('button', { name: '朗读' }).click();
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(1);
    const said = await spoken();
    expect(said[0]).toEqual({ text: '遵义会议', lang: 'zh-CN', voice: 'Stub Chinese' });
    expect(said.every((part) => part.lang === 'zh-CN')).toBe(true);
    expect(said.map((part) => part.text).join('')).toContain('遵义');
    await expect(card.getByRole('button', { name: '停止朗读' }).getAttribute('aria-pressed')).resolves.toBe('true');
    // Another panel: the narration stops.
    const before = await cancels();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: '长征胜利' }).waitFor();
    await expect.poll(cancels).toBeGreaterThan(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('search finds a panel by an English word; the button speaks English; closing the card stops it', async () => {
    await page.getByRole('button', { name: '切换到英文' }).click();
    await searchAndOpen('zunyi', 'Search every panel (Chinese or English)');
    const card = page.getByRole('dialog', { name: 'The Zunyi Conference' });
    await card.waitFor();
    const before = (await spoken()).length;
    await card.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(before + 1);
    const said = (await spoken()).slice(before);
    expect(said[0]).toEqual({ text: 'The Zunyi Conference', lang: 'en', voice: 'Stub English' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifact('a11y-card-narration-phone.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    const cancelled = await cancels();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(cancels).toBeGreaterThan(cancelled);
  });

  it('the search overlay itself has no serious axe violation, announces its count, and Esc closes it', async () => {
    await page.locator('body').press('/');
    const box = page.getByRole('searchbox', { name: 'Search every panel (Chinese or English)' });
    await box.fill('１９２１');
    await expect.poll(() => page.locator('dialog.search').getByRole('status').textContent()).toMatch(/^\d+ panel\(s\) found$/);
    expect(await page.locator('dialog.search mark').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('a11y-search.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search').count()).toBe(0);
    // Focus is back where it was, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('DIALOG');
  });

  it('takes a quiz with the keyboard alone, in English: focus on each question, feedback announced, no serious axe violation', async () => {
    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          tag: element?.tagName ?? '',
          type: element?.getAttribute('type') ?? '',
          text: element?.textContent?.trim() ?? '',
        };
      });
    /** Tabs forward until the focused element passes `wanted` (at most 30 presses). */
    const tabTo = async (wanted: (focused: Awaited<ReturnType<typeof active>>) => boolean) => {
      for (let press = 0; press < 30 && !wanted(await active()); press++) await page.keyboard.press('Tab');
      expect(wanted(await active()), JSON.stringify(await active())).toBe(true);
    };
    await page.locator('#quiz-toggle').focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: 'Quiz', exact: true });
    await list.waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/quiz');
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo((focused) => focused.tag === 'A' && focused.text.startsWith('Party History Corridor · Quiz'));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Party History Corridor · Quiz' });
    await dialog.waitFor();
    const total = (await shippedQuiz('corridor')).questions.length;
    for (let n = 1; n <= total; n++) {
      // Each question's heading takes the focus, so a screen reader reads it first.
      await expect.poll(async () => (await active()).tag).toBe('H3');
      expect((await active()).text).toContain(`Question ${n} of ${total}`);
      if (n === 1) expect(await seriousViolations(page)).toEqual([]);
      await tabTo((focused) => focused.tag === 'INPUT');
      await page.keyboard.press('Space');
      await tabTo((focused) => focused.tag === 'BUTTON' && focused.text === 'Submit');
      await page.keyboard.press('Enter');
      const feedback = dialog.getByTestId('quiz-feedback');
      await expect.poll(() => feedback.textContent()).toMatch(/Correct!|Not quite\./);
      expect(await feedback.getAttribute('aria-live')).toBe('polite');
      // The focus stays on the one button, now the way on.
      expect((await active()).text).toBe(n === total ? 'See the result' : 'Next question');
      if (n === 1) {
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: artifact('a11y-quiz-feedback.png') });
      }
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await active()).text).toBe('Quiz complete');
    expect(await dialog.getByTestId('quiz-score').textContent()).toMatch(new RegExp(`\\d+ / ${total}`));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: artifact('a11y-quiz-result.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quiz-toggle');
  });

  it('caused no console error and no request off the origin', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
