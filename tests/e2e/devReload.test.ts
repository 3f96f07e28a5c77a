/**
 * Dev mode, end to end: the dev server runs on a scratch copy of the content, a visitor has the
 * corridor open, staff edit a JSON file — and the running corridor shows the change without a
 * restart or a page reload, with the visitor's open card still open.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, watchPage } from './harness.ts';

let folder: string;
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  // A scratch project root: its own assets (content, photos), the real code and packages.
  folder = mkdtempSync(join(tmpdir(), 'dev-reload-'));
  mkdirSync(join(folder, 'assets'));
  cpSync(join(ROOT, 'assets/content'), join(folder, 'assets/content'), { recursive: true });
  cpSync(join(ROOT, 'assets/photos'), join(folder, 'assets/photos'), { recursive: true });
  cpSync(join(ROOT, 'index.html'), join(folder, 'index.html'));
  symlinkSync(join(ROOT, 'src'), join(folder, 'src'));
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
  // The exhibition plugin stands aside under Vitest (unit tests load the config too); this test
  // wants it, exactly as `npm start` runs it.
  const vitest = process.env.VITEST;
  delete process.env.VITEST;
  server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: folder,
    logLevel: 'warn',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [ROOT, folder] } },
  });
  if (vitest !== undefined) process.env.VITEST = vitest;
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server is not listening on a port');
  const { port } = address as AddressInfo;
  url = `http://127.0.0.1:${port}/`;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  watchPage(page, url.replace(/\/$/, ''));
  await page.goto(url);
  await page.waitForFunction(() => window.__exhibit?.state().view === 'corridor', undefined, { timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('dev mode', () => {
  it('shows an edited JSON file in the running corridor without a reload', async () => {
    // Open a card, and mark the page: a reload would lose both.
    await page.evaluate(() => {
      window.location.hash = '#/panel/zunyi-conference-1935';
      Object.assign(window, { __sameDocument: true });
    });
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 60_000 }).toBe(1);

    // Staff rename a panel, using characters the fonts already have (so no new font is needed): a
    // title is bold on its board, and the boards' Bold file holds only what they draw in bold.
    const file = join(folder, 'assets/content/timeline.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { panels: Array<{ id: string; title: unknown }> };
    const target = json.panels.find((panel) => panel.id === 'nanchang-uprising-1927');
    if (!target) throw new Error('no nanchang-uprising-1927');
    target.title = { zh: '南昌起义 1927', en: 'Nanchang Uprising 1927' };
    writeFileSync(file, JSON.stringify(json, null, 2));

    const link = page.locator('#directory a[href="#/panel/nanchang-uprising-1927"]');
    await expect.poll(() => link.textContent(), { timeout: 60_000 }).toContain('南昌起义 1927');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.evaluate(() => window.__exhibit?.state().openPanelId)).toBe('zunyi-conference-1935');
  });
});
