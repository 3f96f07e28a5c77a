/**
 * `npm run backup -- [--data DIR] [--to DIR] [--keep N]`: a consistent copy of DATA_DIR, with
 * the server running or not (createBackup.ts; the README's 备份与恢复 section).
 * Exit codes: 0 done, 2 refused or wrong arguments (the message says why), 1 failed.
 */
import { resolve } from 'node:path';
import { BACKUP_USAGE, parseBackupArgs } from './cliArgs.ts';
import { createBackup } from './createBackup.ts';
import { backupDoneMessage, backupRefusalMessage, bilingual, failedMessage } from './messages.ts';
import { appIdentity, dataDirOf, defaultTargetDir } from './stationPaths.ts';

async function main(): Promise<number> {
  const parsed = parseBackupArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if ('problem' in parsed) console.error(`[backup] ${parsed.problem}`);
    console.error(`[backup] 用法 usage: ${BACKUP_USAGE}`);
    return 'problem' in parsed ? 2 : 0;
  }
  const dataDir = dataDirOf(parsed.args.data, process.env, process.cwd());
  const targetDir = parsed.args.to ? resolve(process.cwd(), parsed.args.to) : defaultTargetDir(dataDir);
  console.info(`[backup] 正在备份 backing up ${dataDir} → ${targetDir}`);
  const outcome = await createBackup({ dataDir, targetDir, app: appIdentity(), keep: parsed.args.keep });
  if (!outcome.ok) {
    console.error(bilingual(backupRefusalMessage(outcome.refusal)));
    return 2;
  }
  console.info(bilingual(backupDoneMessage(outcome.dir, outcome.manifest.files.length, outcome.pruned)));
  // One line a script (or a test) can read: where the backup is.
  console.info(`BACKUP_DONE ${JSON.stringify({ dir: outcome.dir })}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(bilingual(failedMessage(error)));
    process.exitCode = 1;
  },
);
