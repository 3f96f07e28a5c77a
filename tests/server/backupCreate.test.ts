/**
 * `npm run backup`'s logic (src/server/backup/createBackup.ts) on real SQLite and real files:
 * a backup taken while another process writes the database restores to a database that opens and
 * passes SQLite's integrity check; what is kept and what is left out; the manifest's facts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/server/backup/createBackup.ts';
import { BACKUP_DATA_FOLDER, DATABASE_FILE } from '../../src/server/backup/dataDirLayout.ts';
import { readManifest } from '../../src/server/backup/manifest.ts';
import { restoreBackup } from '../../src/server/backup/restoreBackup.ts';
import { latestSchemaVersion } from '../../src/server/backup/stationPaths.ts';
import { copyTreeConsistently, TreeKeepsChangingError } from '../../src/server/backup/treeCopy.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { KEPT_EMPTY_FOLDERS, KEPT_FILES, LEFT_OUT_FILES, makeDataDir } from './backupFixture.ts';
import { ROOT, tempDir } from './stationHarness.ts';

const APP = { name: 'dangshi-changlang', version: '0.0.0-test' };
const PAYLOAD_BYTES = 2048;

const cleanup: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function workspace(): Promise<{ dataDir: string; targetDir: string; root: string }> {
  const root = await tempDir('backup');
  cleanup.push(root);
  return { root, dataDir: join(root, 'data'), targetDir: join(root, 'backups') };
}

/**
 * Another process inserting rows into the database as fast as it can, in small transactions,
 * until killed: the server's writes during a backup. Resolves once it has written.
 */
async function startWriter(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare('INSERT INTO writes (at, payload) VALUES (?, randomblob(${PAYLOAD_BYTES}))');
    const batch = db.transaction(() => { for (let i = 0; i < 5; i++) insert.run(Date.now()); });
    let announced = false;
    const loop = () => { batch(); if (!announced) { announced = true; console.log('WRITING'); } setImmediate(loop); };
    loop();
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  await new Promise<void>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('WRITING')) done();
    });
    child.stderr?.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.once('exit', (code) => fail(new Error(`the writer exited (${code}): ${output}`)));
  });
  return child;
}

function countRows(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM writes').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function integrity(db: Database.Database): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
}

describe('a backup of DATA_DIR', () => {
  it('taken while another process writes the database, restores to a database that opens and passes the integrity check', async () => {
    const { dataDir, targetDir, root } = await workspace();
    await makeDataDir(dataDir);
    const file = join(dataDir, DATABASE_FILE);
    const setup = openDatabase(file);
    setup.exec('CREATE TABLE writes (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload BLOB NOT NULL)');
    // Some megabytes already there, so the copy takes long enough for the writer to go on meanwhile.
    const fill = setup.prepare(`INSERT INTO writes (at, payload) VALUES (0, randomblob(${PAYLOAD_BYTES}))`);
    setup.transaction(() => {
      for (let i = 0; i < 4000; i++) fill.run();
    })();
    setup.close();

    const writer = await startWriter(file);
    const before = countRows(file);
    const outcome = await createBackup({ dataDir, targetDir, app: APP });
    const after = countRows(file);
    writer.kill('SIGKILL');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // The writer really wrote while the backup ran.
    expect(after).toBeGreaterThan(before);

    const copy = join(outcome.dir, BACKUP_DATA_FOLDER, DATABASE_FILE);
    // A self-contained file: no WAL beside it to be lost in a copy of the backup.
    expect(existsSync(`${copy}-wal`)).toBe(false);
    const copied = countRows(copy);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);

    const restoredDir = join(root, 'restored');
    const restored = await restoreBackup({
      backupDir: outcome.dir,
      dataDir: restoredDir,
      latestSchemaVersion: latestSchemaVersion(),
    });
    expect(restored.ok).toBe(true);
    // Opened as the server opens it (WAL, migrations), whole and with every row of the snapshot.
    const db = openDatabase(join(restoredDir, DATABASE_FILE));
    try {
      expect(integrity(db)).toEqual(['ok']);
      const rows = db.prepare('SELECT count(*) AS n, sum(length(payload)) AS bytes FROM writes').get() as {
        n: number;
        bytes: number;
      };
      expect(rows.n).toBe(copied);
      expect(rows.bytes).toBe(copied * PAYLOAD_BYTES);
      expect(db.prepare("SELECT username FROM accounts WHERE id = 'a1'").get()).toEqual({ username: 'admin' });
    } finally {
      db.close();
    }
  }, 60_000);

  it('keeps the station’s files and leaves out what the station makes again, each file in the manifest with its size and hash', async () => {
    const { dataDir, targetDir } = await workspace();
    await makeDataDir(dataDir);
    const outcome = await createBackup({ dataDir, targetDir, app: APP, clock: () => new Date(2025, 6, 1, 9, 5, 7) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.dir).toBe(join(targetDir, 'backup-20250701-090507'));
    // Nothing but the finished backup in the target folder (the unfinished name is gone).
    expect(await readdir(targetDir)).toEqual(['backup-20250701-090507']);

    const read = await readManifest(outcome.dir);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { manifest } = read;
    expect(manifest.app).toEqual(APP);
    expect(manifest.schemaVersion).toBe(latestSchemaVersion());
    expect(manifest.createdAt).toBe(new Date(2025, 6, 1, 9, 5, 7).toISOString());
    expect(manifest.database).toBe(`data/${DATABASE_FILE}`);

    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    for (const [path, body] of Object.entries(KEPT_FILES)) {
      const entry = listed.get(`data/${path}`);
      const bytes = Buffer.from(body);
      expect(entry, path).toEqual({
        path: `data/${path}`,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(await readFile(join(outcome.dir, 'data', path))).toEqual(bytes);
    }
    for (const folder of KEPT_EMPTY_FOLDERS) expect(manifest.directories).toContain(`data/${folder}`);
    // The database once (its online copy), the kept files, nothing else.
    expect(manifest.files.length).toBe(Object.keys(KEPT_FILES).length + 1);
    for (const path of Object.keys(LEFT_OUT_FILES)) {
      expect(listed.has(`data/${path}`), path).toBe(false);
      expect(existsSync(join(outcome.dir, 'data', path)), path).toBe(false);
    }
    expect(manifest.leftOut).toEqual(
      expect.arrayContaining([
        'builds/',
        'preview/',
        'upload-tmp/',
        '.content-seed-1a2b/',
        'content/generated/',
        'draft/generated/',
      ]),
    );
    expect(manifest.leftOut).toContain('draft/content/panels-1.json.curate-42-a1b2.tmp');
    // Each listed size and hash is what the backup's disk holds.
    for (const file of manifest.files) {
      const bytes = await readFile(join(outcome.dir, file.path));
      expect(bytes.length).toBe(file.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
  });

  it('takes a second backup in the same second under its own name', async () => {
    const { dataDir, targetDir } = await workspace();
    await makeDataDir(dataDir);
    const clock = () => new Date(2025, 0, 2, 3, 4, 5);
    const first = await createBackup({ dataDir, targetDir, app: APP, clock });
    const second = await createBackup({ dataDir, targetDir, app: APP, clock });
    expect(first.ok && second.ok).toBe(true);
    expect((await readdir(targetDir)).sort()).toEqual(['backup-20250102-030405', 'backup-20250102-030405-2']);
  });

  it('refuses a folder without the station’s database, and a target inside DATA_DIR, writing nothing', async () => {
    const { dataDir, targetDir } = await workspace();
    expect(await createBackup({ dataDir, targetDir, app: APP })).toEqual({
      ok: false,
      refusal: { kind: 'no-data-dir', dataDir },
    });
    await makeDataDir(dataDir);
    const inside = join(dataDir, 'backups');
    expect(await createBackup({ dataDir, targetDir: inside, app: APP })).toEqual({
      ok: false,
      refusal: { kind: 'target-inside-data', targetDir: inside, dataDir },
    });
    expect(existsSync(inside)).toBe(false);
    await rm(join(dataDir, DATABASE_FILE));
    expect(await createBackup({ dataDir, targetDir, app: APP })).toEqual({
      ok: false,
      refusal: { kind: 'no-database', file: join(dataDir, DATABASE_FILE) },
    });
    expect(existsSync(targetDir)).toBe(false);
  });
});

describe('copying a file tree that is being written', () => {
  it('gives up on a tree that never holds still, naming the file, rather than keep a mix', async () => {
    const { root } = await workspace();
    const source = join(root, 'source');
    const dest = join(root, 'dest');
    await makeDataDir(source);
    const busy = join(source, 'draft/content/panels-1.json');
    // Another process rewriting one file (by rename, as the draft does) without pause.
    const script = `
      const fs = require('fs');
      let n = 0;
      const loop = () => { fs.writeFileSync(${JSON.stringify(`${busy}.next`)}, JSON.stringify({ n: n++ })); fs.renameSync(${JSON.stringify(`${busy}.next`)}, ${JSON.stringify(busy)}); if (n === 1) console.log('WRITING'); setImmediate(loop); };
      loop();
    `;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise<void>((done) => child.stdout?.on('data', () => done()));
    const error = await copyTreeConsistently(source, dest, 3).catch((caught: unknown) => caught);
    child.kill('SIGKILL');
    expect(error).toBeInstanceOf(TreeKeepsChangingError);
    expect((error as TreeKeepsChangingError).paths).toContain('draft/content/panels-1.json');
  }, 30_000);

  it('copies a tree that holds still at the first check', async () => {
    const { root } = await workspace();
    const source = join(root, 'source');
    const dest = join(root, 'dest');
    await makeDataDir(source);
    const copy = await copyTreeConsistently(source, dest);
    expect(copy.files).toEqual(Object.keys(KEPT_FILES).sort());
    for (const path of copy.files) expect(await readFile(join(dest, path))).toEqual(await readFile(join(source, path)));
  });
});
