/**
 * 布展 end to end, against the real station server (a child process, real SQLite) serving the
 * built site, in headless Chromium: a 审核 logs in on the curator page (?mode=curate) and makes an
 * editor's account; the editor, in a browser of their own, logs in and fills 德清县党史 on the
 * editor screen (展板编辑) with a paragraph and a photo, saved by itself; sees it in the preview —
 * the draft built by the real `vite build` and opened at /preview/ as the projector's stop —
 * while the public site still shows the published board; a reload finds the draft intact; a
 * second browser's save of the same panel meanwhile shows both versions in the editor instead of
 * overwriting either; an anonymous write and one from another site's page are refused and change
 * nothing. The session cookie is HttpOnly, out of the page's reach.
 */
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildStation, spawnStation, tempDir } from '../server/stationHarness.ts';
import { seriousViolations } from './a11ySupport.ts';
import { logIn, openCurator, pageApi } from './curatorPages.ts';
import { DIST, launchBrowser, type PageWatch, saveArtifact, waitForExhibit, watchPage } from './harness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const EDITOR_PASSWORD = 'editor password 1';
const PANEL = 'deqing-party-history';
const PARAGRAPH = '德清县党史：<b>这里</b>由大队填写的第一段。';
const POLL = { timeout: 120_000, interval: 250 };

let dataDir: string;
let station: ChildStation;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watches: PageWatch[] = [];
let reviewer: Page;
let editor: Page;
/** A page on another origin (another port of this machine), for the cross-site write. */
let elsewhere: Server;

interface Snapshot {
  files: Record<string, { panels: Array<Record<string, unknown>> }>;
  versions: { panels: Record<string, { version: string }> };
}

async function deqingPanel(page: Page): Promise<{ panel: Record<string, unknown>; version: string }> {
  const { json } = await pageApi(page, 'GET', 'api/curate/draft');
  const snapshot = json as Snapshot;
  const panel = snapshot.files['content/deqing.json']?.panels.find((candidate) => candidate.id === PANEL);
  if (!panel) throw new Error('no 德清县党史 panel in the draft');
  return { panel, version: snapshot.versions.panels[PANEL]?.version as string };
}

beforeAll(async () => {
  dataDir = await tempDir('curate-e2e');
  station = await spawnStation({ dataDir, serveDist: DIST, env: { STATION_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  browser = await launchBrowser();
  elsewhere = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>another site</title>');
  });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
});

afterAll(async () => {
  await browser?.close();
  await station?.kill();
  await new Promise((done) => elsewhere?.close(done));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('布展 on the station server', () => {
  it('a 审核 logs in on the curator page and makes an editor’s account', async () => {
    reviewer = await openCurator(browser, station.url, { contexts, watches });
    await logIn(reviewer, 'admin', ADMIN_PASSWORD);
    expect(await reviewer.getByText('当前账号：admin（审核）').count()).toBeGreaterThan(0);
    // The session is an HttpOnly cookie: the page itself cannot read it.
    expect(await reviewer.evaluate(() => document.cookie)).toBe('');
    await reviewer.getByRole('navigation', { name: '布展栏目' }).getByRole('button', { name: '账号管理' }).click();
    const accounts = reviewer.getByRole('region', { name: '账号管理' });
    await accounts.getByRole('button', { name: '新建账号' }).click();
    const form = accounts.getByRole('region', { name: '新建账号' });
    await form.getByLabel('用户名').fill('editor1');
    await form.getByLabel('初始密码').fill(EDITOR_PASSWORD);
    await form.getByLabel('再输一遍新密码').fill(EDITOR_PASSWORD);
    await form.locator('input[type="radio"][value="editor"]').check();
    await form.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => reviewer.locator('.curate-account').count(), POLL).toBe(2);
    expect(await seriousViolations(reviewer)).toEqual([]);
    await saveArtifact('curate-accounts.png', await reviewer.screenshot());
  });

  it('the editor fills 德清县党史 with a paragraph and a photo on the editor screen, saved by itself', async () => {
    editor = await openCurator(browser, station.url, { contexts, watches });
    await logIn(editor, 'editor1', EDITOR_PASSWORD);
    expect(await editor.getByText('当前账号：editor1（编辑）').count()).toBeGreaterThan(0);
    // An editor is no 审核: the accounts are not theirs.
    expect((await pageApi(editor, 'GET', 'api/curate/accounts')).status).toBe(403);
    const screen = editor.getByRole('region', { name: '展板编辑' });
    await screen.getByRole('navigation', { name: '展板' }).getByRole('button', { name: '德清县党史', exact: true }).click();
    const form = editor.getByRole('form', { name: '德清县党史' });
    await form.getByLabel('正文第 1 段（中文）').fill(PARAGRAPH);
    const saveState = editor.getByTestId('curate-save-state');
    await expect.poll(() => saveState.getAttribute('data-state'), POLL).toBe('saved');
    // A photo straight from a camera, through the file picker.
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b3121a' } })
      .jpeg()
      .toBuffer();
    await form.getByLabel('上传照片').setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => form.getByLabel('第 1 张图片说明（中文）').count(), POLL).toBe(1);
    await form.getByLabel('第 1 张图片说明（中文）').fill('大队党史长廊（测试照片）');
    await form.getByLabel('第 1 张图片替代文字（中文）').fill('一张红色的测试照片');
    await expect.poll(() => saveState.getAttribute('data-state'), POLL).toBe('saved');
    // On the server, as typed, the photo named by the server.
    await expect
      .poll(
        async () => ((await deqingPanel(editor)).panel.images as Array<{ src: string; alt: unknown }> | undefined)?.[0]?.alt,
        POLL,
      )
      .toEqual('一张红色的测试照片');
    const { panel } = await deqingPanel(editor);
    // The Chinese as typed; the English beside it kept.
    expect((panel.body as Array<{ zh: string; en?: string }>)[0]?.zh).toBe(PARAGRAPH);
    expect((panel.images as Array<{ src: string }>)[0]?.src).toMatch(/^photos\/uploads\/[\d-]+-[0-9a-f]{16}\.jpg$/);
    expect(await seriousViolations(editor)).toEqual([]);
    await saveArtifact('curate-editor.png', await editor.screenshot({ fullPage: true }));
  });

  it('the preview builds the draft and shows the paragraph on the stop; the public site does not', async () => {
    const screen = editor.getByRole('region', { name: '展板编辑' });
    await screen.getByRole('button', { name: '预览', exact: true }).click();
    const open = screen.getByRole('link', { name: '打开预览' });
    await expect.poll(() => open.count(), { timeout: 240_000, interval: 1000 }).toBe(1);
    expect(await open.getAttribute('href')).toContain(`preview/#/panel/${PANEL}`);
    const preview = await editor.context().newPage();
    preview.setDefaultTimeout(120_000);
    watches.push(watchPage(preview, station.url.replace(/\/$/, '')));
    await preview.goto(`${station.url}preview/?mode=present&tour=all#/panel/${PANEL}`);
    const slide = preview.getByRole('dialog', { name: '德清县党史' });
    await expect.poll(async () => (await slide.textContent()) ?? '', POLL).toContain('由大队填写的第一段');
    // Typed HTML is text, on the board's slide as everywhere.
    expect(await slide.textContent()).toContain('<b>这里</b>');
    expect(await slide.locator('b').count()).toBe(0);
    // The photo from the upload, from its generated sizes (never the original).
    const image = slide.getByRole('img', { name: '一张红色的测试照片' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), POLL).toBeGreaterThan(0);
    expect(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/preview\/generated\/photos\//);
    await waitForExhibit(preview);
    await saveArtifact('curate-preview.png', await preview.screenshot({ timeout: 120_000 }));
    await preview.close();
    // The public site is the published one.
    const published = await (await fetch(new URL('content/deqing.json', station.url))).text();
    expect(published).not.toContain('由大队填写的第一段');
    // Without the session, no preview.
    expect((await fetch(new URL('preview/content/deqing.json', station.url))).status).toBe(401);
  });

  it('a reload finds the draft intact; a second browser’s save meanwhile shows both versions, overwriting neither', async () => {
    await editor.reload();
    await expect.poll(() => editor.locator('.curate-page').getAttribute('data-curate-phase'), POLL).toBe('ready');
    const screen = editor.getByRole('region', { name: '展板编辑' });
    await screen.getByRole('navigation', { name: '展板' }).getByRole('button', { name: '德清县党史', exact: true }).click();
    const form = editor.getByRole('form', { name: '德清县党史' });
    await expect.poll(() => form.getByLabel('正文第 1 段（中文）').inputValue(), POLL).toBe(PARAGRAPH);
    expect(await form.getByLabel('第 1 张图片说明（中文）').inputValue()).toBe('大队党史长廊（测试照片）');
    // The reviewer, in a second browser, saves the same panel first…
    const { panel, version } = await deqingPanel(reviewer);
    const theirs = await pageApi(reviewer, 'PUT', `api/curate/draft/panels/${PANEL}`, {
      baseVersion: version,
      panel: { ...panel, summary: { zh: '审核改的摘要' } },
    });
    expect(theirs.status).toBe(200);
    // …and the editor, still on the version before it, types.
    await form.getByLabel('摘要（中文）').fill('编辑改的摘要');
    const conflict = editor.getByRole('dialog', { name: '有人同时修改了这块展板' });
    await expect.poll(() => conflict.count(), POLL).toBe(1);
    const both = (await conflict.textContent()) ?? '';
    expect(both).toContain('审核改的摘要');
    expect(both).toContain('编辑改的摘要');
    expect(await editor.getByTestId('curate-save-state').getAttribute('data-state')).toBe('conflict');
    // Nothing was overwritten: the server still has the reviewer's.
    expect((await deqingPanel(editor)).panel.summary).toEqual({ zh: '审核改的摘要' });
    await saveArtifact('curate-conflict.png', await editor.screenshot());
    const violations = await seriousViolations(editor);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('an anonymous write and one from another site’s page are refused and change nothing', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const stranger = await context.newPage();
    await stranger.goto(`${station.url}?mode=curate`);
    const { panel, version } = await deqingPanel(editor);
    const anonymous = await pageApi(stranger, 'PUT', `api/curate/draft/panels/${PANEL}`, {
      baseVersion: version,
      panel: { ...panel, summary: { zh: '匿名写入' } },
    });
    expect(anonymous.status).toBe(401);
    // Another site's page (another port: the same site to the browser, so the editor's cookie goes
    // along) asks to duplicate the panel: a form-like request a page may send anywhere.
    const other = await editor.context().newPage();
    await other.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
    const crossSite = await other.evaluate(async (url) => {
      const response = await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}' });
      return response.type;
    }, `${station.url}api/curate/draft/panels/${PANEL}/duplicate`);
    expect(crossSite).toBe('opaque');
    await other.close();
    const now = await deqingPanel(editor);
    expect(now.version).toBe(version);
    expect(now.panel.summary).toEqual({ zh: '审核改的摘要' });
    const { json } = await pageApi(editor, 'GET', 'api/curate/draft');
    const ids = (json as Snapshot).files['content/deqing.json']?.panels.map((candidate) => candidate.id);
    expect(ids).not.toContain(`${PANEL}-copy`);
  });

  it('the form shows the photo and crops it by a drag, edits a field of a board’s kind, and says at the title when it prints smaller', async () => {
    // The conflict of the test before: the reviewer's version is kept.
    await editor.getByRole('dialog', { name: '有人同时修改了这块展板' }).getByRole('button', { name: '用对方的版本' }).click();
    const saveState = editor.getByTestId('curate-save-state');
    // The uploaded photo, as the station shows it to the form: upright, small, behind the session.
    const thumbnail = editor.getByRole('img', { name: '第 1 张图片（缩略图）' });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth), POLL).toBeGreaterThan(0);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight)).toBeCloseTo(1.5, 1);
    // The mouse reaches only what is in the viewport.
    await thumbnail.scrollIntoViewIfNeeded();
    const box = await thumbnail.boundingBox();
    if (!box) throw new Error('the thumbnail is not laid out');
    await editor.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.1);
    await editor.mouse.down();
    for (let step = 1; step <= 5; step++) {
      await editor.mouse.move(box.x + box.width * (0.2 + step * 0.14), box.y + box.height * (0.1 + step * 0.16));
    }
    await editor.mouse.up();
    await expect
      .poll(async () => ((await deqingPanel(editor)).panel.images as Array<{ crop?: unknown }>)[0]?.crop, POLL)
      .toBeTruthy();
    const crop = ((await deqingPanel(editor)).panel.images as Array<{ crop: Record<string, number> }>)[0]?.crop ?? {};
    expect(crop.x).toBeCloseTo(0.2, 1);
    expect(crop.y).toBeCloseTo(0.1, 1);
    expect(crop.width).toBeCloseTo(0.7, 1);
    expect(crop.height).toBeCloseTo(0.8, 1);
    await saveArtifact('curate-crop.png', await editor.locator('.curate-photo').first().screenshot());

    // A figure of a stats board: a field of its kind, from the schema.
    const screen = editor.getByRole('region', { name: '展板编辑' });
    await screen.getByRole('navigation', { name: '展板' }).getByRole('button', { name: '王彦平的监督检查', exact: true }).click();
    const form = editor.locator('form[aria-labelledby]');
    await expect.poll(() => form.getByLabel(/^数字 1 · 数值/).count(), POLL).toBe(1);
    await form.getByLabel(/^数字 1 · 数值/).fill('205');
    await expect.poll(() => saveState.getAttribute('data-state'), POLL).toBe('saved');
    const stats = async () => {
      const { json } = await pageApi(editor, 'GET', 'api/curate/draft');
      return (json as Snapshot).files['content/members.json']?.panels.find((panel) => panel.id === 'wang-yanping-figures');
    };
    await expect.poll(async () => ((await stats())?.stats as Array<{ value: unknown }> | undefined)?.[0]?.value, POLL).toBe(205);
    // A title that fits its board only printed smaller is told so at the title as it is typed.
    await form.getByLabel('标题（中文）').fill('王彦平同志二〇二一年以来的消防监督检查工作');
    const titleProblems = form
      .locator('.curate-field')
      .filter({ has: editor.getByLabel('标题（中文）') })
      .locator('li');
    await expect.poll(() => titleProblems.allTextContents(), POLL).toEqual([expect.stringMatching(/缩小到原来的 \d+% 才放得下/)]);
    expect(await titleProblems.first().getAttribute('data-severity')).toBe('warning');
    // The page scrolls inside its panes, so a full-page shot would be mostly empty: the form's top in view.
    await editor.getByLabel('标题（中文）').scrollIntoViewIfNeeded();
    await saveArtifact('curate-kind-fields.png', await editor.screenshot());
    // The reviewer, in the other browser, opens the same board: each sees the other is there.
    await reviewer.getByRole('navigation', { name: '布展栏目' }).getByRole('button', { name: '展板编辑' }).click();
    await reviewer
      .getByRole('region', { name: '展板编辑' })
      .getByRole('navigation', { name: '展板' })
      // Under the title the editor just typed (the draft is shared).
      .getByRole('button', { name: /^王彦平同志二〇二一年以来/ })
      .click();
    await expect.poll(() => editor.getByText('admin 也在编辑这块展板').count(), POLL).toBe(1);
    await expect.poll(() => reviewer.getByText('editor1 也在编辑这块展板').count(), POLL).toBe(1);
    const violations = await seriousViolations(editor);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('讲解路线: a new tour made from its template, its first stop pointed at 德清县党史, saved to the draft', async () => {
    await editor.getByRole('navigation', { name: '布展栏目' }).getByRole('button', { name: '讲解路线' }).click();
    const tours = editor.getByRole('region', { name: '讲解路线' });
    await tours.getByRole('button', { name: '新建讲解路线' }).click();
    await tours.getByLabel('路线名称（可不填）').fill('新消防员入队第一课');
    await tours.getByRole('button', { name: '创建路线' }).click();
    const draftTours = async () => {
      const { json } = await pageApi(editor, 'GET', 'api/curate/draft');
      return (
        (json as { files: Record<string, { tours?: Array<{ title: unknown; stops: Array<{ panel: string }> }> }> }).files[
          'content/exhibition.json'
        ]?.tours ?? []
      ).filter((tour) => tour.title === '新消防员入队第一课');
    };
    await expect.poll(async () => (await draftTours()).length, POLL).toBe(1);
    const stop = tours.getByLabel(/^讲解站 1 · 展板/);
    await expect.poll(() => stop.count(), POLL).toBe(1);
    await stop.selectOption(PANEL);
    await expect.poll(() => editor.getByTestId('curate-save-state').getAttribute('data-state'), POLL).toBe('saved');
    await expect.poll(async () => (await draftTours())[0]?.stops[0]?.panel, POLL).toBe(PANEL);
    await saveArtifact('curate-tours.png', await editor.screenshot());
    const violations = await seriousViolations(editor);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('栏目: a new section made, moved up by the keyboard, shown empty in the panel list, then deleted', async () => {
    const nav = editor.getByRole('navigation', { name: '布展栏目' });
    await nav.getByRole('button', { name: '栏目' }).click();
    const sections = editor.getByRole('region', { name: '栏目' });
    await sections.getByRole('button', { name: '新建栏目' }).click();
    await sections.getByLabel('栏目名称（可不填）').fill('Honour roll');
    await sections.getByRole('button', { name: '创建栏目' }).click();
    const sectionIds = async () => {
      const { json } = await pageApi(editor, 'GET', 'api/curate/draft');
      const files = (json as { files: Record<string, { sections?: Array<{ id: string }> } | undefined> }).files;
      return {
        ids: (files['content/exhibition.json']?.sections ?? []).map((entry) => entry.id),
        file: files['content/honour-roll.json'],
      };
    };
    await expect.poll(async () => (await sectionIds()).ids.at(-1), POLL).toBe('honour-roll');
    expect((await sectionIds()).file).toEqual({ $schema: './section.schema.json', panels: [] });
    const count = (await sectionIds()).ids.length;
    // By the keyboard: the focus stays on 上移 as the section climbs.
    const up = sections.getByRole('button', { name: '上移“Honour roll”' });
    await up.focus();
    await editor.keyboard.press('Enter');
    await expect.poll(async () => (await sectionIds()).ids.indexOf('honour-roll'), POLL).toBe(count - 2);
    await expect.poll(() => up.evaluate((element) => element === document.activeElement), POLL).toBe(true);
    expect(await sections.getByRole('status').first().textContent()).toContain(`移到第 ${count - 1} 位`);

    await nav.getByRole('button', { name: '展板编辑' }).click();
    const list = editor.getByRole('region', { name: '展板编辑' }).getByRole('region', { name: 'Honour roll' });
    await expect.poll(() => list.getByText('这个栏目还没有展板').count(), POLL).toBe(1);

    await nav.getByRole('button', { name: '栏目' }).click();
    await sections.getByRole('button', { name: 'Honour roll', exact: true }).click();
    await sections.getByRole('button', { name: '删除“Honour roll”' }).click();
    const asked = editor.getByRole('dialog', { name: '删除栏目“Honour roll”？' });
    await asked.getByRole('button', { name: '确认删除' }).click();
    await expect.poll(async () => (await sectionIds()).ids.includes('honour-roll'), POLL).toBe(false);
    expect((await sectionIds()).file).toBeUndefined();
    const violations = await seriousViolations(editor);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('no page logged an error and nothing left the station', () => {
    for (const watch of watches) {
      expect(watch.offOrigin).toEqual([]);
      // The refusals this test asked for are the browser's network lines, not the page's errors.
      expect(watch.errors.filter((error) => !/status of (401|403|409)/.test(error))).toEqual([]);
    }
  });
});
