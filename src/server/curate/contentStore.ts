/**
 * The station's content store: the one source of the exhibition the station serves and edits.
 *
 * `DATA_DIR/content/` holds the content in exactly the layout `npm run build` reads from the
 * checkout's `assets/`: `content/*.json` (assets/content/…) and `photos/…` (assets/photos/…), so the
 * same files can feed the build, the curator's editor and a developer's tools (the content check
 * runs on it as `checkContent(store/content, store)`).
 *
 * It is seeded from the checkout once, on the first start: copied into a temporary folder, which
 * only gets its final name when the copy is complete, so a crash mid-seed leaves no half store
 * (the next start clears the leftover and seeds again). `seed.json` beside the two folders records
 * when and from what (the checkout's build stamp and a hash of the files copied).
 *
 * After that the checkout is never copied over it again, whatever changes in git: the store is
 * what the curators published, and overwriting it silently would lose their work. A developer's
 * change to `assets/content` reaches the station as an import (the next issue), which compares the
 * checkout with `seed.json`'s hash and goes through the same draft and review as any other change.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { computeBuildStamp } from '../site/buildStamp.ts';

/** The folders of a store, each the same as the checkout's `assets/<folder>`. */
export const STORE_FOLDERS = ['content', 'photos'] as const;
export const SEED_FILE = 'seed.json';
const SEED_TEMP_PREFIX = '.content-seed-';

export interface SeedRecord {
  /** ISO time of the seeding. */
  seededAt: string;
  /** The checkout seeded from. */
  root: string;
  /** The checkout's build stamp then (buildStamp.ts), or null when it could not be computed. */
  buildStamp: string | null;
  /** A hash of the files copied (names and contents), as {@link hashTree} makes it. */
  filesHash: string;
  files: number;
}

export interface ContentStore {
  /** DATA_DIR/content: what `checkContent` takes as the assets folder. */
  dir: string;
  /** DATA_DIR/content/content: what `loadExhibition` reads and `checkContent` takes as the content folder. */
  contentDir: string;
  photosDir: string;
  /** What the store was seeded from; null for a store made another way (it is left as it is). */
  seed: SeedRecord | null;
  /** True when this start seeded it. */
  seededNow: boolean;
}

export interface OpenStoreOptions {
  dataDir: string;
  /** The checkout, whose `assets/content` and `assets/photos` seed a new store. */
  root: string;
  clock?: () => number;
  log?: (message: string) => void;
}

export function storeDirOf(dataDir: string): string {
  return join(dataDir, 'content');
}

/** Opens the store, seeding it from the checkout when there is none yet (never otherwise). */
export async function openContentStore(options: OpenStoreOptions): Promise<ContentStore> {
  const dir = storeDirOf(options.dataDir);
  await mkdir(options.dataDir, { recursive: true });
  await clearLeftovers(options.dataDir, SEED_TEMP_PREFIX);
  const paths = { dir, contentDir: join(dir, 'content'), photosDir: join(dir, 'photos') };
  if (existsSync(dir)) return { ...paths, seed: await readSeed(dir), seededNow: false };

  const temporary = join(options.dataDir, `${SEED_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(temporary);
    for (const folder of STORE_FOLDERS) {
      const from = join(options.root, 'assets', folder);
      // A checkout without photos still gets the folder, so the layout is always the build's.
      if (existsSync(from)) await cp(from, join(temporary, folder), { recursive: true });
      else await mkdir(join(temporary, folder));
    }
    const tree = await hashTree(temporary, STORE_FOLDERS);
    const seed: SeedRecord = {
      seededAt: new Date((options.clock ?? Date.now)()).toISOString(),
      root: options.root,
      buildStamp: await computeBuildStamp(options.root).catch(() => null),
      filesHash: tree.hash,
      files: tree.files,
    };
    await writeFile(join(temporary, SEED_FILE), `${JSON.stringify(seed, null, 2)}\n`);
    await rename(temporary, dir);
    options.log?.(`content store seeded from ${join(options.root, 'assets')} (${tree.files} files) into ${dir}`);
    return { ...paths, seed, seededNow: true };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

async function readSeed(dir: string): Promise<SeedRecord | null> {
  try {
    return JSON.parse(await readFile(join(dir, SEED_FILE), 'utf8')) as SeedRecord;
  } catch {
    return null;
  }
}

/** Removes what an interrupted copy left in `parent` (folders named with `prefix`). */
export async function clearLeftovers(parent: string, prefix: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * A hash of the files under `folders` of `root` (names in the store's layout and contents), the
 * same for the same files on any machine: whether two trees hold the same content.
 */
export async function hashTree(root: string, folders: readonly string[]): Promise<{ hash: string; files: number }> {
  const names: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) names.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const folder of folders) await walk(join(root, folder));
  names.sort();
  const hash = createHash('sha256');
  for (const name of names) {
    // Name and content hash, each closed by a NUL, as the build stamp does: no two trees alike.
    hash
      .update(name)
      .update('\0')
      .update(
        createHash('sha256')
          .update(await readFile(join(root, name)))
          .digest('hex'),
      )
      .update('\0');
  }
  return { hash: hash.digest('hex').slice(0, 16), files: names.length };
}
