/**
 * `--keep N`: after a backup has succeeded, the target folder keeps its newest N complete backups.
 * Only folders named like a backup and holding a manifest are counted or removed; anything else in
 * the folder (a staff member's own files, an unfinished backup, a folder moved aside) is left alone.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sortBackupNames } from './backupNames.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** The complete backups in `targetDir`, oldest first. */
export async function listBackups(targetDir: string): Promise<string[]> {
  const entries = await readdir(targetDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return sortBackupNames(names).filter((name) => existsSync(join(targetDir, name, MANIFEST_FILE)));
}

/** Removes all but the newest `keep` (at least 1) complete backups; returns the names removed. */
export async function pruneBackups(targetDir: string, keep: number): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number from 1: ${keep}`);
  const backups = await listBackups(targetDir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) await rm(join(targetDir, name), { recursive: true, force: true });
  return removed;
}
