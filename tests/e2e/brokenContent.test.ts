/**
 * Bad content in the running site: the shipped content with one panel broken (its title removed)
 * and HTML with a <script> typed into another panel's text, served in place of the shipped JSON.
 * The broken panel is left out and named in the problems view; every other panel still opens;
 * the HTML is shown as the text it is and never runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  type PageWatch,
  ROOT,
  type StaticServer,
  serveStatic,
  shippedPanels,
  waitForExhibit,
  watchPage,
} from './harness.ts';

const BROKEN_ID = 'nanchang-uprising-1927';
const HTML_ID = 'red-culture';
const HTML_TEXT = 'Tags stay text: <b>bold</b> <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

let folder: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let panels: Awaited<ReturnType<typeof shippedPanels>>;

beforeAll(async () => {
  panels = await shippedPanels();
  folder = mkdtempSync(join(tmpdir(), 'broken-content-'));
  cpSync(join(ROOT, 'assets/content'), folder, { recursive: true });
  const edit = (file: string, change: (json: { panels: Array<Record<string, unknown>> }) => void) => {
    const path = join(folder, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
  };
  edit('timeline.json', (json) => {
    const panel = json.panels.find((candidate) => candidate.id === BROKEN_ID);
    if (!panel) throw new Error(`no ${BROKEN_ID}`);
    delete panel.title;
  });
  edit('deqing.json', (json) => {
    const panel = json.panels.find((candidate) => candidate.id === HTML_ID);
    if (!panel) throw new Error(`no ${HTML_ID}`);
    panel.body = [...((panel.body as unknown[]) ?? []), { zh: HTML_TEXT, en: HTML_TEXT }];
  });
  server = await serveStatic(undefined, { '/content/': folder });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  // CPU WebGL delays animation frames, which Playwright waits for before a click: allow for it.
  page.setDefaultTimeout(90_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  await page.goto(server.url);
  await waitForExhibit(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a broken panel in the content', () => {
  it('is left out of the directory while every other panel is listed', async () => {
    await page.getByRole('button', { name: /展厅目录/ }).click();
    const nav = page.getByRole('navigation', { name: '展厅目录' });
    const hrefs = await nav.locator('a[href^="#/panel/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(panels.filter((panel) => panel.id !== BROKEN_ID).map((panel) => `#/panel/${panel.id}`));
    await page.keyboard.press('Escape');
  });

  it('is named by file and JSON path in the content problems view', async () => {
    await page.getByRole('button', { name: /展厅目录/ }).click();
    await page.getByRole('link', { name: /内容问题|content problem/ }).click();
    const view = page.getByRole('region', { name: /内容问题/ }).or(page.locator('section.problems'));
    // The broken panel's index in the shipped file, read rather than hard-coded (content grows).
    const timeline = JSON.parse(readFileSync(join(ROOT, 'assets/content/timeline.json'), 'utf8')) as {
      panels: Array<{ id: string }>;
    };
    const index = timeline.panels.findIndex((panel) => panel.id === BROKEN_ID);
    expect(index).toBeGreaterThanOrEqual(0);
    await expect.poll(() => view.first().textContent()).toContain(`assets/content/timeline.json: panels[${index}].title`);
    expect(await view.first().textContent()).toContain('title');
    expect(new URL(page.url()).hash).toBe('#/problems');
  });

  it('names there too the quiz question whose board is gone, without a quiz being opened first', async () => {
    // The view asks for quiz.json itself; the question that cites the broken panel is an error.
    const quizFile = JSON.parse(readFileSync(join(ROOT, 'assets/content/quiz.json'), 'utf8')) as {
      quizzes: Array<{ questions: Array<{ panel: string }> }>;
    };
    const citing = quizFile.quizzes.flatMap((quiz, q) =>
      quiz.questions.flatMap((question, n) => (question.panel === BROKEN_ID ? [`quizzes[${q}].questions[${n}].panel`] : [])),
    );
    expect(citing.length).toBeGreaterThan(0);
    expect((await page.evaluate(() => window.__exhibit?.state().quiz))?.screen).toBeNull(); // no quiz screen was ever open
    const view = page.locator('section.problems');
    for (const path of citing) {
      await expect.poll(() => view.textContent()).toContain(`assets/content/quiz.json: ${path}: `);
    }
    expect(await view.textContent()).toContain(BROKEN_ID);
    // Both lists, one after the other: the panel's problem is still there.
    expect(await view.textContent()).toContain('assets/content/timeline.json: ');
    expect(await view.getByRole('status').count()).toBe(0);
  });

  it('leaves every other panel opening by its deep link', async () => {
    for (const panel of panels.filter((candidate) => candidate.id !== BROKEN_ID)) {
      await page.evaluate((id) => {
        window.location.hash = `#/panel/${id}`;
      }, panel.id);
      await expect.poll(() => page.getByRole('dialog', { name: panel.title }).count()).toBe(1);
    }
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, BROKEN_ID);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(BROKEN_ID);
  });

  it('shows HTML in content as text, and never runs it', async () => {
    const target = panels.find((panel) => panel.id === HTML_ID);
    if (!target) throw new Error(`no ${HTML_ID}`);
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, HTML_ID);
    const card = page.getByRole('dialog', { name: target.title });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await card.locator('b, script, img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('reports the problems as content warnings, not as page errors', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});
