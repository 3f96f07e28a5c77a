/**
 * The kiosk sync's command line: `--station URL --dir DIR`, each also from the environment
 * (`DANGSHI_STATION_URL`, `DANGSHI_KIOSK_DIR`, as the systemd unit's EnvironmentFile sets them),
 * the command line winning. Pure: the caller passes argv, the environment and the home folder.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { stationBase } from './syncPlan.ts';

export interface SyncArgs {
  station: URL;
  dir: string;
  /** Seconds: the manifest's answer, and the longest a file may go without a byte arriving. */
  timeoutSeconds: number;
}

export const SYNC_USAGE = `Usage: npm run kiosk:sync -- --station http://192.168.1.20:8080 --dir ~/dangshi [--timeout SECONDS]
  or:  node --import tsx src/deploy/kiosk/syncBuild.ts --station URL --dir DIR
Fetches the station's current published build into DIR/builds/<stamp>, checks every file against the
station's manifest, and switches DIR/dist to it. Also from the environment: DANGSHI_STATION_URL,
DANGSHI_KIOSK_DIR.`;

export type ParsedSyncArgs = { ok: true; args: SyncArgs } | { ok: false; help: boolean; error: string | null };

export function parseSyncArgs(argv: readonly string[], env: NodeJS.ProcessEnv, home: string, cwd: string): ParsedSyncArgs {
  const values: Record<string, string> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { ok: false, help: true, error: null };
    const match = /^--(station|dir|timeout)(?:=(.*))?$/.exec(argument);
    if (!match?.[1]) return { ok: false, help: false, error: `unknown argument: ${argument}` };
    const value = match[2] ?? argv[++index];
    if (value === undefined || value === '') return { ok: false, help: false, error: `--${match[1]} needs a value` };
    values[match[1]] = value;
  }
  const station = values.station ?? env.DANGSHI_STATION_URL?.trim();
  const dir = values.dir ?? env.DANGSHI_KIOSK_DIR?.trim();
  if (!station)
    return { ok: false, help: false, error: 'no station address: --station http://HOST:PORT (or DANGSHI_STATION_URL)' };
  if (!dir) return { ok: false, help: false, error: 'no kiosk folder: --dir ~/dangshi (or DANGSHI_KIOSK_DIR)' };
  let base: URL;
  try {
    base = stationBase(station);
  } catch (error) {
    return { ok: false, help: false, error: `--station: ${(error as Error).message}` };
  }
  const timeoutSeconds = values.timeout === undefined ? 30 : Number(values.timeout);
  if (!(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
    return { ok: false, help: false, error: '--timeout: seconds, more than 0 and at most 3600' };
  }
  // `--dir=~/dangshi` reaches us unexpanded (the shell expands ~ only at a word's start).
  const expanded = dir === '~' ? home : dir.startsWith('~/') ? join(home, dir.slice(2)) : dir;
  return {
    ok: true,
    args: { station: base, dir: isAbsolute(expanded) ? expanded : resolve(cwd, expanded), timeoutSeconds },
  };
}
