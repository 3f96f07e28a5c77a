/**
 * 先审后发 end to end, against the real station server (a child process, real SQLite) that builds
 * the public site itself, in headless Chromium: an editor fills 德清县党史 and submits it with a
 * note; a reviewer, in a browser of their own, sees the change old → new, approves it, and
 * watches the real `vite build` run on a progress bar to 已发布为版本 2; the visitor page then
 * shows the paragraph; a submission whose photo is broken (a JPEG cut short: its header reads, its
 * pixels do not) fails to build and publishes nothing; version 1 is restored from the history as
 * the draft, submitted, approved and published again, and the visitor page is back as it was.
 *
 * The station starts with the build of this checkout already in its builds folder (the build
 * `npm run test:e2e` made, under the stamp the station computes for its content), so only the
 * publish itself runs vite; version 1 restored is that same build, switched to at once.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBuildStamp, STAMP_INPUTS } from '../../src/server/site/buildStamp.ts';
import { type ChildStation, ROOT, spawnStation, tempDir } from '../server/stationHarness.ts';
import { seriousViolations } from './a11ySupport.ts';
import { logIn, openCurator, pageApi } from './curatorPages.ts';
import { DIST, launchBrowser, type PageWatch, saveArtifact, watchPage } from './harness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const EDITOR_PASSWORD = 'editor password 1';
const PANEL = 'deqing-party-history';
const PARAGRAPH = '德清县党史：经审核发布的第一段。';
const POLL = { timeout: 120_000, interval: 250 };
const BUILD_POLL = { timeout: 300_000, interval: 500 };

let dataDir: string;
let station: ChildStation;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watches: PageWatch[] = [];
let reviewer: Page;
let editor: Page;

/** The panel's body as the public site serves it now. */
async function publishedBody(): Promise<string> {
  const response = await fetch(new URL('content/deqing.json', station.url), { cache: 'no-store' });
  const file = (await response.json()) as { panels: Array<{ id: string; body?: unknown }> };
  return JSON.stringify(file.panels.find((panel) => panel.id === PANEL)?.body ?? null);
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: '布展栏目' }).getByRole('button', { name });
}

/** The reviewer approves the newest submission and waits for the publish to end; the progress seen on the way. */
async function approveNewest(page: Page): Promise<{ progress: number[]; text: string }> {
  // The screen reads the submissions as it opens: opened afresh, it lists the one just made.
  await nav(page, '历史版本').click();
  await nav(page, '审核发布').click();
  const screen = page.getByRole('region', { name: '审核发布' });
  await screen.getByRole('region', { name: '提交记录' }).getByRole('button').first().click();
  await screen.getByRole('button', { name: '批准并发布' }).click();
  const progress: number[] = [];
  const bar = screen.getByRole('progressbar', { name: '发布进度' });
  await expect.poll(() => bar.count(), POLL).toBe(1);
  const deadline = Date.now() + BUILD_POLL.timeout;
  let text = '';
  while (Date.now() < deadline) {
    // Sampled as it runs, never waiting for it (the bar may have gone between two looks).
    const value = (await bar.count()) > 0 ? await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null) : null;
    if (value !== null) progress.push(Number(value));
    const panel = screen.locator('.curate-publish');
    text = (await panel.count()) > 0 ? ((await panel.textContent({ timeout: 1000 }).catch(() => '')) ?? '') : '';
    if (/已发布为版本|发布失败/.test(text)) break;
    await page.waitForTimeout(BUILD_POLL.interval);
  }
  // The bar as it stands with the outcome shown: the sample above may be from just before the end.
  const last = (await bar.count()) > 0 ? await bar.getAttribute('aria-valuenow', { timeout: 1000 }).catch(() => null) : null;
  if (last !== null) progress.push(Number(last));
  return { progress, text };
}

beforeAll(async () => {
  dataDir = await tempDir('publish-e2e');
  // The checkout's build under the stamp the station gives its content store (seeded from assets/).
  const stamp = await computeBuildStamp(ROOT, STAMP_INPUTS, join(ROOT, 'assets'));
  await mkdir(join(dataDir, 'builds'), { recursive: true });
  await cp(DIST, join(dataDir, 'builds', stamp), { recursive: true });
  await writeFile(join(dataDir, 'builds/current.json'), JSON.stringify({ current: stamp, previous: [] }));
  station = await spawnStation({ dataDir, serveDist: null, env: { STATION_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (process.env.PUBLISH_DEBUG) console.log(station?.output());
  await station?.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('先审后发 on the station server', () => {
  let original: string;

  it('the station serves the build it was given, without building again', async () => {
    original = await publishedBody();
    expect(original).not.toContain('经审核发布');
    expect(station.output()).not.toContain('building it now');
  });

  it('an editor fills 德清县党史 and submits it with a note', async () => {
    reviewer = await openCurator(browser, station.url, { contexts, watches }, { width: 1280, height: 900 });
    await logIn(reviewer, 'admin', ADMIN_PASSWORD);
    const created = await pageApi(reviewer, 'POST', 'api/curate/accounts', {
      username: 'editor1',
      role: 'editor',
      password: EDITOR_PASSWORD,
    });
    expect(created.status).toBe(201);

    editor = await openCurator(browser, station.url, { contexts, watches }, { width: 1280, height: 900 });
    await logIn(editor, 'editor1', EDITOR_PASSWORD);
    const panels = editor.getByRole('region', { name: '展板编辑' });
    await panels.getByRole('navigation', { name: '展板' }).getByRole('button', { name: '德清县党史', exact: true }).click();
    const form = editor.getByRole('form', { name: '德清县党史' });
    await form.getByLabel('正文第 1 段（中文）').fill(PARAGRAPH);
    await expect.poll(() => editor.getByTestId('curate-save-state').getAttribute('data-state'), POLL).toBe('saved');

    await nav(editor, '审核发布').click();
    const screen = editor.getByRole('region', { name: '审核发布' });
    await screen.getByLabel('修改说明').fill('补上德清县党史的第一段');
    await screen.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => screen.getByText('已提交审核，等待审核人员审核。').count(), POLL).toBe(1);
    const list = screen.getByRole('region', { name: '提交记录' });
    await expect.poll(async () => (await list.textContent()) ?? '', POLL).toContain('待审核');
    // An editor reviews nothing.
    expect(await screen.getByRole('button', { name: '批准并发布' }).count()).toBe(0);
    expect(await seriousViolations(editor)).toEqual([]);
  });

  it('the reviewer sees the change old → new, approves it, and the real build runs on a progress bar to version 2', async () => {
    await nav(reviewer, '审核发布').click();
    const screen = reviewer.getByRole('region', { name: '审核发布' });
    await screen.getByRole('region', { name: '提交记录' }).getByRole('button').first().click();
    await expect.poll(async () => (await screen.textContent()) ?? '', POLL).toContain(PARAGRAPH);
    expect(await screen.textContent()).toContain('补上德清县党史的第一段');
    await saveArtifact('publish-review.png', await reviewer.screenshot({ fullPage: true }));
    expect(await seriousViolations(reviewer)).toEqual([]);

    const { progress, text } = await approveNewest(reviewer);
    expect(text).toContain('已发布为版本 2');
    // The bar moved on its way (sampled as it ran), never back, and ended full.
    expect(progress.length).toBeGreaterThan(2);
    for (let index = 1; index < progress.length; index++)
      expect(progress[index]).toBeGreaterThanOrEqual(progress[index - 1] as number);
    expect(progress.at(-1)).toBe(100);
    await saveArtifact('publish-done.png', await reviewer.screenshot({ fullPage: true }));

    // The visitor's next load: the paragraph on the card.
    expect(await publishedBody()).toContain('经审核发布的第一段');
    const visitor = await browser.newPage();
    watches.push(watchPage(visitor, station.url.replace(/\/$/, '')));
    await visitor.goto(`${station.url}#/panel/${PANEL}`);
    const card = visitor.getByRole('dialog', { name: '德清县党史' });
    await expect.poll(async () => (await card.textContent().catch(() => '')) ?? '', POLL).toContain('经审核发布的第一段');
    await visitor.close();
  });

  it('a submission with a broken photo fails to build and publishes nothing, saying why', async () => {
    // A photo copied by hand and cut short: its header reads (the check passes), its pixels do not.
    const whole = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a5caa' } })
      .jpeg()
      .toBuffer();
    const draft = await pageApi(editor, 'GET', 'api/curate/draft');
    const snapshot = draft.json as {
      files: Record<string, { panels: Array<Record<string, unknown>> }>;
      versions: { panels: Record<string, { version: string }> };
    };
    const panel = snapshot.files['content/deqing.json']?.panels.find((candidate) => candidate.id === PANEL) as Record<
      string,
      unknown
    >;
    const saved = await pageApi(editor, 'PUT', `api/curate/draft/panels/${PANEL}`, {
      baseVersion: snapshot.versions.panels[PANEL]?.version,
      panel: {
        ...panel,
        body: [{ zh: '这一版的照片坏了。' }],
        images: [{ src: 'photos/broken.jpg', caption: '损坏的照片', alt: '一张损坏的照片' }],
      },
    });
    expect(saved.status).toBe(200);
    await writeFile(join(dataDir, 'draft/photos/broken.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
    const submitted = await pageApi(editor, 'POST', 'api/curate/submissions', { note: '坏照片' });
    expect(submitted.status).toBe(201);

    const before = await publishedBody();
    const { text } = await approveNewest(reviewer);
    expect(text).toContain('发布失败');
    expect(text).toContain('没有发布任何内容');
    // In the build's own words, before anyone opens the log: which photo.
    expect(text).toContain('photos/broken.jpg');
    const screen = reviewer.getByRole('region', { name: '审核发布' });
    expect(await screen.locator('details pre').textContent()).toMatch(/broken\.jpg|premature end/i);
    expect(await publishedBody()).toBe(before);
    await saveArtifact('publish-failed.png', await reviewer.screenshot({ fullPage: true }));
  });

  it('version 1 restored from the history, submitted and published again: the visitor page is back as it was', async () => {
    await nav(reviewer, '历史版本').click();
    const history = reviewer.getByRole('region', { name: '历史版本' });
    await expect.poll(async () => (await history.textContent()) ?? '', POLL).toContain('版本 2');
    await history.getByRole('button', { name: '把版本 1 恢复为草稿' }).click();
    await reviewer.getByRole('dialog', { name: '把版本 1 恢复为草稿？' }).getByRole('button', { name: '恢复为草稿' }).click();
    // The draft holds the broken-photo edit nobody will publish: asked once more.
    const replace = reviewer.getByRole('dialog', { name: '替换草稿里尚未提交的修改？' });
    if (await replace.count()) await replace.getByRole('button', { name: '替换草稿并恢复' }).click();
    await expect.poll(() => history.getByText('已把版本 1 恢复为草稿').count(), POLL).toBeGreaterThan(0);

    await nav(editor, '审核发布').click();
    const screen = editor.getByRole('region', { name: '审核发布' });
    await screen.getByLabel('修改说明').fill('恢复到最初的版本');
    await screen.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => screen.getByText('已提交审核，等待审核人员审核。').count(), POLL).toBe(1);

    const { text } = await approveNewest(reviewer);
    expect(text).toContain('已发布为版本 3');
    expect(await publishedBody()).toBe(original);
    await nav(reviewer, '历史版本').click();
    await expect.poll(async () => (await history.textContent()) ?? '', POLL).toContain('恢复自版本 1');
    await saveArtifact('publish-history.png', await reviewer.screenshot({ fullPage: true }));
    expect(await seriousViolations(reviewer)).toEqual([]);
  });

  it('no page logged an error and nothing left the station', () => {
    for (const watch of watches) {
      expect(watch.offOrigin).toEqual([]);
      // 404: the broken photo has no thumbnail in the review (the server cannot read it either);
      // the refusals the test asked for are the browser's network lines, not the page's errors.
      expect(watch.errors.filter((error) => !/status of (401|403|404|409|422)/.test(error))).toEqual([]);
    }
  });
});
