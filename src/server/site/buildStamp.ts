/**
 * The build stamp: a hash of everything `vite build` reads (content, photos, code, the page, the
 * config, the locked dependencies), so the server knows whether the site it serves is the one
 * the checkout would build now — "is there a dist/" cannot tell a stale build from a fresh one.
 *
 * Left out on purpose: the server's own code and the deployment files (src/server/, src/deploy/:
 * not in the site), and what the build itself writes into the checkout (assets/generated/: font
 * subsets and photo sizes), which would otherwise make every build stale the moment it finished.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const STAMP_INPUTS = {
  folders: ['assets', 'src'],
  files: ['index.html', 'vite.config.ts', 'package-lock.json'],
  excluded: ['assets/generated', 'src/server', 'src/deploy'],
} as const;

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

async function listFiles(root: string, folder: string, excluded: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = toPosix(relative(root, path));
      if (excluded.some((prefix) => name === prefix || name.startsWith(`${prefix}/`))) continue;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(name);
    }
  };
  await walk(join(root, folder));
  return found;
}

/**
 * The stamp of a checkout: 16 hex digits, the same for the same inputs on any machine. With
 * `assetsDir` (the station's content store), `assets/` is read from there instead of the
 * checkout, under the same names: a store still as it was seeded stamps as its checkout does.
 */
export async function computeBuildStamp(root: string, inputs = STAMP_INPUTS, assetsDir: string | null = null): Promise<string> {
  const names: string[] = [...inputs.files];
  for (const folder of inputs.folders) {
    if (folder === 'assets' && assetsDir) {
      // The store's folders only: a file beside them (its seed.json) is the station's record, not the site's.
      for (const storeFolder of ['content', 'photos']) {
        names.push(...(await listFiles(assetsDir, storeFolder, [])).map((name) => `assets/${name}`));
      }
    } else names.push(...(await listFiles(root, folder, inputs.excluded)));
  }
  names.sort();
  // A name under assets/ is read from the store when there is one.
  const fileOf = (name: string) =>
    assetsDir && name.startsWith('assets/') ? join(assetsDir, name.slice('assets/'.length)) : join(root, name);
  const hash = createHash('sha256');
  for (const name of names) {
    let content: Buffer;
    try {
      content = await readFile(fileOf(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    // Name and content, each closed by a NUL, so no two different trees hash alike.
    hash.update(name).update('\0').update(createHash('sha256').update(content).digest('hex')).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
