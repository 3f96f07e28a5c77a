/**
 * The lobby kiosk's sync against two servers on loopback: a real station server (serving a small
 * fake build through SERVE_DIST, no vite build) and a static server standing for the kiosk's own
 * (node http serving DIR/dist through its symlink at each request, as python's http.server does).
 * Sync, change the station's build, and the hostile cases: bytes that do not match the manifest,
 * a manifest path leaving the folder, a download cut half-way or stalled, two syncs at once. In
 * each refusal the kiosk's server keeps serving its old build, whole, and no temporary folder stays.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncLockBusy, SyncRefusal, syncKioskBuild } from '../../src/deploy/kiosk/kioskSync.ts';
import { stationBase } from '../../src/deploy/kiosk/syncPlan.ts';
import { SITE_MANIFEST_FILE, type SiteManifest, siteManifestSchema } from '../../src/live/siteManifestProtocol.ts';
import { SiteManifests } from '../../src/server/site/manifest.ts';
import { safeRelativePath } from '../../src/server/transport/staticFiles.ts';
import { makeFixtureBuild, ROOT, startStationInProcess, type TestStation, tempDir } from './stationHarness.ts';

const PHOTO_NAME = 'photos/队旗 合影#1.svg';
const TAGGED = 'assets/tagged.bin';

/**
 * A station build: the harness's fixture, a photo whose name needs URL encoding, a recording the
 * same in every build (reused by the kiosk), and a file of the build's own (`assets/tagged.bin`,
 * big enough to arrive in several chunks: a cut or a stall lands in the middle of it).
 */
async function makeStationBuild(dir: string, tag: string, photo = '<svg xmlns="http://www.w3.org/2000/svg"/>'): Promise<string> {
  await makeFixtureBuild(dir, tag);
  await mkdir(join(dir, 'photos'), { recursive: true });
  await writeFile(join(dir, PHOTO_NAME), photo);
  await writeFile(join(dir, 'assets/recording.bin'), Buffer.alloc(256 * 1024, 7));
  await writeFile(join(dir, TAGGED), Buffer.alloc(512 * 1024, tag));
  return dir;
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under a folder, relative, '/'-separated, with its contents' hash. */
async function treeOf(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(folder, entry.name), path);
      else if (entry.isSymbolicLink()) tree[path] = `-> ${await readlink(join(folder, entry.name))}`;
      else tree[path] = sha256(await readFile(join(folder, entry.name)));
    }
  };
  await walk(dir, '');
  return tree;
}

interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The kiosk's local server: DIR/dist, looked up afresh at each request (so through the current symlink). */
function startKioskServer(dist: string): Promise<LocalServer> {
  return listen(async (request, response) => {
    const file = safeRelativePath((request.url ?? '/').split('?')[0] ?? '/');
    try {
      if (file === null) throw new Error('bad path');
      const body = await readFile(join(dist, file));
      response.writeHead(200, { 'content-length': body.length }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
}

async function getText(base: string, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(`./${path.split('/').map(encodeURIComponent).join('/')}`, base));
  return { status: response.status, text: await response.text() };
}

/** The kiosk server answers every file of a build folder with that folder's bytes. */
async function expectServes(kiosk: LocalServer, buildDir: string): Promise<void> {
  const tree = await treeOf(buildDir);
  for (const path of Object.keys(tree)) {
    if (path === SITE_MANIFEST_FILE) continue;
    const response = await fetch(new URL(`./${path.split('/').map(encodeURIComponent).join('/')}`, kiosk.url));
    expect(response.status, path).toBe(200);
    expect(sha256(Buffer.from(await response.arrayBuffer())), path).toBe(tree[path]);
  }
}

async function leftoversIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('incoming-') || name === 'dist.new');
}

function sync(station: string, dir: string, timeoutMs = 5000) {
  return syncKioskBuild({ station: stationBase(station), dir, timeoutMs });
}

async function refusal(promise: Promise<unknown>): Promise<SyncRefusal> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SyncRefusal);
  return error as SyncRefusal;
}

describe('the kiosk sync between a station and a kiosk on loopback', () => {
  let work: string;
  let kioskDir: string;
  let kiosk: LocalServer;
  let station: TestStation;
  /** The station whose build the kiosk serves now. */
  let onKiosk: TestStation;
  const stations: TestStation[] = [];
  const fakes: LocalServer[] = [];

  const startStationServing = async (dist: string) => {
    const started = await startStationInProcess({ serveDist: dist });
    stations.push(started);
    return started;
  };

  beforeAll(async () => {
    work = await tempDir('kiosksync');
    kioskDir = join(work, 'kiosk');
    await mkdir(kioskDir);
    kiosk = await startKioskServer(join(kioskDir, 'dist'));
    station = await startStationServing(await makeStationBuild(join(work, 'station-a'), 'aaaa1111'));
  });

  afterEach(async () => {
    for (const fake of fakes.splice(0)) await fake.close();
  });

  afterAll(async () => {
    await kiosk.close();
    for (const started of stations) await started.close();
    await rm(work, { recursive: true, force: true });
  });

  it('the station answers its manifest publicly: every file with its size and sha256, and no way to write', async () => {
    const response = await fetch(new URL('api/site/manifest', station.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const manifest = siteManifestSchema.parse(await response.json());
    const tree = await treeOf(join(work, 'station-a'));
    expect(manifest.files.map((file) => file.path)).toEqual(Object.keys(tree).sort());
    for (const file of manifest.files) {
      expect(file.sha256).toBe(tree[file.path]);
      expect(file.size).toBe(readFileSync(join(work, 'station-a', file.path)).length);
    }
    expect(manifest.stamp).toMatch(/^[0-9a-f]{16}$/);
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const write = await fetch(new URL('api/site/manifest', station.url), { method, body: '{}' });
      expect(write.status, method).toBe(404);
    }
  });

  it('a first sync fetches the build, and the kiosk server serves the station’s files', async () => {
    const result = await sync(station.url, kioskDir);
    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.previous).toBeNull();
    onKiosk = station;
    expect(result.reused).toBe(0);
    expect(result.downloaded).toBe(Object.keys(await treeOf(join(work, 'station-a'))).length);
    expect((await lstat(join(kioskDir, 'dist'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(kioskDir, 'dist'))).toBe(join('builds', result.stamp));
    await expectServes(kiosk, join(work, 'station-a'));
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture aaaa1111');
    // The kiosk keeps the manifest beside the build: its current stamp, and what later syncs reuse.
    const kept = siteManifestSchema.parse(JSON.parse(await readFile(join(kioskDir, 'dist', SITE_MANIFEST_FILE), 'utf8')));
    expect(kept.stamp).toBe(result.stamp);
    expect(await leftoversIn(kioskDir)).toEqual([]);
  });

  it('a sync with nothing new does nothing', async () => {
    const before = await readlink(join(kioskDir, 'dist'));
    const result = await sync(station.url, kioskDir);
    expect(result.kind).toBe('up-to-date');
    expect(await readlink(join(kioskDir, 'dist'))).toBe(before);
  });

  it('a new build at the station is swapped in, its unchanged files copied rather than downloaded', async () => {
    const oldStamp = (await readlink(join(kioskDir, 'dist'))).split('/')[1];
    // Same recording, same chunk names' contents differ (another tag), a new photo.
    station = await startStationServing(await makeStationBuild(join(work, 'station-b'), 'bbbb2222', '<svg id="b"/>'));
    const result = await sync(station.url, kioskDir);
    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.previous).toBe(oldStamp);
    onKiosk = station;
    expect(result.reused).toBeGreaterThan(0);
    // Only what the new tag and photo changed is fetched (the page, its chunk, sw.js, the tagged file,
    // the photo); the content JSON, the recording and the workbox file (the same bytes under a new
    // name) are copied.
    expect(result.downloaded).toBe(5);
    expect(result.reused).toBe(Object.keys(await treeOf(join(work, 'station-b'))).length - 5);
    await expectServes(kiosk, join(work, 'station-b'));
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture bbbb2222');
    expect((await getText(kiosk.url, PHOTO_NAME)).text).toBe('<svg id="b"/>');
    // The previous build is kept beside it.
    expect((await readdir(join(kioskDir, 'builds'))).sort()).toEqual([oldStamp, result.stamp].sort());
  });

  it('keeps the current build and the one before it, and removes older ones', async () => {
    const before = (await readlink(join(kioskDir, 'dist'))).split('/')[1];
    station = await startStationServing(await makeStationBuild(join(work, 'station-c'), 'cccc3333'));
    const result = await sync(station.url, kioskDir);
    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.pruned).toHaveLength(1);
    onKiosk = station;
    expect((await readdir(join(kioskDir, 'builds'))).sort()).toEqual([before, result.stamp].sort());
    await expectServes(kiosk, join(work, 'station-c'));
  });

  it('refuses bytes that do not match the manifest: the old build keeps serving, whole, and no temporary folder stays', async () => {
    const served = join(work, 'station-d');
    station = await startStationServing(await makeStationBuild(join(work, 'station-d'), 'dddd4444'));
    // The station makes its manifest at the first request; the file changes afterwards (same size, other bytes).
    await fetch(new URL('api/site/manifest', station.url)).then((response) => response.json());
    await writeFile(join(served, TAGGED), Buffer.alloc(512 * 1024, 'dddd4445'));
    const before = await readlink(join(kioskDir, 'dist'));
    const buildsBefore = (await readdir(join(kioskDir, 'builds'))).sort();
    const refused = await refusal(sync(station.url, kioskDir));
    expect(refused.message).toMatch(/assets\/tagged\.bin does not match the manifest/);
    expect(refused.message).toMatch(/keeps serving its current build/);
    expect(await readlink(join(kioskDir, 'dist'))).toBe(before);
    expect((await readdir(join(kioskDir, 'builds'))).sort()).toEqual(buildsBefore);
    expect(await leftoversIn(kioskDir)).toEqual([]);
    await expectServes(kiosk, join(work, 'station-c'));
  });

  it('refuses a file longer than the manifest says before it has all of it', async () => {
    const served = join(work, 'station-e');
    station = await startStationServing(await makeStationBuild(served, 'eeee5555'));
    await fetch(new URL('api/site/manifest', station.url)).then((response) => response.json());
    await writeFile(join(served, 'index.html'), `${readFileSync(join(served, 'index.html'), 'utf8')}<script>evil()</script>`);
    const refused = await refusal(sync(station.url, kioskDir));
    expect(refused.message).toMatch(/index\.html is \d+ bytes at the station, the manifest says \d+/);
    expect(await leftoversIn(kioskDir)).toEqual([]);
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture cccc3333');
  });

  /** A station of our own making: the manifest given, and each file answered by `serveFile`. */
  async function fakeStation(
    manifest: unknown,
    serveFile: (path: string, response: ServerResponse) => void = () => {},
  ): Promise<LocalServer & { requests: string[] }> {
    const requests: string[] = [];
    const fake = await listen((request, response) => {
      const path = decodeURIComponent((request.url ?? '/').slice(1));
      requests.push(path);
      if (path === 'api/site/manifest') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(manifest));
        return;
      }
      serveFile(path, response);
    });
    fakes.push(fake);
    return Object.assign(fake, { requests });
  }

  /** A manifest that honestly describes a folder (the station's own way), to be served by a fake station. */
  async function honestManifest(dir: string, stamp: string): Promise<SiteManifest> {
    return new SiteManifests().forBuild({ stamp, dir });
  }

  it.each([
    ['../escape.txt'],
    ['assets/../../escape.txt'],
    ['/tmp/escape.txt'],
    ['assets\\..\\..\\escape.txt'],
    ['assets/esc\u0000ape.txt'],
    ['assets/\u202Etxt.exe'],
    ['.hidden/escape.txt'],
  ])('refuses a manifest with the path %j, and writes nothing anywhere', async (path) => {
    const manifest = {
      stamp: 'f00dfeed00000001',
      files: [
        { path: 'index.html', size: 5, sha256: sha256('hello') },
        { path, size: 5, sha256: sha256('owned') },
      ],
    };
    const fake = await fakeStation(manifest, (_path, response) => response.writeHead(200).end('owned'));
    const workBefore = await treeOf(work);
    const refused = await refusal(sync(fake.url, kioskDir));
    expect(refused.message).toMatch(/refused the station's manifest/);
    expect(refused.message).toMatch(/nothing changed here/);
    // Not a single file was asked for, and the whole test folder is as it was.
    expect(fake.requests).toEqual(['api/site/manifest']);
    expect(await treeOf(work)).toEqual(workBefore);
    expect(existsSync(join(dirname(work), 'escape.txt'))).toBe(false);
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture cccc3333');
  });

  it('refuses a download cut half-way (the station closes the connection), keeping the old build', async () => {
    const dir = await makeStationBuild(join(work, 'fake-cut'), 'ffff6666');
    const manifest = await honestManifest(dir, 'f00dfeed00000002');
    const fake = await fakeStation(manifest, (path, response) => {
      const bytes = readFileSync(join(dir, path));
      if (path !== TAGGED) {
        response.writeHead(200, { 'content-length': bytes.length }).end(bytes);
        return;
      }
      response.writeHead(200, { 'content-length': bytes.length });
      response.write(bytes.subarray(0, bytes.length / 2), () => response.socket?.destroy());
    });
    const before = await readlink(join(kioskDir, 'dist'));
    const refused = await refusal(sync(fake.url, kioskDir));
    expect(refused.message).toMatch(/assets\/tagged\.bin/);
    expect(refused.message).toMatch(/keeps serving its current build/);
    expect(await readlink(join(kioskDir, 'dist'))).toBe(before);
    expect(await readdir(join(kioskDir, 'builds'))).not.toContain('f00dfeed00000002');
    expect(await leftoversIn(kioskDir)).toEqual([]);
    await expectServes(kiosk, join(work, 'station-c'));
  });

  it('gives up on a station that stops sending, within the timeout', async () => {
    const dir = await makeStationBuild(join(work, 'fake-stall'), 'ffff7777');
    const manifest = await honestManifest(dir, 'f00dfeed00000003');
    const fake = await fakeStation(manifest, (path, response) => {
      const bytes = readFileSync(join(dir, path));
      response.writeHead(200, { 'content-length': bytes.length });
      // Half, then silence with the connection open.
      response.write(bytes.subarray(0, Math.ceil(bytes.length / 2)));
    });
    const started = Date.now();
    const refused = await refusal(sync(fake.url, kioskDir, 400));
    expect(refused.message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await leftoversIn(kioskDir)).toEqual([]);
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture cccc3333');
  });

  it('gives up at the whole download’s deadline, however slowly the station keeps sending', async () => {
    const dir = await makeStationBuild(join(work, 'fake-trickle'), 'ffff9999');
    const manifest = await honestManifest(dir, 'f00dfeed00000005');
    const fake = await fakeStation(manifest, (path, response) => {
      const bytes = readFileSync(join(dir, path));
      response.writeHead(200, { 'content-length': bytes.length });
      // A byte every 50 ms: never silent long enough for the per-chunk timeout.
      let sent = 0;
      const timer = setInterval(() => {
        if (response.destroyed || sent >= bytes.length) return clearInterval(timer);
        response.write(bytes.subarray(sent, ++sent));
      }, 50);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const refused = await refusal(
      syncKioskBuild({ station: stationBase(fake.url), dir: kioskDir, timeoutMs: 5000, deadlineMs: 600 }),
    );
    expect(refused.message).toMatch(/timed out|deadline/);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await leftoversIn(kioskDir)).toEqual([]);
    expect((await getText(kiosk.url, 'index.html')).text).toContain('fixture cccc3333');
  });

  it('refuses a station that is not there, with a clear message', async () => {
    const gone = await listen(() => {});
    const url = gone.url;
    await gone.close();
    const refused = await refusal(sync(url, kioskDir, 1000));
    expect(refused.message).toMatch(/could not fetch the station's manifest/);
  });

  it('runs one sync at a time: a second one while the first runs does nothing', async () => {
    const dir = await makeStationBuild(join(work, 'fake-slow'), 'ffff8888');
    const manifest = await honestManifest(dir, 'f00dfeed00000004');
    let firstRequest: () => void = () => {};
    const asked = new Promise<void>((done) => {
      firstRequest = done;
    });
    const fake = await fakeStation(manifest, (_path, response) => {
      firstRequest();
      response.writeHead(200, { 'content-length': 10 });
    });
    const first = sync(fake.url, kioskDir, 1500);
    await asked;
    const second = await syncKioskBuild({ station: stationBase(fake.url), dir: kioskDir, timeoutMs: 1500 }).catch(
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(SyncLockBusy);
    await refusal(first);
    // Once the first is over, the lock is free again.
    expect((await sync(onKiosk.url, kioskDir)).kind).toBe('up-to-date');
  });

  it('takes over a kiosk set up by hand (dist a plain folder): kept as the previous build, its files reused', async () => {
    const handDir = join(work, 'kiosk-by-hand');
    await mkdir(handDir);
    await cp(join(work, 'station-c'), join(handDir, 'dist'), { recursive: true });
    const handServer = await startKioskServer(join(handDir, 'dist'));
    fakes.push(handServer);
    station = await startStationServing(await makeStationBuild(join(work, 'station-f'), 'cccc3333', '<svg id="f"/>'));
    const result = await sync(station.url, handDir);
    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(result.previous).toMatch(/^local-\d{14}$/);
    // Only the photo changed.
    expect(result.downloaded).toBe(1);
    expect((await lstat(join(handDir, 'dist'))).isSymbolicLink()).toBe(true);
    expect(await readdir(join(handDir, 'builds', result.previous ?? ''))).toContain('index.html');
    await expectServes(handServer, join(work, 'station-f'));
  });

  const python = spawnSync('python3', ['-c', 'import http.server'], { stdio: 'ignore' }).status === 0;
  it.runIf(python)('python’s http.server (the kiosk’s unit) follows the dist symlink to each new build', async () => {
    const free = await listen(() => {});
    const port = new URL(free.url).port;
    await free.close();
    const child: ChildProcess = spawn(
      'python3',
      ['-m', 'http.server', port, '--bind', '127.0.0.1', '--directory', join(kioskDir, 'dist')],
      { stdio: 'ignore' },
    );
    try {
      const url = `http://127.0.0.1:${port}/`;
      let ready = false;
      for (let attempt = 0; attempt < 50 && !ready; attempt++) {
        ready = await fetch(url).then(
          (response) => response.ok,
          () => false,
        );
        if (!ready) await new Promise((done) => setTimeout(done, 100));
      }
      expect(ready).toBe(true);
      const current = (await getText(url, 'index.html')).text;
      station = await startStationServing(await makeStationBuild(join(work, 'station-g'), 'gggg9999'));
      expect((await sync(station.url, kioskDir)).kind).toBe('updated');
      onKiosk = station;
      expect((await getText(url, 'index.html')).text).not.toBe(current);
      expect((await getText(url, 'index.html')).text).toContain('fixture gggg9999');
      expect((await getText(url, PHOTO_NAME)).status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it('the command line says what it did and exits 0, or 1 with the reason when it refuses', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/deploy/kiosk/syncBuild.ts', ...args], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (data: Buffer) => {
          output += data.toString();
        });
        child.stderr.on('data', (data: Buffer) => {
          output += data.toString();
        });
        child.on('close', (code) => done({ code, output }));
      });
    const upToDate = await run(['--station', onKiosk.url, '--dir', kioskDir]);
    expect(upToDate.output).toMatch(/up to date/);
    expect(upToDate.code).toBe(0);
    const fake = await fakeStation({ stamp: 'bad', files: [{ path: '../x', size: 1, sha256: sha256('x') }] });
    const refused = await run(['--station', fake.url, '--dir', kioskDir]);
    expect(refused.output).toMatch(/refused the station's manifest/);
    expect(refused.code).toBe(1);
    const usage = await run(['--dir', kioskDir, '--station', 'ftp://station']);
    expect(usage.code).toBe(2);
  });
});

describe('the station writes each build’s manifest when the build completes', () => {
  it('as manifest.json in the build: the route answers it, /manifest.json serves it, and a kiosk syncs that build', async () => {
    const checkout = await tempDir('manifest-checkout');
    const kioskDir = await tempDir('manifest-kiosk');
    const checkoutFiles: [string, string][] = [
      ['index.html', '<!doctype html>'],
      ['vite.config.ts', 'export default {}'],
      ['package-lock.json', '{}'],
      ['assets/content/exhibition.json', '{"title":"党史长廊"}'],
      ['assets/photos/team.svg', '<svg/>'],
    ];
    for (const [name, text] of checkoutFiles) {
      await mkdir(dirname(join(checkout, name)), { recursive: true });
      await writeFile(join(checkout, name), text);
    }
    const built = await startStationInProcess({
      root: checkout,
      serveDist: null,
      buildOnStart: false,
      builder: async (outDir) => {
        await makeStationBuild(outDir, 'abab1212');
      },
    });
    try {
      const api = new URL('api/site/manifest', built.url);
      expect((await fetch(api)).status).toBe(503);
      await built.station.builds.refresh();
      const current = built.station.builds.current;
      expect(current?.stamp).toMatch(/^[0-9a-f]{16}$/);
      if (!current) return;
      const written = siteManifestSchema.parse(JSON.parse(await readFile(join(current.dir, SITE_MANIFEST_FILE), 'utf8')));
      expect(written.stamp).toBe(current.stamp);
      const tree = await treeOf(current.dir);
      delete tree[SITE_MANIFEST_FILE];
      expect(Object.fromEntries(written.files.map((file) => [file.path, file.sha256]))).toEqual(tree);
      // Nothing hidden is left behind by the write.
      expect((await readdir(current.dir)).filter((name) => name.startsWith('.'))).toEqual([]);
      expect(await (await fetch(api)).json()).toEqual(written);
      expect(await (await fetch(new URL(SITE_MANIFEST_FILE, built.url))).json()).toEqual(written);
      // A kiosk syncs the real build: the same stamp, the same files.
      expect(await sync(built.url, kioskDir)).toMatchObject({ kind: 'updated', stamp: current.stamp });
      const synced = await treeOf(join(kioskDir, 'builds', current.stamp));
      expect(synced).toEqual(await treeOf(current.dir));
      // Made once per build: a file changed afterwards does not change the answer (the kiosk would refuse that file).
      await writeFile(join(current.dir, 'index.html'), 'changed later');
      expect(await (await fetch(api)).json()).toEqual(written);
    } finally {
      await built.close();
      await rm(checkout, { recursive: true, force: true });
      await rm(kioskDir, { recursive: true, force: true });
    }
  });

  it('gives a build made before manifests existed one on first request, and writes it beside the build', async () => {
    const dir = await tempDir('manifest-old-build');
    try {
      await makeStationBuild(dir, 'cdcd3434');
      const manifest = await new SiteManifests().forBuild({ stamp: 'fedcba9876543210', dir });
      expect(manifest.stamp).toBe('fedcba9876543210');
      expect(JSON.parse(await readFile(join(dir, SITE_MANIFEST_FILE), 'utf8'))).toEqual(manifest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
