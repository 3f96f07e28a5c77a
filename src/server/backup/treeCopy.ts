/**
 * Copies DATA_DIR's file trees while the server may be writing them, and proves the copy is of
 * one moment: after copying, every file is read again from DATA_DIR and compared with its copy
 * (the listing too). What changed in between is copied again and the whole check runs again,
 * up to a few rounds; a tree that never holds still (a curator saving every second for a minute)
 * fails the backup, naming the files, rather than keeping a mix of before and after.
 *
 * The draft and the content store replace each file by a rename (never a write in place), so a
 * file read once is either the old one or the new one, never half of each.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isLeftOut } from './dataDirLayout.ts';
import { copyFileVerified, type FileFacts, hashFile } from './fileHash.ts';

export interface TreeListing {
  /** Relative paths with `/`, sorted. */
  files: string[];
  directories: string[];
  /** What the layout leaves out (dataDirLayout.ts), for the manifest. */
  leftOut: string[];
  /** Neither a file nor a folder (a symbolic link, a socket): never followed, never copied. */
  unusual: string[];
}

export async function listTree(root: string): Promise<TreeListing> {
  const listing: TreeListing = { files: [], directories: [], leftOut: [], unusual: [] };
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(relative ? join(root, relative) : root, { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        // A folder removed while it is listed is the next round's business.
        if (error.code === 'ENOENT' && relative) return [];
        throw error;
      },
    );
    const siblings = entries.map((entry) => entry.name);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const kind = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : null;
      if (kind === null) listing.unusual.push(path);
      else if (isLeftOut(path, kind, siblings)) listing.leftOut.push(kind === 'directory' ? `${path}/` : path);
      else if (kind === 'directory') {
        listing.directories.push(path);
        await walk(path);
      } else listing.files.push(path);
    }
  };
  await walk('');
  return listing;
}

export interface TreeCopy extends TreeListing {
  /** Each file's facts, as copied and checked. */
  facts: Map<string, FileFacts>;
}

export class TreeKeepsChangingError extends Error {
  constructor(readonly paths: string[]) {
    super(`still changing after every try: ${paths.slice(0, 5).join(', ')}`);
  }
}

/** Copies `source` into the empty folder `dest`, consistent as described above; `rounds` checks at most. */
export async function copyTreeConsistently(source: string, dest: string, rounds = 5): Promise<TreeCopy> {
  const facts = new Map<string, FileFacts>();
  const made = new Set<string>();
  let listing = await listTree(source);
  let toCopy = listing.files;
  for (let round = 1; ; round++) {
    for (const directory of listing.directories) {
      if (made.has(directory)) continue;
      await mkdir(join(dest, directory), { recursive: true, mode: 0o700 });
      made.add(directory);
    }
    for (const path of toCopy) {
      const copied = await copyFileVerified(join(source, path), join(dest, path)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null; // removed since it was listed: the check below sees it gone
        throw error;
      });
      if (copied) facts.set(path, copied);
      else facts.delete(path);
    }

    // The second read: the tree as it is now, against the copies.
    const again = await listTree(source);
    const changed: string[] = [];
    const present = new Set(again.files);
    for (const path of again.files) {
      const now = await hashFile(join(source, path)).catch(() => null);
      const copy = facts.get(path);
      if (!now || !copy || now.sha256 !== copy.sha256 || now.size !== copy.size) changed.push(path);
    }
    const gone = [...facts.keys()].filter((path) => !present.has(path));
    const goneDirectories = [...made].filter((directory) => !again.directories.includes(directory));
    const newDirectories = again.directories.filter((directory) => !made.has(directory));
    if (changed.length === 0 && gone.length === 0 && goneDirectories.length === 0 && newDirectories.length === 0) {
      return { ...again, facts };
    }
    if (round >= rounds) throw new TreeKeepsChangingError([...changed, ...gone, ...goneDirectories, ...newDirectories]);
    for (const path of gone) {
      await rm(join(dest, path), { force: true });
      facts.delete(path);
    }
    // Deepest first, so a folder is empty of its own folders when it goes.
    for (const directory of goneDirectories.sort().reverse()) {
      await rm(join(dest, directory), { recursive: true, force: true });
      made.delete(directory);
    }
    listing = again;
    toCopy = changed;
  }
}
