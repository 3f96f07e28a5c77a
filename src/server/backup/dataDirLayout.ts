/**
 * What a backup of DATA_DIR holds, and what it leaves out. The rule is "everything but": every
 * file and folder the station keeps in DATA_DIR is copied unless it is named below as one the
 * station makes again by itself, or as a write still in progress. So a folder a later feature adds
 * (published versions, say) is in the backups from its first day, without anyone remembering to
 * add it here; only what is provably re-creatable is left out.
 */

/** The station's SQLite file: copied by SQLite's online backup, never as a file (it may be mid-write). */
export const DATABASE_FILE = 'station.sqlite';

/** Where, inside a backup folder, the copy of DATA_DIR goes (beside `manifest.json`). */
export const BACKUP_DATA_FOLDER = 'data';

export interface LeftOut {
  /** As a path relative to DATA_DIR, with `*` for any name. */
  path: string;
  /** Why it need not be kept (the README's list says the same). */
  why: string;
}

export const LEFT_OUT: readonly LeftOut[] = [
  { path: `${DATABASE_FILE}, ${DATABASE_FILE}-wal, -shm, -journal`, why: 'copied by SQLite’s online backup as one file' },
  { path: 'builds/', why: 'the site’s builds: the server builds the site again from the content at its next start' },
  { path: 'preview/', why: 'the draft’s preview builds: made again when someone clicks 预览' },
  { path: 'upload-tmp/', why: 'photo uploads in progress' },
  { path: '.*', why: 'copies interrupted by a crash (the server clears them at start)' },
  { path: '*/generated/', why: 'font subsets and photo sizes the build writes into the content: made again by the next build' },
  { path: '*.curate-*.tmp', why: 'the draft’s writes in progress (each becomes its file by a rename)' },
];

const DATABASE_FILES = new Set(['', '-wal', '-shm', '-journal'].map((suffix) => `${DATABASE_FILE}${suffix}`));
const REMADE_FOLDERS = new Set(['builds', 'preview', 'upload-tmp']);
/** The draft's write-then-rename temporaries (draft.ts: `<file>.curate-<pid>-<hex>.tmp`). */
const WRITE_IN_PROGRESS = /\.curate-[^/]*\.tmp$/;

/**
 * Whether a backup leaves this entry out. `path` is relative to DATA_DIR with `/` separators;
 * `siblings` are the names beside it (a `generated/` is the build's only where `content/` is
 * beside it: the layout of an assets folder, which the build writes its output into).
 */
export function isLeftOut(path: string, kind: 'file' | 'directory', siblings: readonly string[]): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.length === 1) {
    if (name.startsWith('.')) return true;
    if (kind === 'file' && DATABASE_FILES.has(name)) return true;
    if (kind === 'directory' && REMADE_FOLDERS.has(name)) return true;
  }
  if (kind === 'directory' && name === 'generated' && parts.length > 1 && siblings.includes('content')) return true;
  if (kind === 'file' && WRITE_IN_PROGRESS.test(name)) return true;
  return false;
}
