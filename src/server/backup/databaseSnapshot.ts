/**
 * The station's SQLite copied with SQLite's online backup (better-sqlite3's `db.backup`), which
 * reads the database as one transaction sees it: consistent while the server goes on writing
 * (WAL mode: the server's writes never wait for it). A plain file copy under writes can catch
 * half of a transaction, or the main file without the WAL that completes it.
 */
import Database from 'better-sqlite3';

/** Pages per step: all of them in one step, so the copy is of one read transaction. */
const ALL_PAGES = 0x7fffffff;

export interface DatabaseSnapshot {
  /** The newest migration in the copy (storage/database.ts), or null for a database without any. */
  schemaVersion: number | null;
}

export class DamagedCopyError extends Error {
  constructor(readonly report: string) {
    super(`the database copy fails SQLite's integrity check: ${report}`);
  }
}

/**
 * Copies the database at `source` to `dest` (a new file). The copy is made a self-contained file
 * (rollback journal, no `-wal` beside it) and checked with `PRAGMA integrity_check` before it
 * counts. The source is opened read-only: a backup never migrates or changes the live database.
 */
export async function snapshotDatabase(source: string, dest: string): Promise<DatabaseSnapshot> {
  const live = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    // In one step (rather than SQLite's default of 100 pages a step): a step taken after another
    // connection wrote would start the copy over, and with steady writes never finish.
    await live.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  return checkDatabaseCopy(dest, { makeSelfContained: true });
}

/** Opens a copy, checks it, and reads its schema version; `makeSelfContained` turns WAL mode off in it. */
export function checkDatabaseCopy(file: string, options: { makeSelfContained?: boolean } = {}): DatabaseSnapshot {
  const copy = new Database(file, { fileMustExist: true, readonly: !options.makeSelfContained });
  try {
    if (options.makeSelfContained) copy.pragma('journal_mode = DELETE');
    const report = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (report.length !== 1 || report[0] !== 'ok') throw new DamagedCopyError(report.slice(0, 3).join('; '));
    return { schemaVersion: schemaVersionOf(copy) };
  } finally {
    copy.close();
  }
}

function schemaVersionOf(db: Database.Database): number | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!table) return null;
  const row = db.prepare('SELECT max(version) AS version FROM migrations').get() as { version: number | null };
  return row.version;
}
