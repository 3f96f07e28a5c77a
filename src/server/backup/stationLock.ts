/**
 * Whether the station server is running on a DATA_DIR, told by the database itself: the server
 * keeps `station.sqlite` open for as long as it runs, and in WAL mode every open connection holds
 * a shared lock on the file. Taking SQLite's exclusive lock (`locking_mode = EXCLUSIVE`, then
 * `BEGIN EXCLUSIVE`) succeeds only when no other connection has it open, in this process or any
 * other: the server, a `curate:reset`, a backup in progress.
 *
 * Why this rather than a pid file or the port: the operating system drops the lock when the process
 * ends, however it ends (a crash leaves no stale lock behind to refuse a restore forever), and it
 * is about this DATA_DIR, whatever port or user the server runs with.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './dataDirLayout.ts';

export type StationLock =
  | { kind: 'no-database' }
  | { kind: 'in-use' }
  | {
      kind: 'held';
      /** Lets go of the lock (closes the connection). Call it once. */
      release(): void;
    };

/** Takes the exclusive lock on DATA_DIR's database and keeps it until `release()`; never waits. */
export function lockStationDatabase(dataDir: string): StationLock {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return { kind: 'no-database' };
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return { kind: 'in-use' };
    throw error;
  }
  return {
    kind: 'held',
    release: () => {
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}
