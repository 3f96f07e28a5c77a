/**
 * Whole content trees (a `content/` and a `photos/` folder, the store's layout) copied, frozen and
 * swapped: a submission frozen from the draft, a published version kept in the history, the
 * store replaced by a version on publishing.
 *
 * Copies are hard links where the file system allows (a copy otherwise): the curator never
 * changes a file in place — every JSON write is a new file renamed over the old one, every photo
 * a new file — so a linked file stays as it was frozen, and a history of many versions of the
 * same photos costs their bytes once. (Nobody should edit DATA_DIR's files by hand; README.)
 *
 * Every tree is made under a temporary name and renamed when complete, so a crash leaves a
 * leftover the next start clears, never half a tree under its real name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { STORE_FOLDERS } from './contentStore.ts';

/** Temporary trees carry this prefix: the next start removes any it finds. */
export const TREE_TEMP_PREFIX = '.tree-';

/** Links (or copies) every file of `from/<folder>` into `to/<folder>` for the store's folders. */
async function linkFolders(from: string, to: string): Promise<void> {
  for (const folder of STORE_FOLDERS) {
    await mkdir(join(to, folder), { recursive: true });
    const source = join(from, folder);
    if (!existsSync(source)) continue;
    for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const target = join(to, folder, path.slice(source.length + 1));
      await mkdir(dirname(target), { recursive: true });
      try {
        await link(path, target);
      } catch {
        // Another file system, or links not allowed: a real copy is as good, only bigger.
        await copyFile(path, target);
      }
    }
  }
}

/**
 * A frozen copy of the content tree at `from` as `to` (which must not exist yet), complete or
 * not there at all. Files beside the two folders (draft.json, bin.json) are not part of it.
 */
export async function freezeTree(from: string, to: string): Promise<void> {
  const parent = dirname(to);
  await mkdir(parent, { recursive: true });
  const temporary = join(parent, `${TREE_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
  try {
    await linkFolders(from, temporary);
    await rename(temporary, to);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Clears the temporary trees an interrupted copy left in `parent`. */
export async function clearTreeLeftovers(parent: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(TREE_TEMP_PREFIX)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

const INCOMING = '.store-incoming';
const RETIRED = '.store-retired';

/**
 * The store at `storeDir` replaced by a copy of the tree at `from`, keeping the store's own
 * files beside the folders (seed.json). Two renames: the old store out of the way, the new one
 * in. A crash between them leaves no store but a complete incoming one, which
 * {@link recoverStore} (run before the store opens) puts in place; a crash before leaves the old.
 */
export async function replaceStore(storeDir: string, from: string, keepFiles: readonly string[]): Promise<void> {
  const parent = dirname(storeDir);
  const incoming = join(parent, INCOMING);
  const retired = join(parent, RETIRED);
  await rm(incoming, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  const temporary = join(parent, `${TREE_TEMP_PREFIX}${randomBytes(4).toString('hex')}`);
  try {
    await linkFolders(from, temporary);
    for (const name of keepFiles) {
      if (existsSync(join(storeDir, name))) await copyFile(join(storeDir, name), join(temporary, name));
    }
    // Complete under its own name first: from here on a crash finishes the replacement.
    await rename(temporary, incoming);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  await rename(storeDir, retired);
  await rename(incoming, storeDir);
  await rm(retired, { recursive: true, force: true });
}

/** Finishes (or undoes) a replacement a crash interrupted: always leaves a store when there was one. */
export async function recoverStore(storeDir: string): Promise<void> {
  const parent = dirname(storeDir);
  const incoming = join(parent, INCOMING);
  const retired = join(parent, RETIRED);
  if (!existsSync(storeDir)) {
    if (existsSync(incoming)) await rename(incoming, storeDir);
    else if (existsSync(retired)) await rename(retired, storeDir);
  }
  await rm(incoming, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  await clearTreeLeftovers(parent);
}

/**
 * The content JSON files of a tree, parsed, keyed as the draft keys them ("content/exhibition.json");
 * broken JSON as null (the check names its line), the JSON Schemas for editors left out.
 */
export async function readContentFiles(tree: string): Promise<Record<string, unknown>> {
  const contentDir = join(tree, 'content');
  const files: Record<string, unknown> = {};
  for (const name of (await readdir(contentDir).catch(() => [] as string[])).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const text = await readFile(join(contentDir, name), 'utf8');
    try {
      files[`content/${name}`] = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      files[`content/${name}`] = null;
    }
  }
  return files;
}

/** Each photo's sha256 by its src ("photos/team.jpg"), cached by file identity so an unchanged tree is not read again. */
const photoHashCache = new Map<string, string>();
export async function photoHashes(tree: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const photosDir = join(tree, 'photos');
  if (!existsSync(photosDir)) return hashes;
  const entries = await readdir(photosDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    const identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
    let hash = photoHashCache.get(identity);
    if (hash === undefined) {
      hash = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
      photoHashCache.set(identity, hash);
    }
    hashes.set(
      `photos/${path
        .slice(photosDir.length + 1)
        .split(sep)
        .join('/')}`,
      hash,
    );
  }
  return new Map([...hashes].sort(([a], [b]) => (a < b ? -1 : 1)));
}
