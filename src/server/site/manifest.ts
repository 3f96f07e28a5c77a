/**
 * The manifest of a build (src/live/siteManifestProtocol.ts): every file the build serves, with
 * its size and sha256, for the lobby kiosk's sync. SiteBuilds writes it as `manifest.json` into a
 * build when the build completes; `SiteManifests` answers the route from it, reading it once per
 * build (a build from before manifests existed gets one made and written on first request).
 *
 * A `SERVE_DIST` folder is served as it is and has no build stamp: its manifest's stamp is a hash
 * of its files, computed at the first request and kept while the server runs (restart the server
 * after changing the folder, as for anything else it serves).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILD_STAMP_PATTERN,
  manifestPathProblem,
  SITE_MANIFEST_FILE,
  type SiteManifest,
  type SiteManifestFile,
  siteManifestSchema,
} from '../../live/siteManifestProtocol.ts';

/** A build as SiteBuilds names it (its type is not imported: builds.ts imports this module). */
interface BuildFolder {
  stamp: string;
  dir: string;
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * The files of a build folder, sorted by path. What the site cannot serve is left out: hidden
 * names (the static files refuse them), anything but plain files (no symlink is followed), and
 * the manifest's own file.
 */
export async function listBuildFiles(dir: string): Promise<SiteManifestFile[]> {
  const files: SiteManifestFile[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || path === SITE_MANIFEST_FILE) continue;
      if (entry.isDirectory()) await walk(join(folder, entry.name), path);
      else if (entry.isFile() && manifestPathProblem(path) === null) {
        files.push({ path, ...(await sha256OfFile(join(folder, entry.name))) });
      }
    }
  };
  await walk(dir, '');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A stamp for a folder that has none: the hash of its paths and contents, 16 hex digits as a build's. */
export function contentStamp(files: readonly SiteManifestFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.sha256).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export async function computeSiteManifest(dir: string, stamp: string | null): Promise<SiteManifest> {
  const files = await listBuildFiles(dir);
  return siteManifestSchema.parse({ stamp: stamp ?? contentStamp(files), files });
}

/** Writes `manifest.json` into a build folder, replaced by a rename (a reader sees the old one or the new one). */
export async function writeSiteManifest(dir: string, manifest: SiteManifest): Promise<void> {
  const file = join(dir, SITE_MANIFEST_FILE);
  // A hidden name: the static files never serve the half-written one.
  const temporary = join(dir, `.${SITE_MANIFEST_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, `${JSON.stringify(manifest)}\n`);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The manifest a build folder already has, when it is one for this stamp. */
async function readSiteManifest(dir: string, stamp: string): Promise<SiteManifest | null> {
  try {
    const parsed = siteManifestSchema.safeParse(JSON.parse(await readFile(join(dir, SITE_MANIFEST_FILE), 'utf8')));
    return parsed.success && parsed.data.stamp === stamp ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Each build's manifest, made or read once and kept (builds never change once made). */
export class SiteManifests {
  private readonly cache = new Map<string, Promise<SiteManifest>>();

  constructor(private readonly log: (message: string) => void = () => {}) {}

  forBuild(build: BuildFolder): Promise<SiteManifest> {
    const key = `${build.stamp}\0${build.dir}`;
    let manifest = this.cache.get(key);
    if (!manifest) {
      manifest = this.load(build);
      this.cache.set(key, manifest);
      // A failure (the folder pruned under us, a read error) is not kept: the next request tries again.
      manifest.catch(() => this.cache.delete(key));
    }
    return manifest;
  }

  private async load(build: BuildFolder): Promise<SiteManifest> {
    const hasStamp = BUILD_STAMP_PATTERN.test(build.stamp) && build.stamp !== 'serve-dist';
    if (!hasStamp) return computeSiteManifest(build.dir, null);
    const written = await readSiteManifest(build.dir, build.stamp);
    if (written) return written;
    // A build made before manifests existed: make its manifest now, and keep it next to the build.
    const manifest = await computeSiteManifest(build.dir, build.stamp);
    try {
      await writeSiteManifest(build.dir, manifest);
    } catch (error) {
      this.log(`could not write ${SITE_MANIFEST_FILE} into build ${build.stamp}: ${(error as Error).message}`);
    }
    return manifest;
  }
}
