/**
 * The lobby kiosk's sync of the station's published build: fetch the station's manifest; when
 * its stamp is the kiosk's current one, nothing to do. Else every file goes into
 * `DIR/incoming-<stamp>.tmp/` (unchanged ones copied from a build already here, the rest
 * downloaded), each checked against the manifest's size and sha256; only when all match does the
 * folder become `DIR/builds/<stamp>` and `DIR/dist` switch to it (localBuilds.ts). The previous
 * build stays; older ones go.
 *
 * Whatever fails — the station unreachable or slow, a manifest with a hostile path, a file cut
 * short or with the wrong bytes — throws a SyncRefusal before the switch: the temporary folder
 * is removed and `dist` still shows the old build, untouched.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { SITE_MANIFEST_FILE, type SiteManifest } from '../../live/siteManifestProtocol.ts';
import { sha256OfFile } from '../../server/site/manifest.ts';
import { downloadFile, fetchManifest, type StationConnection, SyncRefusal, stationConnection, timeoutError } from './download.ts';
import {
  type CurrentCopy,
  clearLeftovers,
  ensureFolders,
  incomingDir,
  type KioskLayout,
  kioskLayout,
  localCopies,
  readCurrentCopy,
  switchDist,
  syncFolder,
} from './localBuilds.ts';
import { acquireSyncLock } from './syncLock.ts';
import { buildsToPrune, describeBytes, type FileStep, fileUrl, manifestUrl, planSync } from './syncPlan.ts';

export interface KioskSyncOptions {
  station: URL;
  dir: string;
  /** The manifest's answer, and the longest any file may go without a byte arriving. */
  timeoutMs: number;
  /** Files fetched at once. */
  parallel?: number;
  /** The longest the downloads may take in all (default 20 minutes), however the station behaves. */
  deadlineMs?: number;
  log?: (message: string) => void;
}

export type KioskSyncResult =
  | { kind: 'up-to-date'; stamp: string }
  | {
      kind: 'updated';
      stamp: string;
      previous: string | null;
      downloaded: number;
      reused: number;
      bytes: number;
      pruned: string[];
    };

export { SyncRefusal } from './download.ts';
export { SyncLockBusy } from './syncLock.ts';

export async function syncKioskBuild(options: KioskSyncOptions): Promise<KioskSyncResult> {
  const log = options.log ?? (() => {});
  await mkdir(options.dir, { recursive: true });
  const dir = await realpath(options.dir);
  const lock = await acquireSyncLock(dir);
  const connection = stationConnection(options.parallel ?? 4);
  try {
    const layout = kioskLayout(dir);
    await ensureFolders(layout);
    const cleared = await clearLeftovers(layout);
    if (cleared.length > 0) log(`removed what an interrupted sync left: ${cleared.join(', ')}`);
    const remote = await fetchManifest(connection, manifestUrl(options.station), options.timeoutMs);
    const current = await readCurrentCopy(layout);
    if (current.manifest?.stamp === remote.stamp) return { kind: 'up-to-date', stamp: remote.stamp };
    log(
      `the station serves build ${remote.stamp} (${remote.files.length} files); this kiosk ${
        current.manifest ? `has ${current.manifest.stamp}` : current.dir ? 'has a build without a manifest' : 'has none yet'
      }`,
    );
    const counts = await fetchInto(layout, remote, current, connection, options, log);
    const previous = await switchDist(layout, current, remote.stamp);
    const pruned = buildsToPrune(await readdir(layout.builds), [remote.stamp, previous]);
    for (const name of pruned) await rm(join(layout.builds, name), { recursive: true, force: true });
    return { kind: 'updated', stamp: remote.stamp, previous, ...counts, pruned };
  } finally {
    connection.close();
    await lock.release();
  }
}

/** Fills the temporary folder and renames it to `builds/<stamp>`; on any failure removes it and rethrows. */
async function fetchInto(
  layout: KioskLayout,
  remote: SiteManifest,
  current: CurrentCopy,
  connection: StationConnection,
  options: KioskSyncOptions,
  log: (message: string) => void,
): Promise<{ downloaded: number; reused: number; bytes: number }> {
  const incoming = incomingDir(layout, remote.stamp);
  const steps = planSync(remote, await localCopies(layout, current));
  const stop = new AbortController();
  let downloaded = 0;
  let reused = 0;
  let bytes = 0;
  const placeOne = async (step: FileStep): Promise<void> => {
    const target = targetPath(incoming, step.file.path);
    await mkdir(dirname(target), { recursive: true });
    if (step.source.kind === 'reuse' && (await reuse(join(step.source.copy.dir, step.source.path), target, step))) {
      reused++;
      return;
    }
    await downloadFile(connection, fileUrl(options.station, step.file.path), target, step.file, {
      stallMs: options.timeoutMs,
      signal: stop.signal,
    });
    downloaded++;
    bytes += step.file.size;
  };
  await rm(incoming, { recursive: true, force: true });
  await mkdir(incoming);
  const deadlineMs = options.deadlineMs ?? 20 * 60_000;
  const deadline = setTimeout(() => stop.abort(timeoutError(`the whole download took over ${deadlineMs / 1000} s`)), deadlineMs);
  try {
    await runPool(steps, options.parallel ?? 4, placeOne, stop);
    await writeFile(join(incoming, SITE_MANIFEST_FILE), `${JSON.stringify(remote)}\n`);
    const target = join(layout.builds, remote.stamp);
    // A folder of this name is an older copy of the same build (kept, or left by a crash): replaced whole.
    await rm(target, { recursive: true, force: true });
    await rename(incoming, target);
    await syncFolder(layout.builds);
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    if (error instanceof SyncRefusal) throw await explained(error, remote, current.dir !== null, connection, options);
    throw error;
  } finally {
    clearTimeout(deadline);
  }
  log(`fetched build ${remote.stamp}: ${downloaded} files downloaded (${describeBytes(bytes)}), ${reused} unchanged ones copied`);
  return { downloaded, reused, bytes };
}

/**
 * Where a manifest path goes under the temporary folder. The schema already refused every path
 * that could leave it; this checks once more on the joined path, so no later change to the
 * rule can make the sync write outside its folder.
 */
function targetPath(incoming: string, path: string): string {
  const target = join(incoming, ...path.split('/'));
  if (!target.startsWith(`${incoming}${sep}`)) throw new SyncRefusal(`refused a path outside the build: ${JSON.stringify(path)}`);
  return target;
}

/** Copies an unchanged file from a local build and hashes the copy; false (copy removed) when it no longer matches. */
async function reuse(source: string, target: string, step: FileStep): Promise<boolean> {
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL);
    const copied = await sha256OfFile(target);
    if (copied.size === step.file.size && copied.sha256 === step.file.sha256) return true;
  } catch {
    // The local file is gone or unreadable: download it instead.
  }
  await rm(target, { force: true });
  return false;
}

/**
 * Runs `work` over the steps, `parallel` at a time. The first failure stops the rest (the abort
 * reaches the downloads in flight) and is rethrown once every started step has settled, so
 * nothing is still writing into the folder the caller then removes.
 */
async function runPool(
  steps: readonly FileStep[],
  parallel: number,
  work: (step: FileStep) => Promise<void>,
  stop: AbortController,
) {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && !stop.signal.aborted && next < steps.length) {
      const step = steps[next++];
      if (!step) break;
      try {
        await work(step);
      } catch (error) {
        if (failure === null) failure = error;
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, steps.length) }, worker));
  if (failure !== null) throw failure;
  if (stop.signal.aborted) throw new SyncRefusal('the download took longer than its deadline');
}

/** A file that did not match: says so when the station switched builds meanwhile (the next sync takes the new one). */
async function explained(
  refusal: SyncRefusal,
  remote: SiteManifest,
  hasCurrent: boolean,
  connection: StationConnection,
  options: KioskSyncOptions,
): Promise<SyncRefusal> {
  const base = `refused build ${remote.stamp}: ${refusal.message}; ${
    hasCurrent ? 'the kiosk keeps serving its current build' : 'nothing written (the kiosk has no build yet)'
  }`;
  if (!refusal.mismatch) return new SyncRefusal(base);
  try {
    const now = await fetchManifest(connection, manifestUrl(options.station), options.timeoutMs);
    if (now.stamp !== remote.stamp) {
      return new SyncRefusal(`${base} (the station switched to build ${now.stamp} meanwhile; the next sync fetches that one)`);
    }
  } catch {
    // The station is gone as well: the first reason stands.
  }
  return new SyncRefusal(base);
}
