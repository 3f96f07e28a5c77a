/**
 * Where the backup commands find things: DATA_DIR as the server finds it (config.ts: the
 * DATA_DIR environment variable, default `./data`, relative to the folder the command runs in,
 * as in the systemd unit), unless `--data` names it; the backups, unless `--to` names a folder,
 * beside it in `<DATA_DIR>-backups`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { MIGRATIONS } from '../storage/database.ts';
import type { AppIdentity } from './createBackup.ts';

/** The checkout: package.json's folder. */
const ROOT = resolve(import.meta.dirname, '../../..');

export function dataDirOf(flag: string | null, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag) return resolve(cwd, flag);
  // Only DATA_DIR: a backup must not fail over an unrelated setting of the server's.
  return readConfig({ DATA_DIR: env.DATA_DIR }, cwd).dataDir;
}

export function defaultTargetDir(dataDir: string): string {
  return `${dataDir}-backups`;
}

export function appIdentity(): AppIdentity {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name?: string; version?: string };
  return { name: pkg.name ?? 'unknown', version: pkg.version ?? 'unknown' };
}

/** The newest database migration this checkout has (a restore refuses backups from newer ones). */
export function latestSchemaVersion(): number {
  return Math.max(0, ...MIGRATIONS.map((migration) => migration.version));
}
