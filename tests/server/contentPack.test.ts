/**
 * The content as a zip against the real server, SQLite and files: the export is the store byte for
 * byte in the checkout's layout; a draft exported and imported again is the draft; a pack with a
 * panel error is refused with its file and JSON path; hostile zips built here (names reaching
 * out, a symlink, duplicates, an entry lying about its size, a real 1 GB of zeros) are refused,
 * quickly, with nothing left in DATA_DIR and the server still serving; only a reviewer imports.
 * The caps themselves are tested lowered on the unpacker directly (unpackPack).
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSnapshot } from '../../src/live/curateDraftProtocol.ts';
import type { AuditPage } from '../../src/live/curateProtocol.ts';
import { DEFAULT_PACK_LIMITS, type PackLimits, unpackPack } from '../../src/server/curate/contentPack.ts';
import { hashTree, STORE_FOLDERS } from '../../src/server/curate/contentStore.ts';
import { curatorClient } from './curatorClient.ts';
import { startStationInProcess, type TestStation } from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';
const PANEL = 'deqing-party-history';
type Json = Record<string, unknown>;

let station: TestStation;
let origin: string;

const { api, login, cookies, addAccounts } = curatorClient(() => station.url);

async function download(who: string | null, from: string) {
  const response = await fetch(new URL(`api/curate/export?from=${from}`, station.url), {
    headers: who ? { cookie: cookies[who] as string } : {},
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

async function upload(who: string | null, zip: Uint8Array, query = '', headers: Record<string, string> = {}) {
  const response = await fetch(new URL(`api/curate/import${query}`, station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/zip', origin, ...(who ? { cookie: cookies[who] as string } : {}), ...headers },
    // A copy on its own ArrayBuffer: what fetch's types take as a body.
    body: zip.slice(),
  });
  const text = await response.text();
  return { status: response.status, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
}

/** Every file and folder under DATA_DIR, by its path (what a refused import must leave as it was). */
async function listing(): Promise<string[]> {
  const entries = await readdir(station.dataDir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => relative(station.dataDir, join(entry.parentPath, entry.name)).split(sep).join('/')).sort();
}

/** The bytes under DATA_DIR (files only): a refused zip bomb must not have filled the disk. */
async function dataBytes(): Promise<number> {
  let total = 0;
  for (const entry of await readdir(station.dataDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The store's files in a tree, keyed as the pack names them ("assets/content/deqing.json"). */
async function treeFiles(tree: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const folder of STORE_FOLDERS) {
    const root = join(tree, folder);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(`assets/${folder}/${relative(root, path).split(sep).join('/')}`, await readFile(path));
    }
  }
  return files;
}

interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Unix mode (type and permissions), written in the high 16 bits of the external attributes. */
  mode?: number;
  stored?: boolean;
}

/** A zip made here, entry by entry (duplicates and all), with fflate's streaming Zip. */
function makeZip(entries: ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const { name, data, mode, stored } of entries) {
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    if (mode !== undefined) {
      file.os = 3;
      file.attrs = mode * 0x10000;
    }
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The zip with its central directory's record of entry `index` saying it unpacks to `size` bytes: a lie. */
function lieAboutSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  let at = view.getUint32(eocd + 16, true);
  for (let entry = 0; entry < index; entry++) {
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  view.setUint32(at + 24, size, true);
  return zip;
}

/** The pack's entries with `change` applied (a name → new bytes, or null to drop it). */
function repack(pack: Uint8Array, change: (name: string, data: Uint8Array) => Uint8Array | null): Uint8Array {
  const entries: ZipEntry[] = [];
  for (const [name, data] of Object.entries(unzipSync(pack))) {
    const changed = change(name, data);
    if (changed) entries.push({ name, data: changed });
  }
  return makeZip(entries);
}

const storeHash = async () => (await hashTree(station.station.contentStore.dir, STORE_FOLDERS)).hash;

async function auditActions(): Promise<Array<{ action: string; detail: string | null }>> {
  const page = (await api('admin', 'GET', 'api/curate/audit?limit=200')).json as unknown as AuditPage;
  return page.entries.map((entry) => ({ action: entry.action, detail: entry.detail }));
}

async function editBody(who: string, text: string) {
  const snapshot = (await api(who, 'GET', 'api/curate/draft')).json as unknown as DraftSnapshot;
  const file = snapshot.files['content/deqing.json'] as { panels: Json[] };
  const panel = file.panels.find((candidate) => candidate.id === PANEL) as Json;
  const saved = await api(who, 'PUT', `api/curate/draft/panels/${PANEL}`, {
    baseVersion: snapshot.versions.panels[PANEL]?.version,
    panel: { ...panel, body: [{ zh: text }] },
  });
  expect(saved.status).toBe(200);
}

const photo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>');

const bodyOf = (deqing: Uint8Array) =>
  (JSON.parse(new TextDecoder().decode(deqing)) as { panels: Json[] }).panels.find((panel) => panel.id === PANEL)?.body;

beforeAll(async () => {
  station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD });
  origin = new URL(station.url).origin;
  await login('admin', ADMIN_PASSWORD);
  await addAccounts('admin', [
    ['editor1', 'editor'],
    ['reviewer2', 'reviewer'],
  ]);
});
afterAll(() => station.close());

describe('the content exported as a zip', () => {
  it('is the published store byte for byte, in the checkout’s layout, with pack.json, as a named attachment', async () => {
    const exported = await download('editor1', 'published');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/zip');
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dangshi-content-published-\d{8}-\d{4}\.zip"$/,
    );
    const entries = unzipSync(exported.bytes);
    const { 'pack.json': manifest, ...rest } = entries;
    expect(JSON.parse(new TextDecoder().decode(manifest))).toMatchObject({
      format: 'dangshi-content-pack',
      version: 1,
      from: 'published',
      versionNumber: 1,
    });
    const store = await treeFiles(station.station.contentStore.dir);
    expect(Object.keys(rest).sort()).toEqual([...store.keys()].sort());
    expect(store.size).toBeGreaterThan(8);
    for (const [name, bytes] of store) expect(Buffer.from(rest[name] as Uint8Array).equals(bytes), name).toBe(true);
    // No temporary copy stays behind once the download is over.
    expect((await readdir(station.dataDir)).filter((name) => name.startsWith('.pack-'))).toEqual([]);
    expect((await auditActions())[0]).toEqual({ action: 'export-content', detail: 'from:published' });
  });

  it('of the draft before any edit is the published content; only logged-in staff get it; a wrong source is refused', async () => {
    const exported = await download('editor1', 'draft');
    expect(exported.status).toBe(200);
    const entries = unzipSync(exported.bytes);
    expect(JSON.parse(new TextDecoder().decode(entries['pack.json']))).toMatchObject({ from: 'draft', versionNumber: 1 });
    expect(Buffer.from(entries['assets/content/deqing.json'] as Uint8Array)).toEqual(
      await readFile(join(station.station.contentStore.dir, 'content/deqing.json')),
    );
    expect((await download(null, 'published')).status).toBe(401);
    expect((await download('editor1', 'somewhere')).status).toBe(400);
  });
});

describe('a pack imported as the draft', () => {
  it('round-trips: the draft exported, changed in the pack and imported, is the pack, to be submitted like any edit', async () => {
    await editBody('editor1', '草稿里的一段话');
    const exported = await download('editor1', 'draft');
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(exported.bytes)['pack.json']));
    expect(manifest.from).toBe('draft');
    expect(manifest.versionNumber).toBeUndefined();
    expect(bodyOf(unzipSync(exported.bytes)['assets/content/deqing.json'] as Uint8Array)).toEqual([{ zh: '草稿里的一段话' }]);

    // Unsubmitted edits are not replaced unasked.
    const before = await listing();
    expect(await upload('reviewer2', exported.bytes)).toMatchObject({ status: 409, json: { error: 'draft-has-changes' } });
    expect(await listing()).toEqual(before);

    const changed = repack(exported.bytes, (name, data) => {
      if (name !== 'assets/content/deqing.json') return data;
      const file = JSON.parse(new TextDecoder().decode(data)) as { panels: Json[] };
      (file.panels.find((panel) => panel.id === PANEL) as Json).body = [{ zh: '开发者改过的一段话' }];
      return strToU8(`${JSON.stringify(file, null, 2)}\n`);
    });
    const imported = await upload('reviewer2', changed, '?replaceDraft=1');
    expect(imported.status).toBe(200);
    const entries = unzipSync(changed);
    const packFiles = Object.keys(entries).filter((name) => name.startsWith('assets/'));
    expect(imported.json).toEqual({
      ok: true,
      files: packFiles.filter((name) => name.startsWith('assets/content/')).length,
      photos: packFiles.filter((name) => name.startsWith('assets/photos/')).length,
    });
    const draft = await treeFiles(station.station.draft.dir);
    expect([...draft.keys()].sort()).toEqual(packFiles.sort());
    for (const [name, bytes] of draft) expect(Buffer.from(entries[name] as Uint8Array).equals(bytes), name).toBe(true);
    expect((await auditActions())[0]).toEqual({
      action: 'import-content',
      detail: expect.stringMatching(/^files:\d+ photos:\d+$/),
    });
    expect((await readdir(station.dataDir)).filter((name) => name.startsWith('.pack-'))).toEqual([]);

    // Exported again, the draft is what was imported; and it goes to review as any edit does.
    const again = unzipSync((await download('editor1', 'draft')).bytes);
    for (const name of packFiles)
      expect(Buffer.from(again[name] as Uint8Array).equals(Buffer.from(entries[name] as Uint8Array))).toBe(true);
    const submitted = await api('editor1', 'POST', 'api/curate/submissions', { note: '导入的内容包' });
    expect(submitted.status).toBe(201);
    // Submitted, the draft has nothing unsubmitted: a new pack needs no replaceDraft.
    expect((await upload('reviewer2', exported.bytes)).status).toBe(200);
  });

  it('refuses a pack with a panel error, naming its file and JSON path, and leaves the draft as it was', async () => {
    const exported = await download('editor1', 'published');
    const broken = repack(exported.bytes, (name, data) => {
      if (name !== 'assets/content/deqing.json') return data;
      const file = JSON.parse(new TextDecoder().decode(data)) as { panels: Json[] };
      (file.panels[0] as Json).title = 42;
      return strToU8(JSON.stringify(file));
    });
    const draftBefore = await hashTree(station.station.draft.dir, STORE_FOLDERS);
    const before = await listing();
    const refused = await upload('reviewer2', broken, '?replaceDraft=1');
    expect(refused.status).toBe(422);
    expect(refused.json.error).toBe('pack-has-errors');
    const problems = refused.json.problems as Array<{ file: string; path: unknown[]; severity: string }>;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'content/deqing.json', path: ['panels', 0, 'title'] }),
    );
    expect(await listing()).toEqual(before);
    expect(await hashTree(station.station.draft.dir, STORE_FOLDERS)).toEqual(draftBefore);
  });

  it('is for reviewers only, from the station’s own page', async () => {
    const pack = (await download('editor1', 'published')).bytes;
    expect((await upload(null, pack, '?replaceDraft=1')).status).toBe(401);
    expect(await upload('editor1', pack, '?replaceDraft=1')).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    expect(await upload('reviewer2', pack, '?replaceDraft=1', { origin: 'http://evil.example' })).toMatchObject({
      status: 403,
      json: { error: 'bad-origin' },
    });
    expect((await upload('reviewer2', pack, '?replaceDraft=yes')).status).toBe(400);
    expect((await upload('reviewer2', pack, '?replaceDraft=1', { 'content-type': 'text/plain' })).status).toBe(415);
  });
});

describe('a hostile or broken pack', () => {
  const content = strToU8('{}');

  /** Refused as `error` (naming `entry` when given), with DATA_DIR as it was and the server still answering. */
  async function expectRefused(zip: Uint8Array, error: string, entry?: string) {
    const before = await listing();
    const publishedBefore = await storeHash();
    const refused = await upload('reviewer2', zip, '?replaceDraft=1');
    expect(refused.json.error).toBe(error);
    expect(refused.status).toBe(error === 'too-large' ? 413 : 422);
    if (entry !== undefined) expect(refused.json.entry).toBe(entry);
    expect(await listing()).toEqual(before);
    expect(await storeHash()).toBe(publishedBefore);
    expect((await api('editor1', 'GET', 'api/curate/versions')).status).toBe(200);
  }

  it.each([
    ['../evil.json', 'bad-entry-name'],
    ['/etc/x', 'bad-entry-name'],
    ['assets/content/../../x', 'bad-entry-name'],
    ['assets\\content\\evil.json', 'bad-entry-name'],
    ['C:/Windows/evil.json', 'bad-entry-name'],
    ['assets/photos/a\u0000.jpg', 'bad-entry-name'],
    ['evil/x.json', 'outside-folders'],
    ['assets/evil.json', 'outside-folders'],
    ['assets/content/run.sh', 'bad-content-file'],
  ])('refuses the entry %j (%s), naming it', async (name, error) => {
    const zip = makeZip([
      { name: 'assets/content/exhibition.json', data: content },
      { name, data: strToU8('pwned') },
    ]);
    await expectRefused(zip, error, name.replace('\u0000', '\\u0000'));
  });

  it('refuses a symbolic link and two entries for one place', async () => {
    await expectRefused(
      makeZip([{ name: 'assets/photos/link.svg', data: strToU8('/etc/passwd'), mode: 0o120777, stored: true }]),
      'not-a-file',
      'assets/photos/link.svg',
    );
    await expectRefused(
      makeZip([
        { name: 'assets/photos/a.svg', data: photo },
        { name: 'assets/photos/a.svg', data: photo },
      ]),
      'duplicate-entry',
      'assets/photos/a.svg',
    );
    await expectRefused(
      makeZip([
        { name: 'assets/photos/A.svg', data: photo },
        { name: 'assets/photos/a.svg', data: photo },
      ]),
      'duplicate-entry',
      'assets/photos/a.svg',
    );
  });

  it('refuses what is not a photo, an SVG with a script, a pack without the exhibition, and what is not a zip', async () => {
    await expectRefused(
      makeZip([{ name: 'assets/photos/fake.jpg', data: strToU8('MZ not a photo') }]),
      'not-a-photo',
      'assets/photos/fake.jpg',
    );
    await expectRefused(
      makeZip([
        { name: 'assets/photos/x.svg', data: strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      ]),
      'unsafe-svg',
      'assets/photos/x.svg',
    );
    await expectRefused(makeZip([{ name: 'assets/photos/a.svg', data: photo }]), 'not-a-pack');
    await expectRefused(strToU8('this is not a zip at all, only words'), 'not-zip');
  });

  it('refuses a 1 GB entry of zeros, declared or lying about its size, quickly and without filling the disk', async () => {
    // Deflated in 1 MB pushes: about 1 MB of zip, never 1 GB in memory.
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const zeros = new ZipDeflate('assets/photos/zeros.jpg', { level: 1 });
    zip.add(zeros);
    const megabyte = new Uint8Array(1024 * 1024);
    for (let index = 0; index < 1024; index++) zeros.push(megabyte, index === 1023);
    zip.end();
    const bomb = concat(chunks);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const bytesBefore = await dataBytes();

    let started = Date.now();
    await expectRefused(bomb, 'entry-too-large', 'assets/photos/zeros.jpg');
    expect(Date.now() - started).toBeLessThan(5_000);

    // The central directory says 2 KB: the bytes are counted as they come out, and it stops at once.
    const liar = lieAboutSize(bomb.slice(), 0, 2048);
    started = Date.now();
    await expectRefused(liar, 'entry-too-large', 'assets/photos/zeros.jpg');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(Math.abs((await dataBytes()) - bytesBefore)).toBeLessThan(1024 * 1024);
  }, 60_000);
});

describe('the unpacker’s caps (lowered)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'dangshi-pack-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  const limits = (overrides: Partial<PackLimits>): PackLimits => ({ ...DEFAULT_PACK_LIMITS, ...overrides });
  async function unpack(zip: Uint8Array, caps: Partial<PackLimits>) {
    const name = `case-${Math.random().toString(36).slice(2)}`;
    await writeFile(join(work, `${name}.zip`), zip);
    const tree = join(work, name);
    return { result: await unpackPack(join(work, `${name}.zip`), tree, limits(caps)), tree };
  }
  /** The biggest file the unpacker wrote into the tree. */
  async function biggestWritten(tree: string): Promise<number> {
    let biggest = 0;
    for (const entry of await readdir(tree, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (entry.isFile()) biggest = Math.max(biggest, (await stat(join(entry.parentPath, entry.name))).size);
    }
    return biggest;
  }
  const zeros = (bytes: number) => new Uint8Array(bytes);

  it('refuses an entry declared past its cap before unpacking anything', async () => {
    const { result, tree } = await unpack(makeZip([{ name: 'assets/photos/big.jpg', data: zeros(300_000) }]), {
      maxPhotoBytes: 100_000,
    });
    expect(result).toEqual({ ok: false, error: 'entry-too-large', entry: 'assets/photos/big.jpg' });
    expect(await biggestWritten(tree)).toBe(0);
  });

  it('stops an entry that lies about its size as soon as it unpacks past what it said, or past the cap', async () => {
    const lying = lieAboutSize(makeZip([{ name: 'assets/photos/big.jpg', data: zeros(3_000_000) }]), 0, 1_000);
    const { result, tree } = await unpack(lying, { maxPhotoBytes: 100_000 });
    expect(result).toEqual({ ok: false, error: 'entry-too-large', entry: 'assets/photos/big.jpg' });
    expect(await biggestWritten(tree)).toBeLessThanOrEqual(1_000);

    const past = lieAboutSize(makeZip([{ name: 'assets/content/x.json', data: zeros(3_000_000) }]), 0, 50_000);
    const second = await unpack(past, { maxContentBytes: 10_000 });
    expect(second.result).toMatchObject({ error: 'entry-too-large' });
    expect(await biggestWritten(second.tree)).toBeLessThanOrEqual(10_000);
  });

  it('refuses a pack past its total and more entries than allowed', async () => {
    const three = makeZip(['a', 'b', 'c'].map((name) => ({ name: `assets/photos/${name}.jpg`, data: zeros(40_000) })));
    expect((await unpack(three, { maxTotalBytes: 100_000 })).result).toEqual({
      ok: false,
      error: 'pack-too-large',
      entry: 'assets/photos/c.jpg',
    });
    expect((await unpack(three, { maxEntries: 2 })).result).toEqual({ ok: false, error: 'too-many-entries' });
  });

  it('refuses a damaged entry (its checksum) and unpacks a good pack into content and photos', async () => {
    const good = makeZip([
      { name: 'pack.json', data: strToU8(JSON.stringify({ format: 'dangshi-content-pack', version: 1 })) },
      { name: 'assets/', data: new Uint8Array(0) },
      { name: 'assets/content/exhibition.json', data: strToU8('{"a":1}') },
      { name: 'assets/photos/sub/a.svg', data: photo, stored: true },
      { name: '__MACOSX/assets/photos/._a.svg', data: strToU8('resource fork') },
    ]);
    const unpacked = await unpack(good, {});
    expect(unpacked.result).toMatchObject({ ok: true, files: 1, photos: 1 });
    expect(await readFile(join(unpacked.tree, 'photos/sub/a.svg'))).toEqual(photo);
    expect(await readFile(join(unpacked.tree, 'content/exhibition.json'), 'utf8')).toBe('{"a":1}');

    const damaged = makeZip([{ name: 'assets/photos/a.svg', data: photo, stored: true }]);
    const at = damaged.indexOf(0x3c); // the first byte of the SVG, stored as it is
    damaged[at + 5] = 0x21;
    expect((await unpack(damaged, {})).result).toEqual({ ok: false, error: 'damaged-zip', entry: 'assets/photos/a.svg' });
  });
});
