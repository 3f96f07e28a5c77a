/**
 * A station DATA_DIR for the backup tests, made of real files and a real SQLite database in a
 * temporary folder: what the station keeps (the database, the content store, the draft, a
 * folder a later feature might add) and what it makes again (builds, previews, uploads in
 * progress, the build's generated files, interrupted copies).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DATABASE_FILE } from '../../src/server/backup/dataDirLayout.ts';
import { openDatabase } from '../../src/server/storage/database.ts';

/** What a backup must keep, by path in DATA_DIR: text files and one binary photo. */
export const KEPT_FILES: Record<string, string | Buffer> = {
  'content/content/exhibition.json': '{"title":"展览"}\n',
  'content/content/panels-1.json': '{"panels":[{"id":"p1","title":"第一块"}]}\n',
  'content/photos/2021/hall.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251, 252, 0xff, 0xd9]),
  'content/seed.json': '{"seededAt":"2025-01-01T00:00:00.000Z"}\n',
  'draft/content/panels-1.json': '{"panels":[{"id":"p1","title":"第一块（草稿）"}]}\n',
  'draft/draft.json': '{"createdAt":1}\n',
  'draft/bin.json': '{"entries":[]}\n',
  'history/v1/content/exhibition.json': '{"title":"第一版"}\n',
};

/** Empty folders a backup must keep too (the store's layout has them even when empty). */
export const KEPT_EMPTY_FOLDERS = ['draft/photos'];

/** What a backup leaves out: made again by the station, or a write in progress. */
export const LEFT_OUT_FILES: Record<string, string> = {
  'builds/abc123/index.html': '<!doctype html>',
  'builds/current.json': '{"current":"abc123"}',
  'preview/builds/def456/index.html': '<!doctype html>',
  'upload-tmp/upload-1234': 'half a photo',
  '.content-seed-1a2b/content/exhibition.json': '{}',
  '.draft-copy-3c4d/bin.json': '{}',
  'content/generated/fonts/fonts.json': '{}',
  'draft/generated/photos/manifest.json': '{}',
  'draft/content/panels-1.json.curate-42-a1b2.tmp': '{"half":',
};

export async function makeDataDir(dataDir: string): Promise<void> {
  for (const [path, body] of Object.entries({ ...KEPT_FILES, ...LEFT_OUT_FILES })) {
    await mkdir(dirname(join(dataDir, path)), { recursive: true });
    await writeFile(join(dataDir, path), body);
  }
  for (const folder of KEPT_EMPTY_FOLDERS) await mkdir(join(dataDir, folder), { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  db.prepare(
    "INSERT INTO accounts (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('a1', 'admin', '管理员', 'reviewer', 'hash', 1, 1)",
  ).run();
  db.close();
}

/** Every file under `dir` with its SHA-256 (the database's `-wal`/`-shm` aside: SQLite's own). */
export async function treeState(dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        state[`${relative(dir, path).split(sep).join('/')}/`] = 'folder';
        await walk(path);
      } else if (!/\.sqlite-(wal|shm)$/.test(entry.name)) {
        state[relative(dir, path).split(sep).join('/')] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
      }
    }
  };
  if (existsSync(dir)) await walk(dir);
  return state;
}
