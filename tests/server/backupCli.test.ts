/**
 * `npm run backup` and `npm run restore` as the staff run them: the CLI files through tsx, as
 * package.json's scripts start them, DATA_DIR from the environment as the server reads it.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEPT_FILES, makeDataDir } from './backupFixture.ts';
import { ROOT, tempDir } from './stationHarness.ts';

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.VITEST;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => {
    output += data.toString();
  });
  child.stderr.on('data', (data: Buffer) => {
    output += data.toString();
  });
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

describe('the backup and restore commands', () => {
  it('back up DATA_DIR, keep the newest, refuse a damaged backup and restore a good one', async () => {
    const root = await tempDir('backup-cli');
    cleanup.push(root);
    const dataDir = join(root, 'data');
    const targetDir = join(root, 'backups');
    await makeDataDir(dataDir);
    const scripts = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const backupScript = scripts.backup?.replace('node --import tsx ', '') ?? '';
    const restoreScript = scripts.restore?.replace('node --import tsx ', '') ?? '';

    const backups: string[] = [];
    for (let round = 0; round < 2; round++) {
      const backup = await run(backupScript, ['--to', targetDir, '--keep', '1'], { DATA_DIR: dataDir });
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toMatch(/备份完成[\s\S]*Backup complete/);
      const done = /^BACKUP_DONE (.*)$/m.exec(backup.output);
      backups.push((JSON.parse(done?.[1] ?? '{}') as { dir: string }).dir);
      // --keep 1: the new backup only, the one before it pruned.
      expect(await readdir(targetDir)).toHaveLength(1);
    }
    const newest = backups[1] ?? '';

    await writeFile(join(dataDir, 'draft/draft.json'), '{"edited":true}\n');
    await writeFile(join(newest, 'data/draft/bin.json'), '{"entries":[1]}\n');
    const refused = await run(restoreScript, ['--from', newest, '--data', dataDir], {});
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('data/draft/bin.json');
    expect(refused.output).toMatch(/备份已损坏[\s\S]*The backup is damaged/);
    expect(await readFile(join(dataDir, 'draft/draft.json'), 'utf8')).toBe('{"edited":true}\n');

    await writeFile(join(newest, 'data/draft/bin.json'), KEPT_FILES['draft/bin.json'] as string);
    const restored = await run(restoreScript, ['--from', newest], { DATA_DIR: dataDir });
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/已从[\s\S]*Restored/);
    expect(await readFile(join(dataDir, 'draft/draft.json'), 'utf8')).toBe(KEPT_FILES['draft/draft.json']);
    expect((await readdir(root)).filter((name) => name.startsWith('data.before-restore-'))).toHaveLength(1);
  }, 60_000);
});
