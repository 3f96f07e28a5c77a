/**
 * `npm run kiosk:sync -- --station http://192.168.1.20:8080 --dir ~/dangshi`: the lobby kiosk
 * fetches the station's current published build when it changed, checks it, and switches its
 * local copy (kioskSync.ts). Run every 5 minutes by dangshi-kiosk-sync.timer.
 *
 * Exit codes: 0 up to date or updated; 1 refused or failed (the old build still serving);
 * 2 a wrong command line; 75 another sync of the same folder is running (try again later).
 */
import { homedir } from 'node:os';
import { SyncLockBusy, SyncRefusal, syncKioskBuild } from './kioskSync.ts';
import { parseSyncArgs, SYNC_USAGE } from './syncArgs.ts';
import { describeBytes } from './syncPlan.ts';

async function main(): Promise<number> {
  const parsed = parseSyncArgs(process.argv.slice(2), process.env, homedir(), process.cwd());
  if (!parsed.ok) {
    if (parsed.error) console.error(`kiosk sync: ${parsed.error}`);
    console.info(SYNC_USAGE);
    return parsed.help ? 0 : 2;
  }
  const { station, dir, timeoutSeconds } = parsed.args;
  try {
    const result = await syncKioskBuild({
      station,
      dir,
      timeoutMs: timeoutSeconds * 1000,
      log: (message) => console.info(`kiosk sync: ${message}`),
    });
    if (result.kind === 'up-to-date') {
      console.info(`kiosk sync: up to date (build ${result.stamp}); nothing to do`);
    } else {
      console.info(
        `kiosk sync: switched ${dir}/dist to build ${result.stamp} (${result.downloaded} files downloaded, ${describeBytes(result.bytes)}; ` +
          `${result.reused} unchanged). Kept ${result.previous ?? 'no previous build'}${
            result.pruned.length > 0 ? `, removed ${result.pruned.join(', ')}` : ''
          }. The kiosk takes it at its next idle reset.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SyncLockBusy) {
      console.error(`kiosk sync: ${error.message}`);
      return 75;
    }
    if (error instanceof SyncRefusal) {
      console.error(`kiosk sync: ${error.message}`);
      return 1;
    }
    console.error(`kiosk sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.error('kiosk sync: the kiosk keeps serving its current build');
    return 1;
  }
}

process.exitCode = await main();
