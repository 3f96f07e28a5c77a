/**
 * `--keep N` (src/server/backup/pruneBackups.ts), the backups' names (backupNames.ts) and the
 * commands' arguments (cliArgs.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupName, sortBackupNames, timeStamp } from '../../src/server/backup/backupNames.ts';
import { parseBackupArgs, parseRestoreArgs } from '../../src/server/backup/cliArgs.ts';
import { createBackup } from '../../src/server/backup/createBackup.ts';
import { MANIFEST_FILE } from '../../src/server/backup/manifest.ts';
import { listBackups, pruneBackups } from '../../src/server/backup/pruneBackups.ts';
import { makeDataDir } from './backupFixture.ts';
import { tempDir } from './stationHarness.ts';

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folderWith(names: Record<string, 'backup' | 'no-manifest' | 'file'>): Promise<string> {
  const dir = await tempDir('prune');
  cleanup.push(dir);
  for (const [name, kind] of Object.entries(names)) {
    if (kind === 'file') {
      await writeFile(join(dir, name), 'staff notes');
      continue;
    }
    await mkdir(join(dir, name));
    if (kind === 'backup') await writeFile(join(dir, name, MANIFEST_FILE), '{}');
  }
  return dir;
}

describe('keeping the last N backups', () => {
  it('removes the oldest complete backups and nothing else', async () => {
    const dir = await folderWith({
      'backup-20250101-020000': 'backup',
      'backup-20250103-020000': 'backup',
      'backup-20250102-020000': 'backup',
      'backup-20250102-020000-2': 'backup',
      'backup-20241231-235959': 'no-manifest', // not a complete backup: neither counted nor removed
      '.unfinished-backup-20241230-000000-ab12': 'no-manifest',
      'data.before-restore-20240101-000000': 'backup',
      'README.txt': 'file',
    });
    expect(await listBackups(dir)).toEqual([
      'backup-20250101-020000',
      'backup-20250102-020000',
      'backup-20250102-020000-2',
      'backup-20250103-020000',
    ]);
    expect(await pruneBackups(dir, 2)).toEqual(['backup-20250101-020000', 'backup-20250102-020000']);
    expect((await readdir(dir)).sort()).toEqual([
      '.unfinished-backup-20241230-000000-ab12',
      'README.txt',
      'backup-20241231-235959',
      'backup-20250102-020000-2',
      'backup-20250103-020000',
      'data.before-restore-20240101-000000',
    ]);
    expect(await pruneBackups(dir, 5)).toEqual([]);
  });

  it('refuses to keep fewer than one', async () => {
    const dir = await folderWith({ 'backup-20250101-020000': 'backup' });
    await expect(pruneBackups(dir, 0)).rejects.toThrow(RangeError);
    expect(existsSync(join(dir, 'backup-20250101-020000'))).toBe(true);
  });

  it('prunes after a backup with --keep, counting the new one', async () => {
    const root = await tempDir('prune-backup');
    cleanup.push(root);
    const dataDir = join(root, 'data');
    const targetDir = join(root, 'backups');
    await makeDataDir(dataDir);
    const app = { name: 'test', version: '0' };
    for (let day = 1; day <= 4; day++) {
      const outcome = await createBackup({ dataDir, targetDir, app, keep: 3, clock: () => new Date(2025, 4, day, 3, 0, 0) });
      if (!outcome.ok) throw new Error(outcome.refusal.kind);
      expect(outcome.pruned).toEqual(day === 4 ? ['backup-20250501-030000'] : []);
    }
    expect(await listBackups(targetDir)).toEqual(['backup-20250502-030000', 'backup-20250503-030000', 'backup-20250504-030000']);
  });
});

describe('backup names', () => {
  it('are the local time, sortable, with a number for a second one in the same second', () => {
    const date = new Date(2025, 11, 31, 23, 59, 8);
    expect(timeStamp(date)).toBe('20251231-235908');
    expect(backupName(date, new Set())).toBe('backup-20251231-235908');
    expect(backupName(date, new Set(['backup-20251231-235908', 'backup-20251231-235908-2']))).toBe('backup-20251231-235908-3');
    expect(sortBackupNames(['backup-20250101-000000-10', 'x', 'backup-20250101-000000-2', 'backup-20250101-000000'])).toEqual([
      'backup-20250101-000000',
      'backup-20250101-000000-2',
      'backup-20250101-000000-10',
    ]);
  });
});

describe('the commands’ arguments', () => {
  it('reads backup’s --data, --to and --keep, in both spellings', () => {
    expect(parseBackupArgs([])).toEqual({ ok: true, args: { data: null, to: null, keep: null } });
    expect(parseBackupArgs(['--data', 'd', '--to=/mnt/usb/backups', '--keep', '14'])).toEqual({
      ok: true,
      args: { data: 'd', to: '/mnt/usb/backups', keep: 14 },
    });
  });

  it('refuses what it does not understand, saying what', () => {
    expect(parseBackupArgs(['--keep', '0'])).toMatchObject({ ok: false, problem: expect.stringContaining('--keep') });
    expect(parseBackupArgs(['--keep', '2.5'])).toMatchObject({ ok: false, problem: expect.stringContaining('--keep') });
    expect(parseBackupArgs(['--to'])).toMatchObject({ ok: false, problem: '--to needs a value' });
    expect(parseBackupArgs(['--to', '--keep', '3'])).toMatchObject({ ok: false, problem: '--to needs a value' });
    expect(parseBackupArgs(['--from', 'x'])).toMatchObject({ ok: false, problem: 'unknown argument: --from' });
    expect(parseBackupArgs(['--to', 'a', '--to', 'b'])).toMatchObject({ ok: false, problem: '--to given twice' });
    expect(parseBackupArgs(['--help'])).toEqual({ ok: false, help: true });
  });

  it('needs restore’s --from', () => {
    expect(parseRestoreArgs(['--from', 'b'])).toEqual({ ok: true, args: { from: 'b', data: null } });
    expect(parseRestoreArgs(['--data', 'd'])).toMatchObject({ ok: false, problem: expect.stringContaining('--from') });
  });
});
