/**
 * A visitor's open card on a 1366 × 768 desktop (the built site): the board framed beside it
 * shows whole (nothing of the HUD or the floor plan over it, no hint line under the card); the
 * card carries the language switch, and search and the directory; the oath wall's card leads into
 * its ceremony, lit phrase by phrase with Space, and with a station's recording (a fixture) the
 * voice lights each phrase at its cue; the chosen language survives a reload, while the kiosk
 * still starts in Chinese.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { litAtTime } from '../../src/content/oath.ts';
import { toneWav } from '../support/toneWav.ts';
import { seriousViolations } from './a11ySupport.ts';
import {
  launchBrowser,
  type PageWatch,
  ROOT,
  type StaticServer,
  serveStatic,
  waitForExhibit,
  waitForStillness,
  watchPage,
} from './harness.ts';
import { describeRect, overlaps, shownRect, shownRects } from './rects.ts';

const WIDTH = 1366;
const HEIGHT = 768;
const PANEL = 'cpc-founding-1921';

let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
let titles: { zh: string; en: string };

/** The card's view shift eases in over a dozen frames, and CPU WebGL on a busy machine draws about one a second. */
const SETTLE_MS = 150_000;

const exhibitState = () => page.evaluate(() => window.__exhibit?.state());
const boardRect = (id: string) => page.evaluate((panelId) => window.__exhibit?.boardRect(panelId) ?? null, id);

beforeAll(async () => {
  const timeline = JSON.parse(await readFile(join(ROOT, 'assets/content/timeline.json'), 'utf8')) as {
    panels: Array<{ id: string; title: { zh: string; en: string } }>;
  };
  const panel = timeline.panels.find((candidate) => candidate.id === PANEL);
  if (!panel) throw new Error(`no panel ${PANEL}`);
  titles = panel.title;
  server = await serveStatic();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  page.setDefaultTimeout(90_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  // A deep link: the card open at once, the camera cut to its board (no glide down the corridor).
  await page.goto(`${server.url}#/panel/${PANEL}`);
  await waitForExhibit(page);
  await waitForStillness(page, 600, SETTLE_MS);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a card open on a desktop', () => {
  it('leaves the board beside it whole: nothing of the HUD or the floor plan over it, no hint under the card', async () => {
    // A static host is no station: no share QR on the card, and the page never asked for one.
    expect(await page.locator('.panel-card__share').count()).toBe(0);
    const card = await shownRect(page.getByRole('dialog', { name: titles.zh }));
    const board = await boardRect(PANEL);
    if (!card || !board) throw new Error('no card or no board on screen');
    // The board stands in the part the card leaves free.
    expect(board.left).toBeGreaterThanOrEqual(0);
    expect(board.top).toBeGreaterThanOrEqual(0);
    expect(board.right).toBeLessThanOrEqual(card.left);
    expect(board.bottom).toBeLessThanOrEqual(HEIGHT);
    const overlays = await shownRects(page.locator('.floor-plan, .hud--top > *, .hud--bottom > *'));
    const overBoard = overlays.filter((rect) => overlaps(rect, board)).map(describeRect);
    expect(overBoard, `over the board at ${describeRect(board)}`).toEqual([]);
    const hint = await shownRect(page.locator('.hud__hint'));
    if (hint) expect(overlaps(hint, card), `hint ${describeRect(hint)} under the card`).toBe(false);
    await page.screenshot({ path: 'tests/artifacts/visitor-card-1366.png' });
  });

  it('switches the card to English from its own button, keeping the focus on it', async () => {
    const card = page.getByRole('dialog', { name: titles.zh });
    const toggle = card.getByRole('button', { name: /^English/ });
    await toggle.click();
    const english = page.getByRole('dialog', { name: titles.en });
    await english.waitFor({ state: 'visible' });
    expect((await exhibitState())?.lang).toBe('en');
    const focused = await page.evaluate(() => ({
      inCard: Boolean(document.activeElement?.closest('dialog.panel-card')),
      text: document.activeElement?.textContent ?? '',
    }));
    expect(focused.inCard).toBe(true);
    expect(focused.text).toMatch(/^中文/); // the same switch, now offering Chinese
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/artifacts/visitor-card-english.png' });
  });

  it('keeps English across a reload', async () => {
    await page.reload();
    await waitForExhibit(page);
    await page.getByRole('dialog', { name: titles.en }).waitFor({ state: 'visible' });
    expect((await exhibitState())?.lang).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await waitForStillness(page, 600, SETTLE_MS);
  });

  it('opens the search from the card (button and "/"): the card closes, the search box has the focus', async () => {
    const card = page.getByRole('dialog', { name: titles.en });
    await card.getByRole('button', { name: 'Search', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Search every panel (Chinese or English)' });
    await box.waitFor();
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await exhibitState())?.openPanelId).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search').count()).toBe(0);

    // The same from the keyboard, inside a card.
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, PANEL);
    await page.getByRole('dialog', { name: titles.en }).waitFor({ state: 'visible' });
    await page.keyboard.press('/');
    await box.waitFor();
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(''); // the key opened the search, it was not typed into it
    expect((await exhibitState())?.openPanelId).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search').count()).toBe(0);
  });

  it('opens the directory from the card: the card closes, the directory has the focus', async () => {
    await page.evaluate((id) => {
      window.location.hash = `#/panel/${id}`;
    }, PANEL);
    const card = page.getByRole('dialog', { name: titles.en });
    await card.waitFor({ state: 'visible' });
    await card.getByRole('button', { name: 'Directory', exact: true }).click();
    const directory = page.getByRole('navigation', { name: 'Directory' });
    await directory.waitFor({ state: 'visible' });
    await expect.poll(() => directory.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: 'tests/artifacts/visitor-card-directory.png' });
    await page.keyboard.press('Escape');
    await directory.waitFor({ state: 'hidden' });
  });

  it('leads the oath wall’s ceremony from its card: phrase by phrase with Space, to the end, and back to the card', async () => {
    const file = JSON.parse(await readFile(join(ROOT, 'assets/content/oath.json'), 'utf8')) as {
      panels: Array<{ id: string; phrases: Array<{ zh: string; en: string }> }>;
    };
    const phrases = file.panels.find((candidate) => candidate.id === 'party-oath')?.phrases ?? [];
    expect(phrases).toHaveLength(12);
    await page.evaluate(() => {
      window.location.hash = '#/panel/party-oath';
    });
    const card = page.getByRole('dialog', { name: 'The Party Admission Oath', exact: true });
    await card.waitFor({ state: 'visible' });
    await card.getByRole('button', { name: 'Renew or read the oath' }).click();
    const ceremony = page.getByRole('dialog', { name: 'Renewing the Party admission oath · The Party Admission Oath' });
    await ceremony.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/oath/party-oath');
    const lit = () => ceremony.locator('[data-lit]').getAttribute('data-lit');
    expect(await lit()).toBe('0');
    // Whoever leads starts on 下一句: Space lights each phrase, the latest as the large caption, in
    // Chinese with its English under it.
    for (const [index, phrase] of phrases.entries()) {
      await page.keyboard.press(' ');
      await expect.poll(lit).toBe(String(index + 1));
      expect(await ceremony.locator('.oath-ceremony__oath-current').textContent()).toBe(phrase.zh);
      expect(await ceremony.locator('.oath-ceremony__oath-caption-translation').textContent()).toBe(phrase.en);
      if (index === 6) {
        const size = await ceremony
          .locator('.oath-ceremony__oath-current')
          .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
        expect(size).toBeGreaterThanOrEqual(HEIGHT * 0.06);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: 'tests/artifacts/oath-ceremony-1366.png' });
      }
    }
    // The end: it says so, and the focus is on 再读一遍 (Read it again), still in the ceremony.
    expect(await ceremony.getByRole('status').textContent()).toBe('The oath has been read to the end');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Read it again');
    await page.keyboard.press('Enter');
    await expect.poll(lit).toBe('0');
    await page.keyboard.press(' ');
    await expect.poll(lit).toBe('1');
    // Esc goes back to the oath's card, its address with it; Esc again closes the card.
    await page.keyboard.press('Escape');
    await ceremony.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/panel/party-oath');
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');
  });

  it('said nothing wrong on the way', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });

  it('the kiosk still starts in Chinese on the same browser, and leaves the visitor’s choice alone', async () => {
    expect(await page.evaluate(() => window.localStorage.getItem('dangshi.visitor.lang'))).toBe('en');
    await page.goto(`${server.url}?mode=kiosk`);
    await page.waitForFunction(() => Boolean(window.__exhibit));
    expect((await exhibitState())?.lang).toBe('zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => window.localStorage.getItem('dangshi.visitor.lang'))).toBe('en');
  });
});

describe('the oath wall with the station’s recording', () => {
  // A fixture recording (a 4.2 s tone) with a cue per phrase, served in place of the shipped content.
  const CUES = [0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4, 2.7, 3.0, 3.3, 3.6];
  let folder: string;
  let recordingServer: StaticServer;
  let recordingPage: Page;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'oath-recording-'));
    await cp(join(ROOT, 'dist/content'), join(folder, 'content'), { recursive: true });
    const file = JSON.parse(await readFile(join(folder, 'content/oath.json'), 'utf8')) as { panels: Array<{ id: string }> };
    const oath = file.panels.find((panel) => panel.id === 'party-oath');
    if (!oath) throw new Error('no party-oath panel');
    Object.assign(oath, { recording: { src: 'audio/oath-fixture.wav', cues: CUES } });
    await writeFile(join(folder, 'content/oath.json'), JSON.stringify(file));
    await mkdir(join(folder, 'audio'));
    await writeFile(join(folder, 'audio/oath-fixture.wav'), toneWav(4.2));
    recordingServer = await serveStatic(undefined, { '/content/': join(folder, 'content'), '/audio/': join(folder, 'audio') });
    recordingPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    recordingPage.setDefaultTimeout(90_000);
  });

  afterAll(async () => {
    await recordingPage?.close();
    await recordingServer?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('opens from a deep link, plays on request and lights each phrase as the voice reaches its cue', async () => {
    const watchRecording = watchPage(recordingPage, recordingServer.url.replace(/\/$/, ''));
    await recordingPage.goto(`${recordingServer.url}#/oath/party-oath`);
    await waitForExhibit(recordingPage);
    const ceremony = recordingPage.getByRole('dialog', { name: '重温入党誓词 · 入党誓词' });
    await ceremony.waitFor({ state: 'visible' });
    // The whole path, sampled as it plays, in the page itself every 50 ms (a round trip from the
    // test per sample took up to 0.4 s on a busy machine): the phrases lit never run ahead of the
    // voice, never lag it by more than a moment (the browser reports the time about four times a
    // second), never go back, and reach the last phrase.
    await ceremony.evaluate((dialog) => {
      const audio = dialog.querySelector('audio') as HTMLAudioElement;
      const samples: Array<{ time: number; lit: number; paused: boolean }> = [];
      const record = window as unknown as { __oathSamples?: typeof samples; __oathDone?: boolean };
      record.__oathSamples = samples;
      record.__oathDone = false;
      const timer = window.setInterval(() => {
        const sample = {
          time: audio.currentTime,
          paused: audio.paused,
          lit: Number(dialog.querySelector('[data-lit]')?.getAttribute('data-lit')),
        };
        samples.push(sample);
        if (sample.paused && sample.time > 0) {
          window.clearInterval(timer);
          record.__oathDone = true;
        }
      }, 50);
    });
    await ceremony.getByRole('button', { name: '播放领誓录音' }).click();
    await expect
      .poll(() => recordingPage.evaluate(() => (window as unknown as { __oathDone?: boolean }).__oathDone), { timeout: 60_000 })
      .toBe(true);
    const samples = await recordingPage.evaluate(
      () => (window as unknown as { __oathSamples: Array<{ time: number; lit: number; paused: boolean }> }).__oathSamples,
    );
    const playing = samples.filter((sample) => sample.time > 0);
    expect(playing.length).toBeGreaterThan(10);
    for (const [index, sample] of playing.entries()) {
      expect(sample.lit, `at ${sample.time} s`).toBeLessThanOrEqual(litAtTime(CUES, sample.time));
      expect(sample.lit, `at ${sample.time} s`).toBeGreaterThanOrEqual(litAtTime(CUES, sample.time - 0.8));
      expect(sample.lit).toBeGreaterThanOrEqual(playing[index - 1]?.lit ?? 0);
    }
    expect(new Set(playing.map((sample) => sample.lit)).size).toBeGreaterThan(6); // it moved phrase by phrase
    expect(playing.at(-1)?.lit).toBe(12);
    expect(await ceremony.getByRole('status').textContent()).toBe('誓词诵读完毕');
    expect(await ceremony.locator('button[aria-pressed]').getAttribute('aria-pressed')).toBe('false');
    expect(watchRecording.errors).toEqual([]);
    expect(watchRecording.offOrigin).toEqual([]);
  });
});
