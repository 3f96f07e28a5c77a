/**
 * `npm run restore`: puts a backup in place as DATA_DIR, with the server stopped.
 *
 * 1. Refused while anything has DATA_DIR's database open (stationLock.ts): the server would go on
 *    writing into the folder moved aside, and lose what it wrote.
 * 2. The backup checked whole first: its manifest, then every file's size and SHA-256. A damaged or
 *    partial backup is refused naming its files, and nothing has been touched.
 * 3. Its files copied beside DATA_DIR (`<DATA_DIR>.restoring-…`, on the same disk, so the last
 *    step is a rename) and each copy checked against the manifest again: the backup itself stays as
 *    it was, for another restore.
 * 4. The current DATA_DIR renamed to `<DATA_DIR>.before-restore-YYYYMMDD-HHMMSS` (never deleted:
 *    the staff decide, once the restored station works), and the copy renamed to DATA_DIR.
 *
 * The restored DATA_DIR has no builds: the server builds the site again at its next start.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BACKUP_NAME, beforeRestoreName, sortBackupNames, timeStamp, UNFINISHED_PREFIX } from './backupNames.ts';
import { BACKUP_DATA_FOLDER } from './dataDirLayout.ts';
import { copyFileVerified } from './fileHash.ts';
import { type BackupManifest, checkBackupFiles, type FileProblem, readManifest } from './manifest.ts';
import { lockStationDatabase } from './stationLock.ts';

export interface RestoreOptions {
  /** The backup folder (`…/backup-YYYYMMDD-HHMMSS`). */
  backupDir: string;
  dataDir: string;
  /** The newest migration this checkout knows: a backup from a newer one is refused. */
  latestSchemaVersion: number;
  clock?: () => Date;
}

export type RestoreRefusal =
  | { kind: 'not-found'; backupDir: string }
  | { kind: 'unfinished'; backupDir: string }
  | { kind: 'folder-of-backups'; backupDir: string; newest: string }
  | { kind: 'no-manifest'; backupDir: string }
  | { kind: 'bad-manifest'; backupDir: string; detail: string }
  | { kind: 'damaged'; backupDir: string; problems: FileProblem[] }
  | { kind: 'newer-schema'; backupDir: string; backupVersion: number; latestVersion: number }
  | { kind: 'station-running'; dataDir: string };

export type RestoreOutcome =
  | { ok: true; dataDir: string; movedAside: string | null; manifest: BackupManifest }
  | { ok: false; refusal: RestoreRefusal };

export async function restoreBackup(options: RestoreOptions): Promise<RestoreOutcome> {
  const backupDir = resolve(options.backupDir);
  const dataDir = resolve(options.dataDir);
  // Held from here to the moment DATA_DIR moves: a server starting meanwhile waits, then fails to open.
  const lock = lockStationDatabase(dataDir);
  if (lock.kind === 'in-use') return refused({ kind: 'station-running', dataDir });
  let locked = lock.kind === 'held';
  const unlock = () => {
    if (locked && lock.kind === 'held') lock.release();
    locked = false;
  };
  const now = (options.clock ?? (() => new Date()))();
  const staging = `${dataDir}${RESTORING_MARK}${timeStamp(now)}-${randomBytes(3).toString('hex')}`;
  try {
    const checked = await checkBackup(backupDir, options.latestSchemaVersion);
    if (!checked.ok) return checked;
    const { manifest } = checked;
    await clearInterruptedRestores(dataDir);
    const copied = await copyBackupData(backupDir, manifest, staging);
    if (copied.length > 0) {
      await rm(staging, { recursive: true, force: true });
      return refused({ kind: 'damaged', backupDir, problems: copied });
    }
    const movedAside = existsSync(dataDir) ? beforeRestoreName(dataDir, now, existsSync) : null;
    // Let go of the database just before it moves: SQLite finds its files by name when it closes.
    unlock();
    if (movedAside) await rename(dataDir, movedAside);
    try {
      await rename(staging, dataDir);
    } catch (error) {
      if (movedAside) await rename(movedAside, dataDir);
      throw error;
    }
    return { ok: true, dataDir, movedAside, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    unlock();
  }
}

const RESTORING_MARK = '.restoring-';

/** What a restore killed midway left beside DATA_DIR (its copy, never DATA_DIR or a folder moved aside). */
async function clearInterruptedRestores(dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  const prefix = `${basename(dataDir)}${RESTORING_MARK}`;
  await mkdir(parent, { recursive: true });
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/** The checks of step 2, which change nothing: a backup folder, complete, undamaged, not from a newer app. */
export async function checkBackup(
  backupDir: string,
  latestSchemaVersion: number,
): Promise<{ ok: true; manifest: BackupManifest } | { ok: false; refusal: RestoreRefusal }> {
  if (!(await stat(backupDir).catch(() => null))?.isDirectory()) return refused({ kind: 'not-found', backupDir });
  if (basename(backupDir).startsWith(UNFINISHED_PREFIX)) return refused({ kind: 'unfinished', backupDir });
  const read = await readManifest(backupDir);
  if (!read.ok) {
    if (read.reason === 'unreadable') return refused({ kind: 'bad-manifest', backupDir, detail: read.detail });
    // The folder the backups are kept in, given instead of one of them: say which is newest.
    const inside = sortBackupNames(await readdir(backupDir).catch(() => []));
    const newest = inside[inside.length - 1];
    if (newest && !BACKUP_NAME.test(basename(backupDir))) return refused({ kind: 'folder-of-backups', backupDir, newest });
    return refused({ kind: 'no-manifest', backupDir });
  }
  const { manifest } = read;
  const problems = await checkBackupFiles(backupDir, manifest);
  if (problems.length > 0) return refused({ kind: 'damaged', backupDir, problems });
  if (manifest.schemaVersion !== null && manifest.schemaVersion > latestSchemaVersion) {
    return refused({
      kind: 'newer-schema',
      backupDir,
      backupVersion: manifest.schemaVersion,
      latestVersion: latestSchemaVersion,
    });
  }
  return { ok: true, manifest };
}

/** Copies the manifest's files of `data/` into `dest`; returns the files whose copy does not match it. */
async function copyBackupData(backupDir: string, manifest: BackupManifest, dest: string): Promise<FileProblem[]> {
  const prefix = `${BACKUP_DATA_FOLDER}/`;
  const inData = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : null);
  await mkdir(dest, { recursive: false, mode: 0o700 });
  for (const directory of manifest.directories) {
    const inside = inData(directory);
    if (inside) await mkdir(join(dest, inside), { recursive: true, mode: 0o700 });
  }
  const problems: FileProblem[] = [];
  for (const file of manifest.files) {
    const inside = inData(file.path);
    if (!inside) continue;
    await mkdir(dirname(join(dest, inside)), { recursive: true, mode: 0o700 });
    const copied = await copyFileVerified(join(backupDir, file.path), join(dest, inside));
    if (copied.sha256 !== file.sha256 || copied.size !== file.size) problems.push({ path: file.path, problem: 'hash' });
  }
  return problems;
}

function refused(refusal: RestoreRefusal): { ok: false; refusal: RestoreRefusal } {
  return { ok: false, refusal };
}
