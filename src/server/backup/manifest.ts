/**
 * A backup's `manifest.json`: what it holds (every file with its size and SHA-256, every folder),
 * what it left out, which app and database schema made it, and when. A restore believes nothing
 * in a backup folder that the manifest does not vouch for: it checks every file against it first.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { hashFile } from './fileHash.ts';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'dangshi-station-backup';

/**
 * A path inside the backup folder: relative, `/`-separated, no `.` or `..` segment, no empty one, no
 * backslash: whatever a manifest says, a restore reads and writes nothing outside its two folders.
 */
const safePath = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (path) =>
      !path.includes('\\') &&
      !path.includes('\0') &&
      path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
    'not a plain relative path',
  );

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string() }),
  /** The newest migration in the database copy (storage/database.ts's MIGRATIONS), null without one. */
  schemaVersion: z.number().int().nonnegative().nullable(),
  /** DATA_DIR as it was named on the machine that made it (for the staff's information only). */
  source: z.object({ dataDir: z.string(), host: z.string() }),
  /** The database copy, one of `files`. */
  database: safePath,
  directories: z.array(safePath),
  files: z.array(z.object({ path: safePath, size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** What DATA_DIR held that the backup leaves out (dataDirLayout.ts), as paths relative to it. */
  leftOut: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export type ManifestRead =
  | { ok: true; manifest: BackupManifest }
  | { ok: false; reason: 'missing' | 'unreadable'; detail: string };

export async function readManifest(backupDir: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'missing' : 'unreadable', detail: String(code ?? error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: 'unreadable', detail: first ? `${first.path.join('.')}: ${first.message}` : 'not a manifest' };
  }
  if (!parsed.data.files.some((file) => file.path === parsed.data.database)) {
    return { ok: false, reason: 'unreadable', detail: `database ${parsed.data.database} is not among the files` };
  }
  return { ok: true, manifest: parsed.data };
}

export interface FileProblem {
  path: string;
  problem: 'missing' | 'size' | 'hash';
}

/** Every file of the manifest checked in `backupDir`: there, a file, its size and its SHA-256. */
export async function checkBackupFiles(backupDir: string, manifest: BackupManifest): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const file of manifest.files) {
    const path = join(backupDir, file.path);
    const facts = await stat(path).catch(() => null);
    if (!facts?.isFile()) {
      problems.push({ path: file.path, problem: 'missing' });
      continue;
    }
    if (facts.size !== file.size) {
      problems.push({ path: file.path, problem: 'size' });
      continue;
    }
    if ((await hashFile(path)).sha256 !== file.sha256) problems.push({ path: file.path, problem: 'hash' });
  }
  for (const directory of manifest.directories) {
    const facts = await stat(join(backupDir, directory)).catch(() => null);
    if (!facts?.isDirectory()) problems.push({ path: `${directory}/`, problem: 'missing' });
  }
  return problems;
}
