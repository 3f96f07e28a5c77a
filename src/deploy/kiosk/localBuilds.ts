/**
 * The kiosk's folder (DIR, ~/dangshi on the kiosk PC):
 *
 * - `DIR/dist` → `builds/<stamp>`: a symlink, what the local server serves
 *   (dangshi-kiosk-server.service serves %h/dangshi/dist and follows the link at each request).
 * - `DIR/builds/<stamp>/`: the current build and the one before it, each with its manifest.json.
 * - `DIR/incoming-<stamp>.tmp/`: a download in progress; it gets its `builds/` name only once
 *   every file matched the manifest.
 *
 * The switch is one rename of a new symlink (`dist.new`) over `dist`, so the local server sees
 * the old build or the new one and never a mixture. A `dist` that is still a plain folder (a
 * kiosk set up by copying `dist/` by hand) is moved into `builds/` first, as the previous build.
 */
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SITE_MANIFEST_FILE, type SiteManifest, siteManifestSchema } from '../../live/siteManifestProtocol.ts';
import { listBuildFiles } from '../../server/site/manifest.ts';
import type { LocalCopy } from './syncPlan.ts';

export interface KioskLayout {
  dir: string;
  dist: string;
  builds: string;
}

export function kioskLayout(dir: string): KioskLayout {
  return { dir, dist: join(dir, 'dist'), builds: join(dir, 'builds') };
}

export function incomingDir(layout: KioskLayout, stamp: string): string {
  return join(layout.dir, `incoming-${stamp}.tmp`);
}

export interface CurrentCopy {
  /** The folder `dist` shows (null: no dist yet). */
  dir: string | null;
  /** `dist` is a symlink (else a plain folder, or nothing). */
  isLink: boolean;
  /** Its manifest, when it has one (a build copied by hand has none). */
  manifest: SiteManifest | null;
}

export async function readManifestIn(dir: string): Promise<SiteManifest | null> {
  try {
    const parsed = siteManifestSchema.safeParse(JSON.parse(await readFile(join(dir, SITE_MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function readCurrentCopy(layout: KioskLayout): Promise<CurrentCopy> {
  let isLink: boolean;
  try {
    const stats = await lstat(layout.dist);
    isLink = stats.isSymbolicLink();
    if (!isLink && !stats.isDirectory()) return { dir: null, isLink: false, manifest: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { dir: null, isLink: false, manifest: null };
    throw error;
  }
  const dir = isLink ? resolve(layout.dir, await readlink(layout.dist)) : layout.dist;
  return { dir, isLink, manifest: await readManifestIn(dir) };
}

/**
 * The copies a new build's unchanged files can come from: the current one (with a manifest made
 * from its files when it has none: the first sync after a copy by hand reuses what it can) and
 * the kept builds.
 */
export async function localCopies(layout: KioskLayout, current: CurrentCopy): Promise<LocalCopy[]> {
  const copies: LocalCopy[] = [];
  if (current.dir) {
    const manifest =
      current.manifest ??
      (await listBuildFiles(current.dir)
        .then((files) => ({ stamp: 'current', files }))
        .catch(() => null));
    if (manifest) copies.push({ dir: current.dir, manifest });
  }
  for (const name of await readdir(layout.builds).catch(() => [] as string[])) {
    const dir = join(layout.builds, name);
    if (dir === current.dir) continue;
    const manifest = await readManifestIn(dir);
    if (manifest) copies.push({ dir, manifest });
  }
  return copies;
}

/** What an interrupted sync left: its temporary folder and a symlink it had not yet renamed. */
export async function clearLeftovers(layout: KioskLayout): Promise<string[]> {
  const cleared: string[] = [];
  for (const name of await readdir(layout.dir)) {
    if ((name.startsWith('incoming-') && name.endsWith('.tmp')) || name === 'dist.new') {
      await rm(join(layout.dir, name), { recursive: true, force: true });
      cleared.push(name);
    }
  }
  return cleared;
}

/** Flushes a folder's entries (a rename into it) to disk. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The name a plain `dist` folder gets in `builds/`: its manifest's stamp, or when it was moved. */
function adoptedName(manifest: SiteManifest | null, now: Date): string {
  if (manifest) return manifest.stamp;
  return `local-${now
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)}`;
}

/**
 * Points `dist` at `builds/<stamp>`: a new symlink, renamed over the old one. Returns the name
 * in `builds/` of the build that was current before (null when there was none there).
 */
export async function switchDist(
  layout: KioskLayout,
  current: CurrentCopy,
  stamp: string,
  now = new Date(),
): Promise<string | null> {
  let previous: string | null = null;
  if (current.dir && current.isLink) {
    previous = dirname(current.dir) === layout.builds ? basename(current.dir) : null;
  } else if (current.dir) {
    // A plain folder cannot be renamed over by a symlink: it moves into builds/ first (the one
    // moment, once per kiosk, where `dist` is missing for a few microseconds).
    previous = adoptedName(current.manifest, now);
    if (previous === stamp) previous = `${stamp}-local`;
    await rm(join(layout.builds, previous), { recursive: true, force: true });
    await rename(layout.dist, join(layout.builds, previous));
  }
  const link = join(layout.dir, 'dist.new');
  await rm(link, { force: true });
  // Relative, so the kiosk's folder can move without breaking it.
  await symlink(join('builds', stamp), link);
  await rename(link, layout.dist);
  await syncFolder(layout.dir);
  return previous;
}

export async function ensureFolders(layout: KioskLayout): Promise<void> {
  await mkdir(layout.builds, { recursive: true });
}
