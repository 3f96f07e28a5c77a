/**
 * The kiosk's heartbeat, read the way the README documents it: from outside the browser, through
 * Chromium's DevTools endpoint (`--remote-debugging-port`), by `src/deploy/kiosk/kiosk-watchdog.sh`.
 * While the page beats the watchdog leaves it alone; when the page's main thread freezes, the beat
 * goes stale and the watchdog runs its restart command. Also: `dist/` served by Python's
 * http.server (the server `src/deploy/kiosk/dangshi-kiosk-server.service` runs) starts the kiosk.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beatFromTitle } from '../../src/modes/kiosk/heartbeat.ts';
import { DIST, launchBrowser, ROOT } from './harness.ts';
import { waitForKiosk } from './kioskSupport.ts';

const WATCHDOG = join(ROOT, 'src/deploy/kiosk/kiosk-watchdog.sh');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeout = 20_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never answered`);
}

const hasTools = existsSync('/usr/bin/curl') || existsSync('/bin/curl');

let browser: Browser;
let page: Page;
let devtoolsPort: number;
let python: ChildProcess | null = null;
let watchdog: ChildProcess | null = null;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dangshi-watchdog-'));
  devtoolsPort = await freePort();
  const sitePort = await freePort();
  python = spawn('python3', ['-m', 'http.server', String(sitePort), '--bind', '127.0.0.1', '--directory', DIST], {
    stdio: 'ignore',
  });
  await waitForHttp(`http://127.0.0.1:${sitePort}/index.html`);
  browser = await launchBrowser([`--remote-debugging-address=127.0.0.1`, `--remote-debugging-port=${devtoolsPort}`]);
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${sitePort}/?mode=kiosk`);
});

afterAll(async () => {
  watchdog?.kill();
  python?.kill();
  await browser?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasTools)('kiosk heartbeat and watchdog', () => {
  it('starts from dist/ served by python3 -m http.server, offline cache included', async () => {
    await waitForKiosk(page, (state) => state.phase === 'attract' && state.offline.cache === 'ready', 180_000);
  });

  it('the DevTools endpoint lists the page with its heartbeat in the title', async () => {
    const pages = (await (await fetch(`http://127.0.0.1:${devtoolsPort}/json/list`)).json()) as Array<{
      title: string;
      url: string;
    }>;
    const kiosk = pages.find((entry) => entry.url.includes('mode=kiosk'));
    const beat = beatFromTitle(kiosk?.title ?? '');
    expect(beat).not.toBeNull();
    expect(Math.abs((beat ?? 0) - Date.now() / 1000)).toBeLessThan(30);
  });

  it('kiosk-watchdog.sh leaves a beating kiosk alone, and restarts a frozen one', async () => {
    const restarts = join(scratch, 'restarts.log');
    watchdog = spawn('sh', [WATCHDOG], {
      env: {
        ...process.env,
        ENDPOINT: `http://127.0.0.1:${devtoolsPort}/json/list`,
        CHECK_EVERY: '1',
        GRACE: '0',
        STALE_AFTER: '12',
        RESTART: `echo restart >> '${restarts}'`,
      },
      stdio: 'ignore',
    });
    // Healthy: beats every 5 s, so nothing happens.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    expect(existsSync(restarts)).toBe(false);
    // Freeze the page's main thread for 40 s (a hung script): no more beats.
    const frozenAt = Date.now();
    void page
      .evaluate(() => {
        const end = Date.now() + 40_000;
        while (Date.now() < end) {
          // busy
        }
      })
      .catch(() => undefined);
    await expect
      .poll(async () => (existsSync(restarts) ? await readFile(restarts, 'utf8') : ''), { timeout: 35_000, interval: 500 })
      .toContain('restart');
    const after = (Date.now() - frozenAt) / 1000;
    console.info(`[watchdog] restart requested ${after.toFixed(1)} s after the page froze`);
    expect(after).toBeGreaterThan(5);
  });
});
