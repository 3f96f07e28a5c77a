/**
 * End-to-end harness: serves the built `dist/` from a plain static server (what any static host
 * does) and drives it in Debian's headless Chromium with playwright-core.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.vtt': 'text/vtt; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 at a free port. No SPA fallback: a missing file is a real 404.
 * `overlays` serve URL prefixes from other folders instead (e.g. `{ '/content/': fixtureDir }`),
 * so a test can show the built site other content; the longest matching prefix wins.
 */
export async function serveStatic(folder = DIST, overlays: Record<string, string> = {}): Promise<StaticServer> {
  if (!existsSync(join(folder, 'index.html'))) throw new Error(`${folder} has no index.html: run "npm run build" first`);
  const prefixes = Object.keys(overlays).sort((a, b) => b.length - a.length);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = prefixes.find((candidate) => path.startsWith(candidate));
    const base = prefix ? resolve(overlays[prefix] as string) : folder;
    const inside = prefix ? path.slice(prefix.length) : path;
    const file = normalize(join(base, inside.endsWith('/') || inside === '' ? `${inside}index.html` : inside));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /**
   * Who composites the page. `software` (the default) skips the GPU compositor, which here is
   * SwiftShader too: measured on the kiosk files, a third less CPU for the same tests (a cold load
   * about 6 CPU-s instead of 8). `gpu` for pages whose full-screen layers fade or move at 1080p (the
   * projector's slides), where compositing them in software costs more than it saves.
   */
  compositing?: 'software' | 'gpu';
}

export function launchBrowser(extraArgs: string[] = [], { compositing = 'software' }: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(compositing === 'software' ? ['--disable-gpu-compositing'] : []),
      ...extraArgs,
    ],
  });
}

/** Everything a page said that a visitor should never cause: errors, and requests off the origin. */
export interface PageWatch {
  errors: string[];
  offOrigin: string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { errors: [], offOrigin: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!url.startsWith(origin)) watch.offOrigin.push(url);
  });
  return watch;
}

/** Waits until the loading screen has gone: content, fonts, photos and every board's text are ready. */
export async function waitForExhibit(page: Page, timeout = 150_000): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__exhibit), undefined, { timeout });
  await page.locator('[data-testid="loading"]').waitFor({ state: 'detached', timeout });
}

/**
 * Waits until the camera has settled and the canvas has stopped drawing. Rendering is on demand,
 * so a quiet frame counter means nothing moves; the rig's own flag guards against frames that are
 * merely slow (CPU WebGL can take longer than the quiet period for one frame).
 */
export async function waitForStillness(page: Page, quietMs = 600, timeout = 60_000): Promise<void> {
  const started = Date.now();
  const sample = () =>
    page.evaluate(() => ({
      frames: window.__exhibit?.frames() ?? 0,
      // A frame asked for but not drawn yet (a busy machine delays animation frames by seconds) is
      // not stillness: a camera cut waiting for its frame would otherwise be missed.
      moving: (window.__exhibit?.pose().moving ?? true) || (window.__exhibit?.framesPending() ?? 0) > 0,
    }));
  let last = await sample();
  let quietSince = Date.now();
  while (Date.now() - started < timeout) {
    await page.waitForTimeout(150);
    const now = await sample();
    if (now.frames !== last.frames || now.moving) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
  throw new Error('the scene kept rendering: the camera never settled');
}

export interface ImageStats {
  width: number;
  height: number;
  distinctColours: number;
  /** Share of pixels that have the single most common colour. */
  dominantShare: number;
  meanLuminance: number;
}

/** Simple statistics that tell a rendered corridor from a blank or single-colour canvas. */
export function imageStats(png: Buffer): ImageStats {
  const image = PNG.sync.read(png);
  const counts = new Map<number, number>();
  let luminance = 0;
  const pixels = image.width * image.height;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    // Quantise a little so noise does not count as distinct colours.
    const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    luminance += 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const dominant = Math.max(...counts.values());
  return {
    width: image.width,
    height: image.height,
    distinctColours: counts.size,
    dominantShare: dominant / pixels,
    meanLuminance: luminance / pixels,
  };
}

export async function saveArtifact(name: string, data: Buffer): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, data);
  return path;
}

/** The panels of the shipped JSON, read straight from the files (not through the app's loader). */
export async function shippedPanels(): Promise<Array<{ id: string; title: string; section: string }>> {
  const exhibition = JSON.parse(await readFile(join(ROOT, 'assets/content/exhibition.json'), 'utf8')) as {
    sections: Array<{ id: string; file: string }>;
  };
  const panels: Array<{ id: string; title: string; section: string }> = [];
  for (const section of exhibition.sections) {
    const file = JSON.parse(await readFile(join(ROOT, 'assets/content', section.file), 'utf8')) as {
      panels: Array<{ id: string; title: string | { zh: string } }>;
    };
    for (const panel of file.panels) {
      panels.push({ id: panel.id, title: typeof panel.title === 'string' ? panel.title : panel.title.zh, section: section.id });
    }
  }
  return panels;
}

export interface Visit {
  server: StaticServer;
  browser: Browser;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
}

/**
 * A test file's visit: the built site served, one browser, one page at the entrance with the
 * corridor loaded (and watched for errors and requests off the origin).
 */
export async function openVisit(pageOptions: BrowserContextOptions = { viewport: { width: 1280, height: 720 } }): Promise<Visit> {
  const server = await serveStatic();
  const browser = await launchBrowser();
  const page = await browser.newPage(pageOptions);
  // CPU WebGL delays animation frames, which Playwright waits for before a click: allow for it.
  page.setDefaultTimeout(90_000);
  const watch = watchPage(page, server.url.replace(/\/$/, ''));
  await page.goto(server.url);
  await waitForExhibit(page);
  return {
    server,
    browser,
    page,
    watch,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
