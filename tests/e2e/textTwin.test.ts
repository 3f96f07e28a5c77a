/**
 * The text twin, end to end, in a Chromium without WebGL (`--disable-webgl`): the twin is the
 * exhibition there, so this is also the no-WebGL visit. No 3D scene loads, so these tests are quick.
 * Also: the twin in print, on a phone, its search, and a card's recorded narration with captions
 * (a fixture: the shipped content has no recordings).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, stubSpeechSynthesis } from './a11ySupport.ts';
import { launchBrowser, type PageWatch, ROOT, type StaticServer, saveArtifact, serveStatic, watchPage } from './harness.ts';

interface ShippedPanel {
  id: string;
  zh: string;
  en: string;
}

/** Every shipped panel with its Chinese and English title, in exhibition order, read from the JSON itself. */
function shippedTitles(): { sections: Array<{ zh: string; panels: ShippedPanel[] }>; title: string } {
  const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'assets/content', file), 'utf8'));
  const exhibition = read('exhibition.json');
  const text = (value: string | { zh: string; en?: string }) =>
    typeof value === 'string' ? { zh: value, en: value } : { zh: value.zh, en: value.en ?? value.zh };
  return {
    title: text(exhibition.title).zh,
    sections: exhibition.sections.map((section: { file: string; title: string | { zh: string } }) => ({
      zh: text(section.title).zh,
      panels: read(section.file).panels.map((panel: { id: string; title: string | { zh: string; en?: string } }) => ({
        id: panel.id,
        ...text(panel.title),
      })),
    })),
  };
}

let server: StaticServer;
let browser: Browser;
let page: Page;
let watch: PageWatch;
const shipped = shippedTitles();
const panels = shipped.sections.flatMap((section) => section.panels);

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchBrowser(['--disable-webgl']);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  watch = watchPage(page, server.url.replace(/\/$/, ''));
  await stubSpeechSynthesis(page);
  await page.goto(server.url);
  await page.locator('main.text-twin').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const headingTexts = (level: number) =>
  page
    .locator(`main.text-twin h${level}`)
    .evaluateAll((elements) => elements.map((element) => element.textContent?.trim() ?? ''));
/** Each panel's own heading, in page order: an h3, or an h4 under its period's h3 on the timeline. */
const panelTitles = () =>
  page.locator('main.text-twin article.twin-panel').evaluateAll((articles) =>
    articles.map((article) => {
      const heading = article.querySelector(':scope > h3, :scope > h4');
      return `${heading?.tagName.toLowerCase()} ${heading?.textContent?.trim() ?? ''}`;
    }),
  );
const shippedPeriods = (
  JSON.parse(readFileSync(join(ROOT, 'assets/content/exhibition.json'), 'utf8')) as {
    periods: Array<{ id: string; title: { zh: string }; from: number; to?: number }>;
  }
).periods;
const timelinePeriods = new Map<string, string>(
  (
    JSON.parse(readFileSync(join(ROOT, 'assets/content/timeline.json'), 'utf8')) as {
      panels: Array<{ id: string; kind: string; period?: string }>;
    }
  ).panels.flatMap((panel) => (panel.kind === 'milestone' && panel.period ? [[panel.id, panel.period] as [string, string]] : [])),
);
/** The heading level a shipped panel's title has in the twin: h4 under a period, h3 elsewhere. */
const levelOf = (panelId: string) => (timelinePeriods.has(panelId) ? 'h4' : 'h3');

describe('without WebGL', () => {
  it('shows the text twin instead of the corridor, saying why', async () => {
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl'))).toBeNull();
    await expect.poll(() => page.locator('canvas').count()).toBe(0);
    await expect(page.locator('.text-twin__note').textContent()).resolves.toContain('WebGL');
    expect(await headingTexts(1)).toEqual([shipped.title]);
    expect(watch.errors).toEqual([]);
    expect(watch.offOrigin).toEqual([]);
  });

  it('has every shipped panel as a heading, in exhibition order, under an h2 per section and its period on the timeline', async () => {
    expect(await panelTitles()).toEqual(panels.map((panel) => `${levelOf(panel.id)} ${panel.zh}`));
    // The four periods head the timeline, in order, each with its years, and each holds its own milestones.
    const periodHeadings = await page.locator('main.text-twin section.text-twin__period').evaluateAll((sections) =>
      sections.map((section) => ({
        heading: section.querySelector(':scope > h3')?.textContent?.trim() ?? '',
        panels: Array.from(section.querySelectorAll('article.twin-panel')).map((article) =>
          article.id.replace('text-panel-', ''),
        ),
      })),
    );
    expect(periodHeadings.map((period) => period.heading)).toEqual(
      shippedPeriods.map((period) => `${period.title.zh} ${period.to ? `${period.from}–${period.to}` : `${period.from} 年起`}`),
    );
    periodHeadings.forEach((period, index) => {
      expect(period.panels.length, period.heading).toBeGreaterThanOrEqual(5);
      for (const id of period.panels) expect(timelinePeriods.get(id), id).toBe(shippedPeriods[index]?.id);
    });
    expect(periodHeadings.flatMap((period) => period.panels).sort()).toEqual([...timelinePeriods.keys()].sort());
    const h2 = await headingTexts(2);
    for (const section of shipped.sections)
      expect(
        h2.some((text) => text.startsWith(section.zh)),
        section.zh,
      ).toBe(true);
    // Each panel's place has its own anchor, and its link is the twin's deep link.
    for (const panel of panels) {
      await expect(page.locator(`#text-panel-${panel.id}`).count(), panel.id).resolves.toBe(1);
    }
    // Without WebGL there is no 3D corridor to send the visitor to.
    expect(await page.locator('main.text-twin a[href^="#/panel/"]').count()).toBe(0);
  });

  it('images have alt text and captions; placeholders say so', async () => {
    const figures = page.locator('main.text-twin figure');
    expect(await figures.count()).toBeGreaterThan(0);
    const images = await page
      .locator('main.text-twin figure img')
      .evaluateAll((elements) => elements.map((image) => (image as HTMLImageElement).alt.trim()));
    expect(images.length).toBeGreaterThan(0);
    for (const alt of images) expect(alt.length).toBeGreaterThan(0);
    const placeholders = page.locator('main.text-twin .card-image--placeholder');
    if ((await placeholders.count()) > 0) {
      await expect(placeholders.first().locator('.card-image__badge').textContent()).resolves.toBe('照片待补充');
    }
  });

  it('the language button switches the whole twin to English', async () => {
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await panelTitles()).toEqual(panels.map((panel) => `${levelOf(panel.id)} ${panel.en}`));
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => panelTitles()).toEqual(panels.map((panel) => `${levelOf(panel.id)} ${panel.zh}`));
  });

  it('#/text/<id> scrolls to the panel and moves the focus to its heading', async () => {
    const target = panels[Math.floor(panels.length * 0.7)] as ShippedPanel;
    await page.evaluate((id) => {
      window.location.hash = `#/text/${id}`;
    }, target.id);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(target.zh);
    const box = await page.locator(`#text-panel-${target.id}-title`).boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(200);
  });

  it('axe finds no serious or critical problem in the twin', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('search works here too: a Chinese word finds its panel and the twin scrolls to it', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: '搜索全部展板（中文或英文）' });
    await box.fill('遵义');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/找到 \d+ 块展板/);
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/text-twin-search.png') });
    expect(await seriousViolations(page, 'dialog.search')).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/text/zunyi-conference-1935');
    await expect.poll(() => page.locator('dialog.search').count()).toBe(0);
  });

  it('looks right on a desktop and a phone', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/text';
    });
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/text-twin-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => {
      window.location.hash = '#/text/fang-jie-zhou-feng';
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/text-twin-phone.png') });
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.querySelector('main.text-twin')?.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints as black text on white, without buttons, canvas or HUD', async () => {
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const main = document.querySelector('main.text-twin') as HTMLElement;
      const title = document.querySelector('main.text-twin .twin-panel__title') as HTMLElement;
      const visible = (selector: string) =>
        Array.from(document.querySelectorAll<HTMLElement>(selector)).filter((element) => element.offsetParent !== null).length;
      return {
        position: getComputedStyle(main).position,
        background: getComputedStyle(main).backgroundColor,
        headingColour: getComputedStyle(title).color,
        breakInside: getComputedStyle(document.querySelector('.twin-panel') as HTMLElement).breakInside,
        buttons: visible('button'),
        hud: visible('.hud'),
        canvas: visible('canvas'),
      };
    });
    expect(styles).toEqual({
      position: 'static',
      background: 'rgb(255, 255, 255)',
      headingColour: 'rgb(0, 0, 0)',
      breakInside: 'avoid',
      buttons: 0,
      hud: 0,
      canvas: 0,
    });
    await saveArtifact('text-twin-print.pdf', await page.pdf({ format: 'A4' }));
    await page.screenshot({ path: join(ROOT, 'tests/artifacts/text-twin-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('narration with a recording (fixture content)', () => {
  let fixtureDir: string;
  let fixtureServer: StaticServer;
  let narrationPage: Page;
  const panelId = 'cpc-founding-1921';

  beforeAll(async () => {
    // The shipped content with one recording and its captions added: a fixture, not content.
    fixtureDir = mkdtempSync(join(tmpdir(), 'narration-'));
    const contentDir = join(fixtureDir, 'content');
    cpSync(join(ROOT, 'dist/content'), contentDir, { recursive: true });
    const timelinePath = join(contentDir, 'timeline.json');
    const timeline = JSON.parse(readFileSync(timelinePath, 'utf8'));
    const panel = timeline.panels.find((candidate: { id: string }) => candidate.id === panelId);
    panel.narration = { zh: { src: 'audio/fixture.wav', captions: 'audio/fixture.vtt' } };
    writeFileSync(timelinePath, JSON.stringify(timeline));
    mkdirSync(join(fixtureDir, 'audio'));
    writeFileSync(join(fixtureDir, 'audio/fixture.wav'), silentWav(4));
    writeFileSync(
      join(fixtureDir, 'audio/fixture.vtt'),
      'WEBVTT\n\n00:00.000 --> 00:02.000\nFixture caption one\n\n00:02.000 --> 00:04.000\nFixture caption two\n',
    );
    fixtureServer = await serveStatic(undefined, { '/content/': contentDir, '/audio/': join(fixtureDir, 'audio') });
    narrationPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    narrationPage.setDefaultTimeout(30_000);
    await stubSpeechSynthesis(narrationPage);
  });

  afterAll(async () => {
    await narrationPage?.close();
    await fixtureServer?.close();
    rmSync(fixtureDir, { recursive: true, force: true });
  });

  it('plays the recording with its captions on a click, and stops when the card closes', async () => {
    await narrationPage.goto(`${fixtureServer.url}#/panel/${panelId}`);
    const card = narrationPage.getByRole('dialog');
    await card.waitFor();
    const button = card.getByRole('button', { name: '朗读' });
    await button.waitFor();
    // Never on its own.
    await narrationPage.waitForTimeout(500);
    expect(await narrationPage.evaluate(() => document.querySelector('audio')?.paused)).toBe(true);
    await expect(card.locator('audio track[kind="captions"]').getAttribute('src')).resolves.toContain('audio/fixture.vtt');
    await button.click();
    await expect.poll(() => narrationPage.evaluate(() => document.querySelector('audio')?.paused)).toBe(false);
    await expect.poll(() => card.getByTestId('narration-caption').textContent()).toMatch(/Fixture caption (one|two)/);
    await card.screenshot({ path: join(ROOT, 'tests/artifacts/narration-recording.png') });
    // A recording in Chinese: the speech synthesis stays silent.
    expect(await narrationPage.evaluate(() => window.__speech?.spoken.length)).toBe(0);
    await narrationPage.keyboard.press('Escape');
    await expect.poll(() => narrationPage.locator('audio').count()).toBe(0);
  });
});

/** A mono 8 kHz WAV of silence, `seconds` long. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8);
  buffer.write('fmt ', 12);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(samples * 2, 40);
  return buffer;
}
