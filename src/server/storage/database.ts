/**
 * The station's SQLite database (better-sqlite3): one file in DATA_DIR, WAL mode so readers never
 * wait for the writer and a killed process loses no committed write, and a `migrations` table so
 * the schema only ever moves forward. Later issues (contest answers, curator accounts) add their
 * migrations to the list below; a migration, once released, is never edited.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'live sessions and participants',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL CHECK (length(code) = 6),
        tour_id TEXT NOT NULL,
        stops TEXT NOT NULL,
        stop_index INTEGER NOT NULL,
        page INTEGER NOT NULL,
        blank TEXT NOT NULL CHECK (blank IN ('none', 'black', 'white')),
        nicknames_visible INTEGER NOT NULL,
        gather_seq INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        presenter_secret_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT CHECK (end_reason IN ('ended', 'expired'))
      );
      -- A code is unique among the lessons still running; ended lessons give theirs back.
      CREATE UNIQUE INDEX sessions_live_code ON sessions (code) WHERE ended_at IS NULL;
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        nickname TEXT,
        following INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('joined', 'left', 'removed')),
        token_hash TEXT NOT NULL UNIQUE,
        joined_at INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
      );
      CREATE INDEX participants_session ON participants (session_id, joined_at);
    `,
  },
  {
    version: 2,
    name: 'contests and their answers',
    sql: `
      CREATE TABLE contests (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        quiz_id TEXT NOT NULL,
        questions TEXT NOT NULL,
        question_index INTEGER NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('question', 'revealed', 'leaderboard', 'podium')),
        question_started_at INTEGER NOT NULL,
        deadline INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        eligible TEXT NOT NULL,
        -- 1 while it shows on the projector and the phones; a closed contest keeps its answers.
        shown INTEGER NOT NULL
      );
      CREATE INDEX contests_session ON contests (session_id, started_at);
      CREATE TABLE contest_answers (
        contest_id TEXT NOT NULL REFERENCES contests (id),
        question_id TEXT NOT NULL,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        option_ids TEXT NOT NULL,
        answered_at INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        -- One answer per phone per question, whatever the server's memory says.
        PRIMARY KEY (contest_id, question_id, participant_id)
      );
    `,
  },
  {
    version: 3,
    name: 'curators',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        -- NOCASE: 'Admin' and 'admin' are one name (ASCII only; other scripts have no case to fold).
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
      );
      -- Only the SHA-256 of a session's token: a copy of the database opens no session.
      CREATE TABLE curator_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        address TEXT NOT NULL
      );
      CREATE INDEX curator_sessions_account ON curator_sessions (account_id);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        -- NULL: the station itself (the first start, the reset command on the station PC).
        account_id TEXT REFERENCES accounts (id),
        action TEXT NOT NULL,
        panel_id TEXT,
        field TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_panel ON audit_log (panel_id, id) WHERE panel_id IS NOT NULL;
      CREATE TABLE setup_tokens (
        token_hash TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('first-reviewer', 'reset')),
        -- The reviewer a reset link sets the password of (NULL for the first reviewer's link).
        account_id TEXT REFERENCES accounts (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'submissions and published versions',
    sql: `
      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'returned', 'superseded', 'publishing', 'failed', 'published')),
        submitted_by TEXT NOT NULL REFERENCES accounts (id),
        submitted_at INTEGER NOT NULL,
        note TEXT NOT NULL,
        -- The hash of the frozen tree (contentStore.ts hashTree): whether the store became it.
        files_hash TEXT NOT NULL,
        -- JSON: how many panels, documents and photos it changes.
        summary TEXT NOT NULL,
        reviewed_by TEXT REFERENCES accounts (id),
        reviewed_at INTEGER,
        review_comment TEXT,
        self_approved INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1)),
        version INTEGER,
        build_error TEXT,
        -- The version a restore started it from, else NULL.
        restored_from INTEGER
      );
      CREATE INDEX submissions_time ON submissions (submitted_at);
      CREATE TABLE published_versions (
        number INTEGER PRIMARY KEY,
        published_at INTEGER NOT NULL,
        -- NULL for the first version: the content the station started with.
        published_by TEXT REFERENCES accounts (id),
        submission_id TEXT REFERENCES submissions (id),
        files_hash TEXT NOT NULL,
        summary TEXT NOT NULL,
        restored_from INTEGER
      );
    `,
  },
];

export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives the process being killed; only a power
  // cut may lose the last moments, which a lesson can bear.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    db
      .prepare('SELECT version FROM migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
  }
}
