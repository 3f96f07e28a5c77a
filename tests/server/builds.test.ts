/**
 * The build stamp and the switch between builds: a content change makes the build stale, the
 * server keeps serving the old build while the new one is made, then switches, and a page still
 * open from before keeps getting its hashed chunks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeBuildStamp } from '../../src/server/site/buildStamp.ts';
import { type Builder, SiteBuilds, viteBuilder } from '../../src/server/site/builds.ts';
import { makeFixtureBuild, startStationInProcess, type TestStation, tempDir } from './stationHarness.ts';

async function write(root: string, name: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, name)), { recursive: true });
  await writeFile(join(root, name), text);
}

/** A checkout with one of each kind of input, and of each kind of non-input. */
async function fakeCheckout(): Promise<string> {
  const root = await tempDir('checkout');
  await write(root, 'index.html', '<!doctype html>');
  await write(root, 'vite.config.ts', 'export default {}');
  await write(root, 'package-lock.json', '{}');
  await write(root, 'assets/content/exhibition.json', '{"title":"党史长廊"}');
  await write(root, 'assets/photos/team.svg', '<svg/>');
  await write(root, 'assets/generated/fonts/sc.woff2', 'font v1');
  await write(root, 'src/main.tsx', 'export {}');
  await write(root, 'src/server/main.ts', 'export {}');
  await write(root, 'src/deploy/station/dangshi-station.service', '[Unit]');
  await write(root, 'tests/unit/x.test.ts', 'export {}');
  await write(root, 'README.md', '# readme');
  return root;
}

/** Makes a fixture build and counts the builds. */
function countingBuilder(): Builder & { calls: number } {
  const builder = Object.assign(
    async (outDir: string) => {
      builder.calls++;
      await makeFixtureBuild(outDir, `b${String(builder.calls).padStart(7, '0')}`);
    },
    { calls: 0 },
  );
  return builder;
}

describe('the build stamp', () => {
  let root: string;
  beforeAll(async () => {
    root = await fakeCheckout();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is stable for the same checkout', async () => {
    expect(await computeBuildStamp(root)).toMatch(/^[0-9a-f]{16}$/);
    expect(await computeBuildStamp(root)).toBe(await computeBuildStamp(root));
  });

  it.each([
    'assets/content/exhibition.json',
    'assets/photos/team.svg',
    'src/main.tsx',
    'index.html',
    'vite.config.ts',
    'package-lock.json',
  ])('goes stale when %s changes, and back when the change is undone', async (name) => {
    const before = await computeBuildStamp(root);
    const original = await readFile(join(root, name), 'utf8');
    await writeFile(join(root, name), `${original} `);
    expect(await computeBuildStamp(root)).not.toBe(before);
    await writeFile(join(root, name), original);
    expect(await computeBuildStamp(root)).toBe(before);
  });

  it('goes stale when a file is added to the content', async () => {
    const before = await computeBuildStamp(root);
    await write(root, 'assets/content/new.json', '{}');
    expect(await computeBuildStamp(root)).not.toBe(before);
    await rm(join(root, 'assets/content/new.json'));
  });

  it.each([
    'src/server/main.ts',
    'src/deploy/station/dangshi-station.service',
    'assets/generated/fonts/sc.woff2',
    'tests/unit/x.test.ts',
    'README.md',
  ])('ignores %s (not an input of the site, or written by the build itself)', async (name) => {
    const before = await computeBuildStamp(root);
    await writeFile(join(root, name), 'changed');
    expect(await computeBuildStamp(root)).toBe(before);
  });
});

describe('the build stamp of a content store', () => {
  let root: string;
  let store: string;
  beforeAll(async () => {
    root = await fakeCheckout();
    store = await tempDir('store');
    await write(store, 'content/exhibition.json', '{"title":"党史长廊"}');
    await write(store, 'photos/team.svg', '<svg/>');
    await write(store, 'seed.json', '{"seededAt":"then"}');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(store, { recursive: true, force: true });
  });

  it('stamps a store as it was seeded as its checkout does, and goes stale with the store, not the checkout', async () => {
    const seeded = await computeBuildStamp(root, undefined, store);
    expect(seeded).toBe(await computeBuildStamp(root));
    // The store's own record and what the build writes beside the content are not inputs.
    await write(store, 'seed.json', '{"seededAt":"later"}');
    await write(store, 'generated/fonts/sc.woff2', 'font v2');
    expect(await computeBuildStamp(root, undefined, store)).toBe(seeded);
    // The checkout's content is no input any more; the store's is; the code still is.
    await writeFile(join(root, 'assets/content/exhibition.json'), '{"title":"检出"}');
    expect(await computeBuildStamp(root, undefined, store)).toBe(seeded);
    await write(store, 'content/exhibition.json', '{"title":"党史长廊（新）"}');
    const edited = await computeBuildStamp(root, undefined, store);
    expect(edited).not.toBe(seeded);
    await writeFile(join(root, 'src/main.tsx'), 'export const changed = 1;');
    expect(await computeBuildStamp(root, undefined, store)).not.toBe(edited);
  });
});

describe('the builds', () => {
  it('builds when missing or stale, not otherwise, and keeps the last few', async () => {
    const dataDir = await tempDir('builds');
    let stamp = 'aaaaaaaaaaaaaaaa';
    const builder = countingBuilder();
    const builds = new SiteBuilds({ root: dataDir, dataDir, builder, keep: 2, stamp: async () => stamp });
    await builds.open();
    expect(builds.current).toBeNull();

    await builds.refresh();
    expect(builds.current?.stamp).toBe('aaaaaaaaaaaaaaaa');
    await builds.refresh();
    expect(builder.calls).toBe(1);

    stamp = 'bbbbbbbbbbbbbbbb';
    await builds.refresh();
    expect(builder.calls).toBe(2);
    expect(builds.roots()).toEqual([join(dataDir, 'builds', 'bbbbbbbbbbbbbbbb'), join(dataDir, 'builds', 'aaaaaaaaaaaaaaaa')]);

    // Undoing the change goes back to the kept build without building it again.
    stamp = 'aaaaaaaaaaaaaaaa';
    await builds.refresh();
    expect(builder.calls).toBe(2);
    expect(builds.current?.stamp).toBe('aaaaaaaaaaaaaaaa');

    stamp = 'cccccccccccccccc';
    await builds.refresh();
    // keep: 2 — the current and one before it.
    expect(builds.roots()).toEqual([join(dataDir, 'builds', 'cccccccccccccccc'), join(dataDir, 'builds', 'aaaaaaaaaaaaaaaa')]);

    // A restarted server finds the same builds.
    const reopened = new SiteBuilds({ root: dataDir, dataDir, builder, keep: 2, stamp: async () => stamp });
    await reopened.open();
    expect(reopened.current?.stamp).toBe('cccccccccccccccc');
    expect(reopened.roots()).toEqual(builds.roots());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps serving the old build when a build fails, and leaves no half-built folder', async () => {
    const dataDir = await tempDir('builds');
    let stamp = 'aaaaaaaaaaaaaaaa';
    let fail = false;
    const builds = new SiteBuilds({
      root: dataDir,
      dataDir,
      stamp: async () => stamp,
      builder: async (outDir) => {
        await makeFixtureBuild(outDir);
        if (fail) throw new Error('content error');
      },
    });
    await builds.open();
    await builds.refresh();
    stamp = 'bbbbbbbbbbbbbbbb';
    fail = true;
    await builds.refresh();
    expect(builds.current?.stamp).toBe('aaaaaaaaaaaaaaaa');
    expect(builds.error).toBe('content error');
    // No half-built folder: the build that succeeded, its pointer and the last build's duration (publishing's progress estimate).
    expect((await readdir(join(dataDir, 'builds'))).filter((name) => !name.endsWith('.log'))).toEqual([
      'aaaaaaaaaaaaaaaa',
      'current.json',
      'last-duration.json',
    ]);
    await rm(dataDir, { recursive: true, force: true });
  });
});

/**
 * A checkout whose "vite" records how it was started, then either builds a page into --outDir or
 * hangs until killed: the real child-process path, without a real build's minutes of CPU.
 */
async function checkoutWithFakeVite(mode: 'build' | 'hang'): Promise<string> {
  const root = await fakeCheckout();
  await write(
    root,
    'node_modules/vite/bin/vite.js',
    `const { writeFileSync, mkdirSync } = require('node:fs');
const args = process.argv.slice(2);
writeFileSync(${JSON.stringify(join(root, 'started.json'))}, JSON.stringify({ pid: process.pid, args, cwd: process.cwd(), vitest: process.env.VITEST ?? null }));
if (${JSON.stringify(mode)} === 'hang') setInterval(() => {}, 1000);
else {
  const outDir = args[args.indexOf('--outDir') + 1];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outDir + '/index.html', '<!doctype html>built by the child');
  console.log('built');
}
`,
  );
  return root;
}

function niceness(pid: number): number {
  // /proc/<pid>/stat: the 19th field is the nice value (the command in parentheses may hold spaces).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return Number(fields[16]);
}

describe('the build child process', () => {
  it('runs vite build --outDir in the checkout at the lowest priority, then switches to its output', async () => {
    const root = await checkoutWithFakeVite('build');
    const dataDir = await tempDir('builds');
    const builds = new SiteBuilds({ root, dataDir, builder: viteBuilder(root) });
    await builds.open();
    await builds.refresh();
    const started = JSON.parse(await readFile(join(root, 'started.json'), 'utf8')) as {
      args: string[];
      cwd: string;
      vitest: string | null;
    };
    expect(started.args.slice(0, 2)).toEqual(['build', '--outDir']);
    expect(started.args).toContain('--emptyOutDir');
    expect(started.cwd).toBe(root);
    expect(started.vitest).toBeNull();
    expect(await readFile(join(builds.current?.dir as string, 'index.html'), 'utf8')).toContain('built by the child');
    expect(await readFile(join(dataDir, 'builds', `${builds.current?.stamp}.log`), 'utf8')).toContain('built');
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it.runIf(process.platform === 'linux')('is niced, and stopped when the server stops', async () => {
    const root = await checkoutWithFakeVite('hang');
    const dataDir = await tempDir('builds');
    const builds = new SiteBuilds({ root, dataDir, builder: viteBuilder(root) });
    await builds.open();
    const building = builds.refresh();
    await expect.poll(() => existsSync(join(root, 'started.json')), { timeout: 15_000 }).toBe(true);
    const { pid } = JSON.parse(await readFile(join(root, 'started.json'), 'utf8')) as { pid: number };
    try {
      // Set by the server right after the spawn; read until the kernel shows it (seen once to lag on a busy machine).
      await expect.poll(() => niceness(pid), { timeout: 5_000 }).toBe(19);
    } finally {
      builds.close();
    }
    await building;
    expect(builds.current).toBeNull();
    await expect.poll(() => existsSync(`/proc/${pid}`)).toBe(false);
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('serving across a switch', () => {
  let checkout: string;
  let station: TestStation;
  let builder: Builder & { calls: number };
  let releaseBuild: () => void = () => {};
  let holdBuilds = false;

  beforeAll(async () => {
    checkout = await fakeCheckout();
    const counting = countingBuilder();
    builder = Object.assign(
      async (outDir: string, logFile: string, signal: AbortSignal, assetsDir: string | null) => {
        if (holdBuilds) await new Promise<void>((done) => (releaseBuild = done));
        await counting(outDir, logFile, signal, assetsDir);
        builder.calls = counting.calls;
      },
      { calls: 0 },
    );
    station = await startStationInProcess({ root: checkout, serveDist: null, builder, buildOnStart: false });
  });
  afterAll(async () => {
    await station.close();
    await rm(checkout, { recursive: true, force: true });
  });

  it('answers a "building…" page that refreshes itself until the first build is ready', async () => {
    const response = await fetch(station.url);
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('<meta http-equiv="refresh"');
    expect(page).toContain('正在准备');
    await station.station.builds.refresh();
    const built = await fetch(station.url);
    expect(built.status).toBe(200);
    expect(await built.text()).toContain('fixture b0000001');
  });

  it('serves the old build while the new one is made, then switches; the old chunk stays served', async () => {
    const first = await (await fetch(station.url)).text();
    const oldChunk = /src="\.\/(assets\/[^"]+)"/.exec(first)?.[1];
    expect(oldChunk).toBeDefined();

    // A change in the checkout is not the station's content (it arrives as an import): no new build.
    await writeFile(join(checkout, 'assets/content/exhibition.json'), '{"title":"党史长廊（检出）"}');
    await station.station.builds.refresh();
    expect(builder.calls).toBe(1);
    expect(await (await fetch(station.url)).text()).toBe(first);
    // The station builds its content store (DATA_DIR/content): a change there is a new build.
    await writeFile(join(station.dataDir, 'content/content/exhibition.json'), '{"title":"党史长廊（新）"}');
    holdBuilds = true;
    const rebuilding = station.station.builds.refresh();
    await expect.poll(() => station.station.builds.building).toBe(true);
    // Meanwhile: the previous build, as it was.
    expect(await (await fetch(station.url)).text()).toBe(first);
    holdBuilds = false;
    releaseBuild();
    await rebuilding;

    const second = await (await fetch(station.url)).text();
    expect(second).toContain('fixture b0000002');
    const newChunk = /src="\.\/(assets\/[^"]+)"/.exec(second)?.[1];
    expect(newChunk).not.toBe(oldChunk);

    // A page opened before the switch still loads its chunk, as an immutable file.
    const old = await fetch(new URL(oldChunk as string, station.url));
    expect(old.status).toBe(200);
    expect(old.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await old.text()).toContain('fixture b0000001');
    const fresh = await fetch(new URL(newChunk as string, station.url));
    expect(await fresh.text()).toContain('fixture b0000002');
    // The service worker's hashed workbox chunk falls back the same way.
    expect((await fetch(new URL('workbox-b0000001.js', station.url))).status).toBe(200);
    expect(builder.calls).toBe(2);
  });
});
