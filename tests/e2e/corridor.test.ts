/**
 * The walkable corridor, end to end, on the built site in headless Chromium. One visit is shared
 * by the tests in order (loading the corridor under SwiftShader takes tens of seconds), the way a
 * visitor would: look, open the directory, walk, click a board, read, step, close, go back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  imageStats,
  openVisit,
  type PageWatch,
  type StaticServer,
  saveArtifact,
  shippedPanels,
  type Visit,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';

let visit: Visit;
let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let panels: Awaited<ReturnType<typeof shippedPanels>>;

const dialog = () => page.getByRole('dialog');

async function panelOnScreen(id: string) {
  const point = await page.evaluate((panelId) => window.__exhibit?.projectPanel(panelId) ?? null, id);
  if (!point) throw new Error(`panel ${id} is not in the scene`);
  return point;
}

/** A panel's English title as the shipped JSON gives it. */
async function englishTitle(id: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  for (const file of ['timeline.json', 'deqing.json', 'members.json']) {
    const json = JSON.parse(await readFile(`assets/content/${file}`, 'utf8')) as {
      panels: Array<{ id: string; title: { en?: string; zh: string } | string }>;
    };
    const panel = json.panels.find((candidate) => candidate.id === id);
    if (panel) return typeof panel.title === 'string' ? panel.title : (panel.title.en ?? panel.title.zh);
  }
  throw new Error(`no panel ${id}`);
}

beforeAll(async () => {
  panels = await shippedPanels();
  visit = await openVisit();
  ({ server, browser, page, watch } = visit);
});

afterAll(() => visit?.close());

describe('the corridor', () => {
  it('loads with no console error and no request off the origin', async () => {
    await waitForStillness(page);
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
    expect(await page.title()).toContain('党史长廊');
    // The built page carries a Content-Security-Policy that allows no eval and no other origin.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('starts at the entrance and renders a corridor, not a blank canvas', async () => {
    const pose = await page.evaluate(() => window.__exhibit?.pose());
    expect(pose?.position[2]).toBeGreaterThan(-1.5); // at the entrance end
    const shot = await page.screenshot({ timeout: 120_000 });
    await saveArtifact('corridor-entrance.png', shot);
    const stats = imageStats(shot);
    expect(stats.distinctColours).toBeGreaterThan(500);
    expect(stats.dominantShare).toBeLessThan(0.25);
    expect(stats.meanLuminance).toBeGreaterThan(40);
    const memory = await page.evaluate(() => window.__exhibit?.memory());
    expect(memory?.calls).toBeGreaterThan(10);
  });

  it('lists every panel of the JSON in the directory, as deep links', async () => {
    await page.getByRole('button', { name: /展厅目录/ }).click();
    const nav = page.getByRole('navigation', { name: '展厅目录' });
    await expect.poll(() => nav.isVisible()).toBe(true);
    const hrefs = await nav.locator('a[href^="#/panel/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(panels.map((panel) => `#/panel/${panel.id}`));
    // Reachable by keyboard: the first link takes focus and Escape closes the directory.
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.isVisible()).toBe(false);
  });

  it('walks to a spot clicked on the floor', async () => {
    await waitForStillness(page);
    const before = await page.evaluate(() => window.__exhibit?.pose());
    const box = page.viewportSize();
    if (!box) throw new Error('no viewport');
    await page.mouse.click(box.width / 2, box.height - 150); // the floor a few steps ahead
    await waitForStillness(page);
    const after = await page.evaluate(() => window.__exhibit?.pose());
    expect((after?.position[2] ?? 0) - (before?.position[2] ?? 0)).toBeLessThan(-0.5);
    expect(await dialog().isVisible()).toBe(false);
  });

  it('walks with the keys, and the walls stop the visitor', async () => {
    const before = await page.evaluate(() => window.__exhibit?.pose());
    await page.keyboard.down('w');
    await expect
      .poll(async () => (await page.evaluate(() => window.__exhibit?.pose()))?.position[2], { timeout: 20_000 })
      .toBeLessThan((before?.position[2] ?? 0) - 0.5);
    await page.keyboard.up('w');
    await waitForStillness(page);
    // Letting go stops the visitor: no drift once the key is up.
    const after = await page.evaluate(() => window.__exhibit?.pose());
    await page.waitForTimeout(500);
    expect((await page.evaluate(() => window.__exhibit?.pose()))?.position).toEqual(after?.position);
    // Strafe left and keep the key held well after reaching the wall (frames are slow on CPU WebGL).
    await page.keyboard.down('a');
    await expect
      .poll(async () => (await page.evaluate(() => window.__exhibit?.pose()))?.position[0], { timeout: 30_000 })
      .toBeLessThan(-1.2);
    await page.waitForTimeout(1500);
    await page.keyboard.up('a');
    await waitForStillness(page);
    const atWall = await page.evaluate(() => window.__exhibit?.pose());
    // The corridor is 4.6 m wide; the visitor stops a reading distance (1.05 m) short of the faces
    // of the left wall's boards at x = −2.26, not with a board's letters filling the screen.
    expect(atWall?.position[0]).toBeCloseTo(-1.21, 2);
  });

  it('opens a panel by a real mouse click on its board', async () => {
    const first = panels[0];
    if (!first) throw new Error('no panels');
    await page.keyboard.press('n'); // next panel: the camera eases to the first board
    await expect.poll(() => page.evaluate(() => window.__exhibit?.state().focusPanelId)).toBe(first.id);
    // Frames are slow on CPU WebGL: wait for the glide to bring the board to the middle, then to settle.
    await expect
      .poll(async () => Math.max(...(await panelOnScreen(first.id)).ndc.slice(0, 2).map(Math.abs)), { timeout: 90_000 })
      .toBeLessThan(0.5);
    await waitForStillness(page);
    const point = await panelOnScreen(first.id);
    for (const value of point.ndc) expect(Math.abs(value)).toBeLessThanOrEqual(1);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await dialog().getAttribute('aria-labelledby')).toBeTruthy();
    await expect.poll(() => page.getByRole('dialog', { name: first.title }).count()).toBe(1);
    expect(new URL(page.url()).hash).toBe(`#/panel/${first.id}`);
    await waitForStillness(page);
    await saveArtifact('corridor-card.png', await page.screenshot({ timeout: 120_000 }));
  });

  it('steps with ←/→ inside the card, and back/forward move between opened panels', async () => {
    const [first, second] = panels;
    if (!first || !second) throw new Error('need two panels');
    // From here on the tests look at the card, the history and the language, not at the camera's
    // way there: cuts instead of glides (each glide is dozens of CPU-rendered frames).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await page.evaluate(() => window.__exhibit?.state()))?.reducedMotion).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('dialog', { name: second.title }).count()).toBe(1);
    expect(new URL(page.url()).hash).toBe(`#/panel/${second.id}`);
    await page.goBack();
    await expect.poll(() => page.getByRole('dialog', { name: first.title }).count()).toBe(1);
    await page.goForward();
    await expect.poll(() => page.getByRole('dialog', { name: second.title }).count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('dialog', { name: first.title }).count()).toBe(1);
  });

  it('closes with Esc, goes to #/ and gives the focus back', async () => {
    const target = panels[1];
    if (!target) throw new Error('need two panels');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    // Open the card while a HUD button has the focus, as a keyboard visitor would leave it.
    const button = page.getByRole('button', { name: '下一块展板' });
    await button.focus();
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, target.id);
    await expect.poll(() => page.getByRole('dialog', { name: target.title }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('下一块展板');
  });

  it('closes with × and with a click outside the card', async () => {
    const target = panels[2];
    if (!target) throw new Error('need three panels');
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, target.id);
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(false);
    await page.goBack();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await page.mouse.click(40, 360); // the backdrop, left of the card
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('switches to English without reloading, and back to Chinese', async () => {
    const target = panels[0];
    if (!target) throw new Error('no panels');
    const english = await englishTitle(target.id);
    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: /Directory/ }).count()).toBe(1);
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, target.id);
    await expect.poll(() => page.getByRole('dialog', { name: english }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('stayed clean: no console error and nothing off the origin during the whole visit', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });
});

describe('deep links', () => {
  let deepPage: Page;
  let deepWatch: PageWatch;

  beforeAll(async () => {
    deepPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // As openVisit allows: CPU WebGL delays animation frames (for a minute after a deep link to
    // the far end, while its boards are set), and Playwright waits for them before a click.
    deepPage.setDefaultTimeout(90_000);
    deepWatch = watchPage(deepPage, server.url.replace(/\/$/, ''));
  });

  it('#/panel/<id> opens that panel on arrival, with the camera at its viewpoint', async () => {
    const target = panels[panels.length - 1];
    if (!target) throw new Error('no panels');
    await deepPage.goto(`${server.url}#/panel/${target.id}`);
    await expect.poll(() => deepPage.getByRole('dialog', { name: target.title }).count(), { timeout: 60_000 }).toBe(1);
    // The card opens above the loading screen; the rest of the page takes clicks once it has gone.
    await waitForExhibit(deepPage);
    await expect
      .poll(async () => {
        const point = await deepPage.evaluate((id) => window.__exhibit?.projectPanel(id) ?? null, target.id);
        return point ? Math.max(...point.ndc.map(Math.abs)) : 99;
      })
      .toBeLessThanOrEqual(1);
  });

  it('an unknown id shows a clear message, not a crash', async () => {
    await deepPage.evaluate(() => {
      window.location.hash = '#/panel/no-such-panel';
    });
    const alert = deepPage.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('no-such-panel');
    expect(await deepPage.getByRole('dialog').isVisible()).toBe(false);
    await alert.getByRole('button', { name: '打开展厅目录' }).click();
    await expect.poll(() => deepPage.getByRole('navigation', { name: '展厅目录' }).isVisible()).toBe(true);
    expect(deepWatch.errors).toEqual([]);
    expect(deepWatch.offOrigin).toEqual([]);
  });
});
