/**
 * `npm run restore`'s logic (src/server/backup/restoreBackup.ts) on real SQLite and real files:
 * the content and draft round-trip; a damaged or partial backup is refused naming its file, with
 * nothing changed; a restore is refused while the station server (or any process) holds DATA_DIR.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/server/backup/createBackup.ts';
import { DATABASE_FILE } from '../../src/server/backup/dataDirLayout.ts';
import { MANIFEST_FILE } from '../../src/server/backup/manifest.ts';
import { bilingual, restoreRefusalMessage } from '../../src/server/backup/messages.ts';
import { type RestoreOutcome, restoreBackup } from '../../src/server/backup/restoreBackup.ts';
import { latestSchemaVersion } from '../../src/server/backup/stationPaths.ts';
import { KEPT_FILES, LEFT_OUT_FILES, makeDataDir, treeState } from './backupFixture.ts';
import { makeFixtureBuild, ROOT, startStationInProcess, tempDir } from './stationHarness.ts';

const APP = { name: 'dangshi-changlang', version: '0.0.0-test' };
const LATEST = latestSchemaVersion();

const cleanup: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A DATA_DIR and one backup of it, in a temporary folder. */
async function stationWithBackup(): Promise<{ root: string; dataDir: string; backupDir: string }> {
  const root = await tempDir('restore');
  cleanup.push(root);
  const dataDir = join(root, 'data');
  await makeDataDir(dataDir);
  const outcome = await createBackup({ dataDir, targetDir: join(root, 'backups'), app: APP });
  if (!outcome.ok) throw new Error(`backup refused: ${outcome.refusal.kind}`);
  return { root, dataDir, backupDir: outcome.dir };
}

/** What a refusal must leave: DATA_DIR, its folder and the backup exactly as they were. */
async function snapshotAll(dataDir: string, backupDir: string) {
  return {
    data: await treeState(dataDir),
    backup: await treeState(backupDir),
    beside: (await readdir(dirname(dataDir))).sort(),
  };
}

function refusalOf(outcome: RestoreOutcome) {
  if (outcome.ok) throw new Error('the restore was not refused');
  return outcome.refusal;
}

describe('restoring a backup', () => {
  it('puts the content and the draft back as they were, moving the current DATA_DIR aside', async () => {
    const { root, dataDir, backupDir } = await stationWithBackup();
    const backupBefore = await treeState(backupDir);
    // Work after the backup: a draft edit, a photo deleted, a new file.
    await writeFile(join(dataDir, 'draft/content/panels-1.json'), '{"panels":[]}\n');
    await rm(join(dataDir, 'content/photos/2021/hall.jpg'));
    await writeFile(join(dataDir, 'draft/content/new.json'), '{}\n');
    const edited = await treeState(dataDir);

    const clock = () => new Date(2025, 2, 4, 15, 16, 17);
    const outcome = await restoreBackup({ backupDir, dataDir, latestSchemaVersion: LATEST, clock });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.movedAside).toBe(`${dataDir}.before-restore-20250304-151617`);

    for (const [path, body] of Object.entries(KEPT_FILES)) {
      expect(await readFile(join(dataDir, path)), path).toEqual(Buffer.from(body));
    }
    expect(existsSync(join(dataDir, 'draft/content/new.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'draft/photos'))).toBe(true);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    // What the station makes again is not in a restored DATA_DIR: it builds the site at its next start.
    for (const path of Object.keys(LEFT_OUT_FILES)) expect(existsSync(join(dataDir, path)), path).toBe(false);
    // The replaced DATA_DIR is kept whole, edits and builds included; the backup is untouched.
    expect(await treeState(outcome.movedAside ?? '')).toEqual(edited);
    expect(await treeState(backupDir)).toEqual(backupBefore);
    // Beside DATA_DIR: the restored folder, the one moved aside, the backups; no half copy.
    expect((await readdir(root)).sort()).toEqual(['backups', 'data', 'data.before-restore-20250304-151617']);
  });

  it('restores into a DATA_DIR that does not exist yet (a new station PC)', async () => {
    const { root, backupDir } = await stationWithBackup();
    const fresh = join(root, 'new-pc', 'data');
    const outcome = await restoreBackup({ backupDir, dataDir: fresh, latestSchemaVersion: LATEST });
    expect(outcome).toMatchObject({ ok: true, movedAside: null, dataDir: fresh });
    expect(await readFile(join(fresh, 'draft/draft.json'), 'utf8')).toBe(KEPT_FILES['draft/draft.json']);
  });

  const damages: { name: string; damage: (backupDir: string) => Promise<void>; path: string; problem: string }[] = [
    {
      name: 'one byte of a photo changed',
      path: 'data/content/photos/2021/hall.jpg',
      problem: 'hash',
      damage: async (backupDir) => {
        const file = join(backupDir, 'data/content/photos/2021/hall.jpg');
        const bytes = await readFile(file);
        bytes[5] = (bytes[5] ?? 0) ^ 0x01;
        await writeFile(file, bytes);
      },
    },
    {
      name: 'one byte of the database changed',
      path: `data/${DATABASE_FILE}`,
      problem: 'hash',
      damage: async (backupDir) => {
        const file = join(backupDir, 'data', DATABASE_FILE);
        const bytes = await readFile(file);
        bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x80;
        await writeFile(file, bytes);
      },
    },
    {
      name: 'a draft file missing',
      path: 'data/draft/content/panels-1.json',
      problem: 'missing',
      damage: (backupDir) => rm(join(backupDir, 'data/draft/content/panels-1.json')),
    },
    {
      name: 'a file cut short',
      path: 'data/content/content/exhibition.json',
      problem: 'size',
      damage: (backupDir) => truncate(join(backupDir, 'data/content/content/exhibition.json'), 3),
    },
  ];

  for (const { name, damage, path, problem } of damages) {
    it(`refuses a backup with ${name}, naming the file, and changes nothing`, async () => {
      const { dataDir, backupDir } = await stationWithBackup();
      await damage(backupDir);
      const before = await snapshotAll(dataDir, backupDir);
      const refusal = refusalOf(await restoreBackup({ backupDir, dataDir, latestSchemaVersion: LATEST }));
      expect(refusal).toEqual({ kind: 'damaged', backupDir, problems: [{ path, problem }] });
      // The staff read which file, in Chinese and in English.
      const message = bilingual(restoreRefusalMessage(refusal));
      expect(message).toContain(path);
      expect(message).toMatch(/备份已损坏[\s\S]*The backup is damaged/);
      expect(await snapshotAll(dataDir, backupDir)).toEqual(before);
    });
  }

  it('refuses what is not a complete backup: no manifest, a manifest naming paths outside, an unfinished one, a newer app’s', async () => {
    const { root, dataDir, backupDir } = await stationWithBackup();
    const manifestFile = join(backupDir, MANIFEST_FILE);
    const manifestText = await readFile(manifestFile, 'utf8');
    const before = await treeState(dataDir);
    const restore = async (from = backupDir) =>
      refusalOf(await restoreBackup({ backupDir: from, dataDir, latestSchemaVersion: LATEST }));

    await rm(manifestFile);
    expect(await restore()).toEqual({ kind: 'no-manifest', backupDir });

    const hostile = JSON.parse(manifestText) as { files: { path: string }[] };
    hostile.files.push({ ...(hostile.files[0] as { path: string }), path: 'data/../../outside.txt' });
    await writeFile(manifestFile, JSON.stringify(hostile));
    expect(await restore()).toMatchObject({ kind: 'bad-manifest', backupDir });

    await writeFile(manifestFile, '{ "format": ');
    expect(await restore()).toMatchObject({ kind: 'bad-manifest' });

    const newer = JSON.parse(manifestText) as { schemaVersion: number };
    newer.schemaVersion = LATEST + 1;
    await writeFile(manifestFile, JSON.stringify(newer));
    expect(await restore()).toEqual({ kind: 'newer-schema', backupDir, backupVersion: LATEST + 1, latestVersion: LATEST });

    await writeFile(manifestFile, manifestText);
    const unfinished = join(dirname(backupDir), '.unfinished-backup-20250101-000000-abcd');
    await rename(backupDir, unfinished);
    expect(await restore(unfinished)).toEqual({ kind: 'unfinished', backupDir: unfinished });
    await rename(unfinished, backupDir);

    // The folder of backups instead of one of them: the answer names the newest.
    expect(await restore(dirname(backupDir))).toEqual({
      kind: 'folder-of-backups',
      backupDir: dirname(backupDir),
      newest: basename(backupDir),
    });
    expect(await restore(join(root, 'nowhere'))).toEqual({ kind: 'not-found', backupDir: join(root, 'nowhere') });

    expect(await treeState(dataDir)).toEqual(before);
    expect(existsSync(join(root, 'outside.txt'))).toBe(false);
    expect((await readdir(root)).sort()).toEqual(['backups', 'data']);
  });

  it('is refused while another process has the station’s database open', async () => {
    const { dataDir, backupDir } = await stationWithBackup();
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(join(dataDir, DATABASE_FILE))});
      db.pragma('journal_mode = WAL');
      console.log('OPEN');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise<void>((done) => child.stdout?.on('data', () => done()));
    const before = await snapshotAll(dataDir, backupDir);
    expect(refusalOf(await restoreBackup({ backupDir, dataDir, latestSchemaVersion: LATEST }))).toEqual({
      kind: 'station-running',
      dataDir,
    });
    expect(await snapshotAll(dataDir, backupDir)).toEqual(before);
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect((await restoreBackup({ backupDir, dataDir, latestSchemaVersion: LATEST })).ok).toBe(true);
  }, 30_000);
});

describe('with the real station server', () => {
  it('backs up while the server runs; the restore is refused until it stops; the restored DATA_DIR starts a station', async () => {
    const root = await tempDir('restore-station');
    cleanup.push(root);
    const dataDir = join(root, 'data');
    const { dir: serveDist } = await makeFixtureBuild(join(root, 'dist'));
    const first = await startStationInProcess({ dataDir, serveDist, adminPassword: 'a-long-password' });
    let running = true;
    try {
      expect(first.station.contentStore.seededNow).toBe(true);
      const backup = await createBackup({ dataDir, targetDir: join(root, 'backups'), app: APP });
      expect(backup.ok).toBe(true);
      if (!backup.ok) return;
      const before = await treeState(dataDir);
      const refusal = refusalOf(await restoreBackup({ backupDir: backup.dir, dataDir, latestSchemaVersion: LATEST }));
      expect(refusal).toEqual({ kind: 'station-running', dataDir });
      expect(bilingual(restoreRefusalMessage(refusal))).toContain('systemctl --user stop dangshi-station');
      expect(await treeState(dataDir)).toEqual(before);
      expect((await readdir(root)).sort()).toEqual(['backups', 'data', 'dist']);

      await first.close();
      running = false;
      const restored = await restoreBackup({ backupDir: backup.dir, dataDir, latestSchemaVersion: LATEST });
      expect(restored.ok).toBe(true);
    } finally {
      if (running) await first.close();
    }
    // The restored folder is a station's: its content store is taken as it is (not seeded again),
    // and its 审核 account is there (no setup link).
    const second = await startStationInProcess({ dataDir, serveDist });
    try {
      expect(second.station.contentStore.seededNow).toBe(false);
      expect(second.station.setupLink).toBeNull();
    } finally {
      await second.close();
    }
  }, 60_000);
});
