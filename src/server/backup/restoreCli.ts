/**
 * `npm run restore -- --from BACKUP_FOLDER [--data DIR]`: puts a backup in place as DATA_DIR,
 * with the server stopped (restoreBackup.ts; the README's 备份与恢复 section).
 * Exit codes: 0 done, 2 refused or wrong arguments (nothing was changed), 1 failed.
 */
import { resolve } from 'node:path';
import { parseRestoreArgs, RESTORE_USAGE } from './cliArgs.ts';
import { bilingual, failedMessage, restoreDoneMessage, restoreRefusalMessage } from './messages.ts';
import { restoreBackup } from './restoreBackup.ts';
import { dataDirOf, latestSchemaVersion } from './stationPaths.ts';

async function main(): Promise<number> {
  const parsed = parseRestoreArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if ('problem' in parsed) console.error(`[restore] ${parsed.problem}`);
    console.error(`[restore] 用法 usage: ${RESTORE_USAGE}`);
    return 'problem' in parsed ? 2 : 0;
  }
  const dataDir = dataDirOf(parsed.args.data, process.env, process.cwd());
  const backupDir = resolve(process.cwd(), parsed.args.from);
  console.info(`[restore] 正在检查并恢复 checking and restoring ${backupDir} → ${dataDir}`);
  const outcome = await restoreBackup({ backupDir, dataDir, latestSchemaVersion: latestSchemaVersion() });
  if (!outcome.ok) {
    console.error(bilingual(restoreRefusalMessage(outcome.refusal)));
    return 2;
  }
  console.info(bilingual(restoreDoneMessage(outcome.dataDir, backupDir, outcome.movedAside)));
  console.info(`RESTORE_DONE ${JSON.stringify({ dataDir: outcome.dataDir, movedAside: outcome.movedAside })}`);
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
