/**
 * `npm run backup`: one consistent copy of DATA_DIR in a new `backup-YYYYMMDD-HHMMSS/` folder of
 * the target folder, with the server running or not.
 *
 * - The database first, by SQLite's online backup (databaseSnapshot.ts); then the files
 *   (treeCopy.ts), each read twice. In that order because the station writes a file before the
 *   row that names it: whatever the copied database names was on disk before the copy, so the
 *   files copied after it hold it.
 * - Everything is written into a hidden `.unfinished-backup-…` folder and renamed to its final name
 *   only when complete and its manifest written: a folder named `backup-…` is always whole. An
 *   interrupted backup leaves the hidden folder, which no restore or prune takes for a backup.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BACKUP_NAME, backupName, timeStamp, UNFINISHED_PREFIX } from './backupNames.ts';
import { snapshotDatabase } from './databaseSnapshot.ts';
import { BACKUP_DATA_FOLDER, DATABASE_FILE } from './dataDirLayout.ts';
import { hashFile } from './fileHash.ts';
import { BACKUP_FORMAT, type BackupManifest, MANIFEST_FILE } from './manifest.ts';
import { pruneBackups } from './pruneBackups.ts';
import { copyTreeConsistently, TreeKeepsChangingError } from './treeCopy.ts';

export interface AppIdentity {
  name: string;
  version: string;
}

export interface BackupOptions {
  dataDir: string;
  /** The folder the backup folder is made in (created when missing). */
  targetDir: string;
  app: AppIdentity;
  /** After success, keep only this many backups in targetDir (pruneBackups.ts); null keeps all. */
  keep?: number | null;
  clock?: () => Date;
}

export type BackupRefusal =
  | { kind: 'no-data-dir'; dataDir: string }
  | { kind: 'no-database'; file: string }
  | { kind: 'target-inside-data'; targetDir: string; dataDir: string }
  | { kind: 'keeps-changing'; paths: string[] };

export type BackupOutcome =
  | { ok: true; dir: string; manifest: BackupManifest; pruned: string[] }
  | { ok: false; refusal: BackupRefusal };

export async function createBackup(options: BackupOptions): Promise<BackupOutcome> {
  const dataDir = resolve(options.dataDir);
  const targetDir = resolve(options.targetDir);
  if (!(await stat(dataDir).catch(() => null))?.isDirectory()) return refused({ kind: 'no-data-dir', dataDir });
  const databaseFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(databaseFile)) return refused({ kind: 'no-database', file: databaseFile });
  // Inside DATA_DIR it would copy itself into the next backup, and a restore would move it aside.
  if (isInside(targetDir, dataDir)) return refused({ kind: 'target-inside-data', targetDir, dataDir });

  const now = (options.clock ?? (() => new Date()))();
  await mkdir(targetDir, { recursive: true });
  const temporary = join(targetDir, `${UNFINISHED_PREFIX}${timeStamp(now)}-${randomBytes(4).toString('hex')}`);
  const dataCopy = join(temporary, BACKUP_DATA_FOLDER);
  try {
    // 0o700: the database holds the curators' password hashes.
    await mkdir(dataCopy, { recursive: true, mode: 0o700 });
    const snapshot = await snapshotDatabase(databaseFile, join(dataCopy, DATABASE_FILE));
    const databaseFacts = await hashFile(join(dataCopy, DATABASE_FILE));
    let tree: Awaited<ReturnType<typeof copyTreeConsistently>>;
    try {
      tree = await copyTreeConsistently(dataDir, dataCopy);
    } catch (error) {
      if (error instanceof TreeKeepsChangingError) {
        await rm(temporary, { recursive: true, force: true });
        return refused({ kind: 'keeps-changing', paths: error.paths });
      }
      throw error;
    }
    const inBackup = (path: string) => `${BACKUP_DATA_FOLDER}/${path}`;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: now.toISOString(),
      app: options.app,
      schemaVersion: snapshot.schemaVersion,
      source: { dataDir, host: hostname() },
      database: inBackup(DATABASE_FILE),
      directories: tree.directories.map(inBackup),
      files: [
        { path: inBackup(DATABASE_FILE), ...databaseFacts },
        ...tree.files.map((path) => {
          const facts = tree.facts.get(path);
          if (!facts) throw new Error(`no facts for ${path}`);
          return { path: inBackup(path), ...facts };
        }),
      ],
      leftOut: [...tree.leftOut, ...tree.unusual],
    };
    await writeFile(join(temporary, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const taken = new Set((await readdir(targetDir)).filter((name) => BACKUP_NAME.test(name)));
    const dir = join(targetDir, backupName(now, taken));
    await rename(temporary, dir);
    const pruned = options.keep ? await pruneBackups(targetDir, options.keep) : [];
    return { ok: true, dir, manifest, pruned };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

function refused(refusal: BackupRefusal): BackupOutcome {
  return { ok: false, refusal };
}

/** Whether `path` is `parent` or inside it. */
export function isInside(path: string, parent: string): boolean {
  const between = relative(parent, path);
  return between === '' || (between !== '..' && !between.startsWith(`..${sep}`) && !isAbsolute(between));
}
