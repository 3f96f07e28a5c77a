/**
 * The lobby kiosk (`?mode=kiosk`) end to end, on the built site in headless Chromium with touch
 * emulation: real taps (`touchscreen.tap`) and a long press (CDP touch events), a short `?idle=`.
 *
 * One kiosk page is shared by the tests in order, as one day in the lobby would go: the attract
 * loop, a visit with a card and the language switched, the idle warning, the reset, the admin
 * screen, a second visit while a new version of the content arrives (taken at the reset, not
 * mid-visit), a lost WebGL context that comes back, one that does not, and an uncaught error.
 * A second context starts the kiosk with the server stopped after the first load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';
import {
  imageStats,
  launchBrowser,
  type PageWatch,
  type StaticServer,
  saveArtifact,
  serveStatic,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';
import {
  ADMIN_PIN,
  afterGlide,
  atEntrance,
  copySite,
  holdUntilVisible,
  kioskState,
  panelPoint,
  type SiteCopy,
  touchContext,
  VIEWPORT,
  waitForKiosk,
} from './kioskSupport.ts';

/** The ids of the shipped panels that hang at least one photo. */
async function panelsWithPhotos(): Promise<Set<string>> {
  const panels = allPanels(await loadShippedExhibition());
  return new Set(panels.filter((panel) => 'images' in panel && (panel.images?.length ?? 0) > 0).map((panel) => panel.id));
}

/** Long enough for each step of the test on CPU WebGL (`?idle=`). */
const IDLE = 24;
/** The warning shows for the last 8 s (`?warn=`): 16 s without a touch before it comes. */
const WARN = 8;
/**
 * The attract loop's rest on each board (`?rest=`; 8 s as shipped). Longer here: each of its glides
 * costs the CPU about 5 s of drawing, and the tests that run in the attract loop (the admin screen,
 * the lost contexts, the heartbeat) need it only to be running; the loop's own test waits out one rest.
 */
const REST = 14;

let browser: Browser;
let site: SiteCopy;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let watch: PageWatch;
let firstPanel: { id: string; zh: string; en: string };
/** history.length when the kiosk has just started (the tab's about:blank counts too). */
let historyAtStart: number;

const dialog = (name?: string) => page.getByRole('dialog', name ? { name } : undefined);
const attract = () => page.getByTestId('kiosk-attract');

async function readPanelTitles(dir: string) {
  const exhibition = JSON.parse(await readFile(join(dir, 'content/exhibition.json'), 'utf8')) as {
    sections: Array<{ file: string }>;
  };
  const first = exhibition.sections[0];
  if (!first) throw new Error('no sections');
  const file = JSON.parse(await readFile(join(dir, 'content', first.file), 'utf8')) as {
    panels: Array<{ id: string; title: { zh: string; en?: string } | string }>;
  };
  const panel = file.panels[0];
  if (!panel) throw new Error('no panels');
  const title = typeof panel.title === 'string' ? { zh: panel.title, en: panel.title } : panel.title;
  return { id: panel.id, zh: title.zh, en: title.en ?? title.zh };
}

async function tapPanel(id: string) {
  const point = await panelPoint(page, id);
  for (const value of point.ndc) expect(Math.abs(value)).toBeLessThanOrEqual(1);
  await page.touchscreen.tap(point.x, point.y);
}

/** Marks the document; the mark is gone once the page has reloaded. */
const markDocument = () => page.evaluate(() => Object.assign(window, { __sameDocument: true }));
const sameDocument = () =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true).catch(() => false);

beforeAll(async () => {
  site = await copySite();
  firstPanel = await readPanelTitles(site.dir);
  server = await serveStatic(site.dir);
  browser = await launchBrowser();
  context = await touchContext(browser);
  page = await context.newPage();
  // A cold load of the corridor on a busy CPU can take more than Playwright's default 30 s.
  page.setDefaultTimeout(90_000);
  cdp = await context.newCDPSession(page);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  await page.goto(`${server.url}?mode=kiosk&idle=${IDLE}&warn=${WARN}&rest=${REST}`);
  await waitForExhibit(page);
  historyAtStart = await page.evaluate(() => history.length);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('kiosk: a day in the lobby', () => {
  it('runs the attract loop: 开始参观 / Touch to start, gliding board to board and resting without drawing', async () => {
    await expect.poll(() => attract().isVisible()).toBe(true);
    expect(await attract().textContent()).toContain('开始参观');
    expect(await attract().textContent()).toContain('Touch to start');
    expect(await page.getByRole('button', { name: /开始参观/ }).count()).toBe(1);

    // Resting on a stop: once settled, nothing is drawn. (Wait for a fresh arrival, so the rest is
    // still ahead of us.)
    const before0 = await kioskState(page);
    const resting = await waitForKiosk(page, (state) => state.attractPanelId !== before0.attractPanelId);
    await waitForStillness(page, 600);
    const before = await page.evaluate(() => window.__exhibit?.frames() ?? 0);
    await page.waitForTimeout(2000);
    const after = await page.evaluate(() => window.__exhibit?.frames() ?? 0);
    expect(after).toBe(before);
    const shot = await page.screenshot({ timeout: 120_000 });
    await saveArtifact('kiosk-attract.png', shot);
    expect(imageStats(shot).distinctColours).toBeGreaterThan(500);

    // …then it glides on to the next stop, drawing as it goes.
    const restingPose = await page.evaluate(() => window.__exhibit?.pose());
    await waitForKiosk(page, (state) => state.attractPanelId !== resting.attractPanelId);
    await expect
      .poll(async () => JSON.stringify((await page.evaluate(() => window.__exhibit?.pose()))?.position), { timeout: 60_000 })
      .not.toBe(JSON.stringify(restingPose?.position));
    expect(await page.evaluate(() => window.__exhibit?.frames() ?? 0)).toBeGreaterThan(after);
  });

  it('is locked down: no context menu, selection, zoom, drag, or keys that reload or go back', async () => {
    const checks = await page.evaluate(() => {
      const fire = (event: Event, target: EventTarget = document.body) => {
        target.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const canvas = document.querySelector('.exhibit-canvas') as HTMLElement;
      const html = getComputedStyle(document.documentElement);
      return {
        kioskClass: document.documentElement.classList.contains('kiosk-mode'),
        contextMenu: fire(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })),
        selectStart: fire(new Event('selectstart', { bubbles: true, cancelable: true })),
        dragStart: fire(new Event('dragstart', { bubbles: true, cancelable: true })),
        ctrlWheel: fire(new WheelEvent('wheel', { ctrlKey: true, deltaY: -120, bubbles: true, cancelable: true })),
        touchAction: getComputedStyle(canvas).touchAction,
        bodyTouchAction: getComputedStyle(document.body).touchAction,
        userSelect: getComputedStyle(document.body).userSelect,
        overscroll: html.overscrollBehaviorX,
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
        openWindow: window.open('https://example.org/') === null,
        links: [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')),
      };
    });
    expect(checks).toMatchObject({
      kioskClass: true,
      contextMenu: true,
      selectStart: true,
      dragStart: true,
      ctrlWheel: true,
      touchAction: 'none',
      bodyTouchAction: 'none',
      userSelect: 'none',
      overscroll: 'none',
      openWindow: true,
    });
    expect(checks.viewport).toContain('user-scalable=no');
    expect(checks.links.filter((href) => !href?.startsWith('#/'))).toEqual([]);

    // Real key presses: each reaches the page already prevented, and the page stays.
    await page.evaluate(() => {
      const seen: Array<[string, boolean]> = [];
      Object.assign(window, { __keysSeen: seen });
      window.addEventListener('keydown', (event) => seen.push([event.key, event.defaultPrevented]), { capture: true });
    });
    await markDocument();
    for (const chord of ['F5', 'Control+r', 'Control+Shift+R', 'Alt+ArrowLeft', 'Backspace', 'Control+p', 'Control+=', 'F12']) {
      await page.keyboard.press(chord);
    }
    const seen = await page.evaluate(() => (window as unknown as { __keysSeen: Array<[string, boolean]> }).__keysSeen);
    expect(seen.filter(([key]) => !['Control', 'Shift', 'Alt'].includes(key))).toEqual([
      ['F5', true],
      ['r', true],
      ['R', true],
      ['ArrowLeft', true],
      ['Backspace', true],
      ['p', true],
      ['=', true],
      ['F12', true],
    ]);
    expect(await sameDocument()).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  });

  it('a touch starts a visit at the entrance, with large touch controls', async () => {
    await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height * 0.45);
    await waitForKiosk(page, (state) => state.phase === 'visit');
    expect(await attract().count()).toBe(0);
    await atEntrance(page);
    // Previous, home, next, language: every control at least 60 px each way.
    for (const name of ['上一块展板', '回到入口', '下一块展板', '切换到英文']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box?.width, name).toBeGreaterThanOrEqual(60);
      expect(box?.height, name).toBeGreaterThanOrEqual(60);
    }
    // The visitor's mouse-and-keyboard HUD is not there.
    expect(await page.getByRole('button', { name: /展厅目录/ }).count()).toBe(0);
    await saveArtifact('kiosk-visit.png', await page.screenshot({ timeout: 120_000 }));
  });

  it('next glides to a board; a tap on the board opens its card; × closes it', async () => {
    await afterGlide(page, () => page.getByRole('button', { name: '下一块展板' }).tap());
    await tapPanel(firstPanel.id);
    await expect.poll(() => dialog(firstPanel.zh).count(), { timeout: 30_000 }).toBe(1);
    const close = await page.getByRole('button', { name: '关闭' }).boundingBox();
    expect(Math.min(close?.width ?? 0, close?.height ?? 0)).toBeGreaterThanOrEqual(60);
    // Nothing goes into the history: there is never a page to go back to.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
    await page.getByRole('button', { name: '关闭' }).tap();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('switches to English, and the card opens in English', async () => {
    await page.getByRole('button', { name: '切换到英文' }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await waitForStillness(page);
    await tapPanel(firstPanel.id);
    await expect.poll(() => dialog(firstPanel.en).count(), { timeout: 30_000 }).toBe(1);
    await waitForStillness(page);
    await saveArtifact('kiosk-card.png', await page.screenshot({ timeout: 120_000 }));
  });

  it('left alone, it asks 还在参观吗？ with a countdown; a touch on the warning continues the visit', async () => {
    const warned = await waitForKiosk(page, (state) => state.warning !== null, (IDLE + 30) * 1000);
    expect(warned.warning).toBeLessThanOrEqual(WARN);
    const warning = page.getByTestId('kiosk-warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('Are you still there?');
    expect(await warning.textContent()).toContain('还在参观吗？');
    await saveArtifact('kiosk-warning.png', await page.screenshot({ timeout: 120_000 }));
    await page.getByRole('button', { name: 'Continue' }).tap();
    await waitForKiosk(page, (state) => state.warning === null);
    expect(await kioskState(page)).toMatchObject({ phase: 'visit', warning: null });
    // The card is still open underneath: the tap that answered the warning went nowhere else.
    expect(await dialog(firstPanel.en).count()).toBe(1);
  });

  it('then resets: the card closes, the language is Chinese again, the attract loop resumes', async () => {
    const reset = await waitForKiosk(page, (state) => state.resets === 1, (IDLE + 40) * 1000);
    expect(reset.phase).toBe('attract');
    await expect.poll(() => attract().isVisible()).toBe(true);
    expect(await dialog().count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => window.__exhibit?.state())).toMatchObject({
      openPanelId: null,
      lang: 'zh',
      view: 'corridor',
    });
    // Cut back to the entrance (drawn with the next frame), and touring again.
    await expect
      .poll(async () => (await page.evaluate(() => window.__exhibit?.pose()))?.position[2], { timeout: 30_000 })
      .toBeGreaterThan(-1.5);
    await waitForKiosk(page, (state) => state.attractPanelId !== null);

    // The visit was counted, with the board's reading time; nothing personal.
    const stats = await page.evaluate(() => window.__kiosk?.stats());
    const days = Object.values(stats?.days ?? {});
    expect(days).toHaveLength(1);
    expect(days[0]?.visits).toBe(1);
    expect(days[0]?.boards[firstPanel.id]?.opens).toBe(2);
    expect(days[0]?.boards[firstPanel.id]?.seconds).toBeGreaterThan(IDLE);
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });

  it('a 5 s press in the corner and the PIN open the admin screen: statistics, CSV export, back', async () => {
    const pad = page.getByRole('dialog', { name: /管理/ });
    const pressed = Date.now();
    await holdUntilVisible(cdp, 30, 30, pad);
    // Only a long hold opens it: the admin corner waits 5 s (ADMIN_HOLD_MS).
    expect(Date.now() - pressed).toBeGreaterThanOrEqual(5000);
    expect((await kioskState(page)).phase).toBe('admin');
    // A wrong PIN is refused.
    for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).tap();
    await pad.getByRole('button', { name: '确定' }).tap();
    await expect.poll(() => pad.textContent()).toContain('密码不对');
    for (const digit of ADMIN_PIN) await pad.getByRole('button', { name: digit, exact: true }).tap();
    await pad.getByRole('button', { name: '确定' }).tap();
    const admin = page.getByTestId('kiosk-admin');
    await expect.poll(() => admin.isVisible()).toBe(true);
    const today = await page.getByTestId('kiosk-stats-days').locator('tbody tr').first().locator('td').allTextContents();
    expect(today[1]).toBe('1'); // one visit today
    expect(today[2]).toBe('2'); // two cards opened
    expect(await page.getByTestId('kiosk-stats-boards').textContent()).toContain(firstPanel.zh);
    expect(await page.getByTestId('kiosk-offline-status').textContent()).toBe('离线可用');
    await saveArtifact('kiosk-admin.png', await page.screenshot({ timeout: 120_000 }));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).tap();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.startsWith('\uFEFF日期 date,类别 kind,展板编号 panel_id')).toBe(true);
    expect(csv).toMatch(/,参观 visits,,,1,\d+\r\n/);
    expect(csv).toContain(`,展板 board,${firstPanel.id},${firstPanel.zh},2,`);

    await page.getByRole('button', { name: '返回' }).tap();
    await waitForKiosk(page, (state) => state.phase === 'attract');
    await expect.poll(() => attract().isVisible()).toBe(true);
  });

  it('new content arriving mid-visit waits, and is taken at the next reset', async () => {
    await page.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height * 0.45);
    await waitForKiosk(page, (state) => state.phase === 'visit');
    await site.publishNewTitle('党史长廊（新）');
    await page.evaluate(() => window.__kiosk?.checkForUpdate());
    await waitForKiosk(page, (state) => state.offline.updateWaiting, 60_000);
    // Mid-visit nothing changes under the visitor.
    expect((await kioskState(page)).phase).toBe('visit');
    expect(await page.locator('.kiosk-hud-top h1').textContent()).toBe('党史长廊');
    await markDocument();
    // The idle reset activates the new version and reloads onto the attract screen.
    await expect.poll(sameDocument, { timeout: (IDLE + 60) * 1000, interval: 500 }).toBe(false);
    await waitForExhibit(page);
    await expect.poll(() => attract().textContent(), { timeout: 30_000 }).toContain('党史长廊（新）');
    expect((await kioskState(page)).offline.updateWaiting).toBe(false);
    // The statistics survived the reload.
    const stats = await page.evaluate(() => window.__kiosk?.stats());
    expect(Object.values(stats?.days ?? {})[0]?.visits).toBe(2);
  });

  it('a lost WebGL context shows 正在恢复 and comes back', async () => {
    await waitForKiosk(page, (state) => state.attractPanelId !== null);
    await page.evaluate(() => {
      const canvas = document.querySelector('.exhibit-canvas canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2');
      const extension = gl?.getExtension('WEBGL_lose_context');
      if (!extension) throw new Error('no WEBGL_lose_context');
      Object.assign(window, { __loseContext: extension });
      extension.loseContext();
    });
    await waitForKiosk(page, (state) => state.contextLost);
    await expect.poll(() => page.locator('.kiosk-recovering').textContent()).toContain('正在恢复');
    await markDocument();
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
    await waitForKiosk(page, (state) => !state.contextLost);
    await expect.poll(() => page.locator('.kiosk-recovering').count()).toBe(0);
    // Drawing again (three.js starts its counters afresh with the new context), text and photos uploaded anew.
    const framesRestored = await page.evaluate(() => window.__exhibit?.frames() ?? 0);
    await expect
      .poll(() => page.evaluate(() => window.__exhibit?.frames() ?? 0), { timeout: 60_000 })
      .toBeGreaterThan(framesRestored);
    await waitForStillness(page);
    const memory = await page.evaluate(() => window.__exhibit?.memory());
    expect(memory?.textures).toBeGreaterThan(0);
    const shot = await page.screenshot({ timeout: 120_000 });
    await saveArtifact('kiosk-context-restored.png', shot);
    const stats = imageStats(shot);
    expect(stats.distinctColours).toBeGreaterThan(500);
    expect(stats.dominantShare).toBeLessThan(0.5);
    expect(await sameDocument()).toBe(true);
  });

  it('a context that does not come back within seconds reloads the page', async () => {
    await markDocument();
    await page.evaluate(() => {
      const canvas = document.querySelector('.exhibit-canvas canvas') as HTMLCanvasElement;
      canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await waitForKiosk(page, (state) => state.contextLost);
    await expect.poll(sameDocument, { timeout: 60_000, interval: 500 }).toBe(false);
    await waitForExhibit(page);
    await waitForKiosk(page, (state) => state.phase === 'attract' && !state.contextLost);
    await expect.poll(() => attract().isVisible()).toBe(true);
  });

  it('beats a heartbeat a watchdog can read: the page title, localStorage and window.__kioskHeartbeat', async () => {
    const read = () =>
      page.evaluate(() => ({
        title: document.title,
        stored: JSON.parse(localStorage.getItem('dangshi.kiosk.heartbeat') ?? 'null') as { at: number; phase: string } | null,
        value: window.__kioskHeartbeat ?? null,
      }));
    const first = await read();
    const beat = Number(/ · kiosk-heartbeat=(\d+)$/.exec(first.title)?.[1]);
    expect(Math.abs(beat - Date.now() / 1000)).toBeLessThan(30);
    expect(first.title.startsWith('党史长廊')).toBe(true);
    expect(first.stored?.phase).toBe('attract');
    expect(first.value?.at).toBe(first.stored?.at);
    await expect
      .poll(async () => Number(/kiosk-heartbeat=(\d+)$/.exec((await read()).title)?.[1]), { timeout: 20_000 })
      .toBeGreaterThan(beat);
  });

  it('an uncaught error shows a calm 正在恢复 screen, then reloads', async () => {
    await markDocument();
    // The page itself watches for the screen and notes it where the reload keeps it (the tab's
    // sessionStorage): it shows for 3 s, which a busy machine can spend between two reads from here.
    await page.evaluate(() => {
      const seen = () => {
        const dialog = document.querySelector<HTMLDialogElement>('.kiosk-recovering');
        if (!dialog?.open) return;
        sessionStorage.setItem(
          '__recoveringSeen',
          JSON.stringify({ text: dialog.textContent ?? '', modal: dialog.matches(':modal') }),
        );
        observer.disconnect();
      };
      const observer = new MutationObserver(seen);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => {
        throw new Error('kiosk test: something broke');
      });
    });
    await expect.poll(sameDocument, { timeout: 60_000, interval: 500 }).toBe(false);
    await waitForExhibit(page);
    const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('__recoveringSeen'))) ?? 'null') as {
      text: string;
      modal: boolean;
    } | null;
    expect(seen?.text).toContain('正在恢复');
    expect(seen?.modal).toBe(true);
    await expect.poll(() => attract().isVisible()).toBe(true);
    const errors = await page.evaluate(() => localStorage.getItem('dangshi.kiosk.errors') ?? '');
    expect(errors).toContain('something broke');
    expect(errors).toContain('WebGL context was not restored');
    expect(watch.offOrigin).toEqual([]);
  });
});

describe('kiosk: offline', () => {
  // Last, on the same kiosk page: its service worker has precached the site since the first load
  // (and again after the content update), so the server can go for good.
  it('starts and runs with the server stopped after the first load (service worker precache)', async () => {
    const offlinePage = page;
    const url = `${server.url}?mode=kiosk&idle=60&rest=${REST}`;
    await waitForKiosk(offlinePage, (state) => state.offline.cache === 'ready');
    await offlinePage.waitForFunction(() => Boolean(navigator.serviceWorker.controller));

    await server.close();
    const failed: string[] = [];
    offlinePage.on('requestfailed', (request) => {
      if (!/^(blob|data):/.test(request.url())) failed.push(request.url());
    });
    await offlinePage.goto(url, { timeout: 120_000 });
    await waitForExhibit(offlinePage);
    await waitForKiosk(offlinePage, (state) => state.phase === 'attract');
    // The server is really gone: only the service worker answers.
    const direct = await offlinePage.evaluate(
      (href) =>
        fetch(href, { cache: 'no-store' }).then(
          (response) => response.status,
          () => 'unreachable',
        ),
      url.replace(/\?mode=kiosk.*$/, 'no-such-file.txt'),
    );
    expect(direct).not.toBe(200);

    await offlinePage.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height * 0.45);
    await waitForKiosk(offlinePage, (state) => state.phase === 'visit');
    await atEntrance(offlinePage);
    // A tap on the floor near the horizon walks far down the corridor, where the photos hang.
    const before = await offlinePage.evaluate(() => window.__exhibit?.pose().position[2] ?? 0);
    await afterGlide(offlinePage, () => offlinePage.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height / 2 + 40));
    const after = await offlinePage.evaluate(() => window.__exhibit?.pose().position[2] ?? 0);
    expect(after).toBeLessThan(before - 10);
    // Walk on, a far tap at a time, until boards that hang photos are near (the timeline comes first).
    const photoPanels = await panelsWithPhotos();
    for (let walk = 0; walk < 8; walk += 1) {
      const near = (await offlinePage.evaluate(() => window.__exhibit?.photos()))?.near ?? [];
      if (near.some((id) => photoPanels.has(id))) break;
      const from = await offlinePage.evaluate(() => window.__exhibit?.pose().position[2] ?? 0);
      await afterGlide(offlinePage, () => offlinePage.touchscreen.tap(VIEWPORT.width / 2, VIEWPORT.height / 2 + 40));
      expect(await offlinePage.evaluate(() => window.__exhibit?.pose().position[2] ?? 0)).toBeLessThan(from - 1);
    }
    expect((await offlinePage.evaluate(() => window.__exhibit?.photos()))?.near.some((id) => photoPanels.has(id))).toBe(true);
    // The photos of the boards near the visitor came from the cache.
    await expect
      .poll(() => offlinePage.evaluate(() => window.__exhibit?.photos()), { timeout: 60_000 })
      .toMatchObject({ failed: 0, loading: 0, queued: 0 });
    expect((await offlinePage.evaluate(() => window.__exhibit?.photos()))?.ready).toBeGreaterThan(0);
    await afterGlide(offlinePage, () => offlinePage.getByRole('button', { name: '下一块展板' }).tap());
    const next = await offlinePage.evaluate(() => window.__exhibit?.state().focusPanelId ?? '');
    const point = await panelPoint(offlinePage, next);
    await offlinePage.touchscreen.tap(point.x, point.y);
    await expect.poll(() => offlinePage.getByRole('dialog').count(), { timeout: 30_000 }).toBe(1);
    await waitForStillness(offlinePage);
    await saveArtifact('kiosk-offline.png', await offlinePage.screenshot({ timeout: 120_000 }));
    // Only what the service worker does not hold fails: the browser's own check for a new sw.js, and our probe.
    expect(failed.filter((href) => !/(no-such-file\.txt|sw\.js)$/.test(href)).join(' ')).toBe('');
  }, 480_000); // a cold start of the corridor on CPU WebGL, offline, then walks down it
});
