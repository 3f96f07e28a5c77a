/**
 * Curators in SQLite: accounts, their login sessions (token hashes only), the one-time setup
 * tokens and the audit log. Rows in, records out; who may do what is decided in
 * commands/curatorService.ts, not here.
 */
import type { AuditEntry, CurateRole, CuratorAccount, SetupPurpose } from '../../live/curateProtocol.ts';
import type { Db } from './database.ts';

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: CurateRole;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
  disabled: number;
}

interface SessionRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  address: string;
}

interface AuditRow {
  id: number;
  at: number;
  account_id: string | null;
  username: string | null;
  action: string;
  panel_id: string | null;
  field: string | null;
  detail: string | null;
}

interface SetupTokenRow {
  token_hash: string;
  purpose: SetupPurpose;
  account_id: string | null;
  created_at: number;
  expires_at: number;
}

/** An account with what only the server may see: its password hash. */
export interface StoredAccount extends CuratorAccount {
  passwordHash: string;
}

export interface StoredCuratorSession {
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  address: string;
}

export interface StoredSetupToken {
  tokenHash: string;
  purpose: SetupPurpose;
  accountId: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface AuditFields {
  panelId?: string | null;
  field?: string | null;
  detail?: string | null;
}

export interface AuditQuery {
  /** Entries with a smaller id than this (the next page back). */
  before?: number;
  limit: number;
  panelId?: string;
}

export interface AccountRepository {
  accountById(id: string): StoredAccount | null;
  /** Case-insensitively, as the column's collation compares. */
  accountByUsername(username: string): StoredAccount | null;
  accounts(): StoredAccount[];
  /** Reviewers, enabled or not, oldest first. */
  reviewers(): StoredAccount[];
  /** False when the username is taken. */
  insertAccount(account: StoredAccount): boolean;
  setPassword(accountId: string, passwordHash: string, changedAt: number): void;
  setDisabled(accountId: string, disabled: boolean): void;
  setRole(accountId: string, role: CurateRole): void;

  insertSession(session: StoredCuratorSession): void;
  sessionByTokenHash(tokenHash: string): StoredCuratorSession | null;
  touchSession(tokenHash: string, lastSeenAt: number, expiresAt: number): void;
  deleteSession(tokenHash: string): void;
  /** Ends every session of an account but `keepTokenHash` (the one asking, when it changed its own password). */
  deleteSessionsOf(accountId: string, keepTokenHash?: string): void;
  deleteExpiredSessions(now: number): void;

  /** Replaces every unused token of the same purpose (and account): only the newest link works. */
  insertSetupToken(token: StoredSetupToken): void;
  setupToken(tokenHash: string): StoredSetupToken | null;
  /** True when this call consumed it (a second use of the same link finds nothing). */
  consumeSetupToken(tokenHash: string): boolean;
  deleteSetupTokens(purpose: SetupPurpose): void;
  deleteExpiredSetupTokens(now: number): void;

  appendAudit(at: number, accountId: string | null, action: string, fields: AuditFields): void;
  audit(query: AuditQuery): AuditEntry[];

  /** Several writes as one: all or none. */
  transaction<T>(work: () => T): T;
}

const toAccount = (row: AccountRow): StoredAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled === 1,
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
  passwordHash: row.password_hash,
});

const toSession = (row: SessionRow): StoredCuratorSession => ({
  tokenHash: row.token_hash,
  accountId: row.account_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
  address: row.address,
});

const toSetupToken = (row: SetupTokenRow): StoredSetupToken => ({
  tokenHash: row.token_hash,
  purpose: row.purpose,
  accountId: row.account_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function createAccountRepository(db: Db): AccountRepository {
  const selectAccount = db.prepare('SELECT * FROM accounts WHERE id = ?');
  const selectAccountByName = db.prepare('SELECT * FROM accounts WHERE username = ?');
  const selectAccounts = db.prepare('SELECT * FROM accounts ORDER BY created_at, rowid');
  const selectReviewers = db.prepare("SELECT * FROM accounts WHERE role = 'reviewer' ORDER BY created_at, rowid");
  const insertAccount = db.prepare(`
    INSERT INTO accounts (id, username, display_name, role, password_hash, created_at, password_changed_at, disabled)
    VALUES (@id, @username, @display_name, @role, @password_hash, @created_at, @password_changed_at, @disabled)
    ON CONFLICT (username) DO NOTHING`);
  const updatePassword = db.prepare('UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?');
  const updateDisabled = db.prepare('UPDATE accounts SET disabled = ? WHERE id = ?');
  const updateRole = db.prepare('UPDATE accounts SET role = ? WHERE id = ?');

  const insertSession = db.prepare(`
    INSERT INTO curator_sessions (token_hash, account_id, created_at, expires_at, last_seen_at, address)
    VALUES (@token_hash, @account_id, @created_at, @expires_at, @last_seen_at, @address)`);
  const selectSession = db.prepare('SELECT * FROM curator_sessions WHERE token_hash = ?');
  const updateSession = db.prepare('UPDATE curator_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?');
  const deleteSession = db.prepare('DELETE FROM curator_sessions WHERE token_hash = ?');
  const deleteSessionsOf = db.prepare('DELETE FROM curator_sessions WHERE account_id = ? AND token_hash IS NOT ?');
  const deleteExpiredSessions = db.prepare('DELETE FROM curator_sessions WHERE expires_at <= ?');

  const deleteSetupTokensLike = db.prepare('DELETE FROM setup_tokens WHERE purpose = ? AND account_id IS ?');
  const insertSetupToken = db.prepare(`
    INSERT INTO setup_tokens (token_hash, purpose, account_id, created_at, expires_at)
    VALUES (@token_hash, @purpose, @account_id, @created_at, @expires_at)`);
  const selectSetupToken = db.prepare('SELECT * FROM setup_tokens WHERE token_hash = ?');
  const deleteSetupToken = db.prepare('DELETE FROM setup_tokens WHERE token_hash = ?');
  const deleteSetupTokensOf = db.prepare('DELETE FROM setup_tokens WHERE purpose = ?');
  const deleteExpiredSetupTokens = db.prepare('DELETE FROM setup_tokens WHERE expires_at <= ?');

  const insertAudit = db.prepare(
    'INSERT INTO audit_log (at, account_id, action, panel_id, field, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectAudit = db.prepare(`
    SELECT l.*, a.username FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id
    WHERE (@before IS NULL OR l.id < @before) AND (@panel_id IS NULL OR l.panel_id = @panel_id)
    ORDER BY l.id DESC LIMIT @limit`);

  const insertSetupTokenReplacing = db.transaction((token: StoredSetupToken) => {
    deleteSetupTokensLike.run(token.purpose, token.accountId);
    insertSetupToken.run({
      token_hash: token.tokenHash,
      purpose: token.purpose,
      account_id: token.accountId,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    } satisfies SetupTokenRow);
  });

  return {
    accountById: (id) => {
      const row = selectAccount.get(id) as AccountRow | undefined;
      return row ? toAccount(row) : null;
    },
    accountByUsername: (username) => {
      const row = selectAccountByName.get(username) as AccountRow | undefined;
      return row ? toAccount(row) : null;
    },
    accounts: () => (selectAccounts.all() as AccountRow[]).map(toAccount),
    reviewers: () => (selectReviewers.all() as AccountRow[]).map(toAccount),
    insertAccount: (account) =>
      insertAccount.run({
        id: account.id,
        username: account.username,
        display_name: account.displayName,
        role: account.role,
        password_hash: account.passwordHash,
        created_at: account.createdAt,
        password_changed_at: account.passwordChangedAt,
        disabled: account.disabled ? 1 : 0,
      } satisfies AccountRow).changes === 1,
    setPassword: (accountId, passwordHash, changedAt) => {
      updatePassword.run(passwordHash, changedAt, accountId);
    },
    setDisabled: (accountId, disabled) => {
      updateDisabled.run(disabled ? 1 : 0, accountId);
    },
    setRole: (accountId, role) => {
      updateRole.run(role, accountId);
    },

    insertSession: (session) => {
      insertSession.run({
        token_hash: session.tokenHash,
        account_id: session.accountId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        last_seen_at: session.lastSeenAt,
        address: session.address,
      } satisfies SessionRow);
    },
    sessionByTokenHash: (tokenHash) => {
      const row = selectSession.get(tokenHash) as SessionRow | undefined;
      return row ? toSession(row) : null;
    },
    touchSession: (tokenHash, lastSeenAt, expiresAt) => {
      updateSession.run(lastSeenAt, expiresAt, tokenHash);
    },
    deleteSession: (tokenHash) => {
      deleteSession.run(tokenHash);
    },
    deleteSessionsOf: (accountId, keepTokenHash) => {
      deleteSessionsOf.run(accountId, keepTokenHash ?? null);
    },
    deleteExpiredSessions: (now) => {
      deleteExpiredSessions.run(now);
    },

    insertSetupToken: (token) => insertSetupTokenReplacing(token),
    setupToken: (tokenHash) => {
      const row = selectSetupToken.get(tokenHash) as SetupTokenRow | undefined;
      return row ? toSetupToken(row) : null;
    },
    consumeSetupToken: (tokenHash) => deleteSetupToken.run(tokenHash).changes === 1,
    deleteSetupTokens: (purpose) => {
      deleteSetupTokensOf.run(purpose);
    },
    deleteExpiredSetupTokens: (now) => {
      deleteExpiredSetupTokens.run(now);
    },

    appendAudit: (at, accountId, action, fields) => {
      insertAudit.run(at, accountId, action, fields.panelId ?? null, fields.field ?? null, fields.detail ?? null);
    },
    audit: ({ before, limit, panelId }) =>
      (selectAudit.all({ before: before ?? null, panel_id: panelId ?? null, limit }) as AuditRow[]).map(
        (row): AuditEntry => ({
          id: row.id,
          at: row.at,
          accountId: row.account_id,
          username: row.username,
          action: row.action,
          panelId: row.panel_id,
          field: row.field,
          detail: row.detail,
        }),
      ),

    transaction: (work) => db.transaction(work)(),
  };
}
