/**
 * The checked way into curator accounts. Every body arrives as `unknown`, is parsed by its zod
 * schema (src/live/curateProtocol.ts), checked against who is asking, and only then written to
 * SQLite (storage/accountRepository.ts). A refusal is `{ ok: false, error }` and changes nothing.
 *
 * Sessions and setup links are 32 random bytes of which only the SHA-256 is stored; passwords are
 * scrypt hashes (passwords.ts). Logins are limited per address and per username: a guesser
 * spraying one account from many addresses, or many accounts from one address, is locked out
 * either way. Every change is written to the audit log with who made it.
 *
 * Nothing is kept in memory but the rate limits, so the reset command (resetReviewer.ts) can
 * issue a setup link from another process while the station runs, and the station honours it.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type AuditPage,
  auditQuerySchema,
  CURATOR_SESSION_MS,
  type CurateErrorCode,
  type CurateRefusal,
  type CurateRole,
  type CuratorAccount,
  type CuratorSession,
  changePasswordBodySchema,
  createAccountBodySchema,
  curateTokenSchema,
  disableAccountBodySchema,
  loginBodySchema,
  resetPasswordBodySchema,
  roleSatisfies,
  SETUP_TOKEN_MS,
  type SetupCheck,
  type SetupPurpose,
  setupBodySchema,
  setupCheckBodySchema,
} from '../../live/curateProtocol.ts';
import type { AccountRepository, AuditFields, StoredAccount } from '../storage/accountRepository.ts';
import { AttemptLimiter, type AttemptLimits } from './limits.ts';
import {
  DEFAULT_COST,
  hashPassword,
  needsRehash,
  passwordProblem,
  type ScryptCost,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type CurateResult<T> = ({ ok: true } & T) | CurateRefusal;

export interface CuratorLimits {
  /** Wrong logins (and wrong current passwords) per address. */
  loginAddress: AttemptLimits;
  /** Wrong logins per username, whichever address they come from. */
  loginUsername: AttemptLimits;
  /** Unknown setup tokens per address. */
  setup: AttemptLimits;
  /** Password hashes computed at once (each takes 32 MiB for tens of ms); more wait their turn by being refused. */
  concurrentHashes: number;
}

export const DEFAULT_CURATOR_LIMITS: CuratorLimits = {
  loginAddress: { maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  loginUsername: { maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  setup: { maxFailures: 10, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  concurrentHashes: 4,
};

export interface CuratorServiceOptions {
  repository: AccountRepository;
  clock?: () => number;
  limits?: Partial<CuratorLimits>;
  /** scrypt's parameters for new hashes (tests may lower them; the station keeps the default). */
  passwordCost?: ScryptCost;
  sessionMs?: number;
}

/** A new session: the token goes in the cookie, and nowhere else. */
export interface SessionGrant {
  token: string;
  maxAgeSeconds: number;
}

/** A request's curator, once its session was checked. */
export interface AuthenticatedCurator {
  account: CuratorAccount;
  tokenHash: string;
  expiresAt: number;
  /** The session's expiry moved on: the cookie to send again so the browser keeps it as long (else null). */
  renewal: SessionGrant | null;
}

export type BootstrapOutcome =
  | { kind: 'ready' }
  | { kind: 'created'; username: string }
  | { kind: 'setup-link'; token: string; reason: 'no-password' | 'username-taken' };

export type ResetCommandOutcome =
  | { ok: true; token: string; purpose: SetupPurpose; username: string | null }
  | { ok: false; reason: 'unknown-account'; username: string }
  | { ok: false; reason: 'choose-reviewer'; reviewers: string[] };

/** The expiry is written at most this often per session (a click is not worth a disk write). */
const SESSION_TOUCH_INTERVAL_MS = 60_000;
const AUDIT_DETAIL_MAX_CHARS = 2000;
const DEFAULT_AUDIT_PAGE = 50;

/** Thrown inside a transaction to roll it back. */
class UsernameTaken extends Error {}

const refuse = (error: CurateErrorCode): CurateRefusal => ({ ok: false, error });

/** Parses with a schema; any failure is the same `bad-request` (the details help nobody hostile). */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** The limiter's key for a username: as the accounts table compares them. */
const usernameKey = (username: string) => username.normalize('NFC').toLowerCase();

function publicAccount({ passwordHash: _passwordHash, ...account }: StoredAccount): CuratorAccount {
  return account;
}

export class CuratorService {
  private readonly repository: AccountRepository;
  private readonly clock: () => number;
  private readonly sessionMs: number;
  private readonly cost: ScryptCost;
  private readonly addressLimiter: AttemptLimiter;
  private readonly usernameLimiter: AttemptLimiter;
  private readonly setupLimiter: AttemptLimiter;
  private readonly concurrentHashes: number;
  private hashesInFlight = 0;

  constructor(options: CuratorServiceOptions) {
    this.repository = options.repository;
    this.clock = options.clock ?? Date.now;
    this.sessionMs = options.sessionMs ?? CURATOR_SESSION_MS;
    this.cost = options.passwordCost ?? DEFAULT_COST;
    const limits = { ...DEFAULT_CURATOR_LIMITS, ...options.limits };
    this.addressLimiter = new AttemptLimiter(limits.loginAddress, this.clock);
    this.usernameLimiter = new AttemptLimiter(limits.loginUsername, this.clock);
    this.setupLimiter = new AttemptLimiter(limits.setup, this.clock);
    this.concurrentHashes = limits.concurrentHashes;
  }

  // --- Sessions ----------------------------------------------------------------------------

  async login(body: unknown, address: string): Promise<CurateResult<{ session: CuratorSession; grant: SessionGrant }>> {
    const request = parse(loginBodySchema, body);
    if (!request) return refuse('bad-request');
    const nameKey = usernameKey(request.username);
    if (this.addressLimiter.isLocked(address) || this.usernameLimiter.isLocked(nameKey)) return refuse('locked');
    const account = this.repository.accountByUsername(request.username);
    const verified = await this.withHashSlot(() =>
      account ? verifyPassword(request.password, account.passwordHash) : verifyAgainstDummy(request.password),
    );
    if (verified === null) return refuse('rate-limited');
    if (!account || !verified) {
      const lockedNow = [this.addressLimiter.fail(address), this.usernameLimiter.fail(nameKey)].some(Boolean);
      if (account) this.record(account.id, 'login-failed', { detail: JSON.stringify({ address }) });
      return refuse(lockedNow ? 'locked' : 'wrong-credentials');
    }
    this.addressLimiter.succeed(address);
    this.usernameLimiter.succeed(nameKey);
    if (account.disabled) return refuse('account-disabled');
    // A hash made with weaker parameters than today's is made again while the password is at hand.
    if (needsRehash(account.passwordHash, this.cost)) {
      const rehashed = await this.withHashSlot(() => hashPassword(request.password, this.cost));
      if (rehashed) this.repository.setPassword(account.id, rehashed, account.passwordChangedAt);
    }
    this.record(account.id, 'login', { detail: JSON.stringify({ address }) });
    return { ok: true, ...this.startSession(account, address) };
  }

  /** Ends the session of this token (if it is one); always fine, so a stale cookie logs out too. */
  logout(token: string | null): { ok: true } {
    if (token === null || !curateTokenSchema.safeParse(token).success) return { ok: true };
    const tokenHash = hashSecret(token);
    const session = this.repository.sessionByTokenHash(tokenHash);
    if (session) {
      this.repository.deleteSession(tokenHash);
      this.record(session.accountId, 'logout');
    }
    return { ok: true };
  }

  /**
   * Who a session token is, if it is a live session of an enabled account with (at least) the
   * `needed` role: `unauthorized` without one, `forbidden` for the wrong role. Using a session
   * moves its expiry on (sliding).
   */
  authenticate(token: string | null, needed: CurateRole): CurateResult<AuthenticatedCurator> {
    if (token === null || !curateTokenSchema.safeParse(token).success) return refuse('unauthorized');
    const tokenHash = hashSecret(token);
    const session = this.repository.sessionByTokenHash(tokenHash);
    const now = this.clock();
    if (!session) return refuse('unauthorized');
    const account = this.repository.accountById(session.accountId);
    if (session.expiresAt <= now || !account || account.disabled) {
      this.repository.deleteSession(tokenHash);
      return refuse('unauthorized');
    }
    if (!roleSatisfies(account.role, needed)) return refuse('forbidden');
    let expiresAt = session.expiresAt;
    const renewed = now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS;
    if (renewed) {
      expiresAt = now + this.sessionMs;
      this.repository.touchSession(tokenHash, now, expiresAt);
    }
    const renewal = renewed ? { token, maxAgeSeconds: Math.floor(this.sessionMs / 1000) } : null;
    return { ok: true, account: publicAccount(account), tokenHash, expiresAt, renewal };
  }

  me(curator: AuthenticatedCurator): CuratorSession {
    return { ok: true, account: curator.account, expiresAt: curator.expiresAt };
  }

  async changeOwnPassword(curator: AuthenticatedCurator, body: unknown, address: string): Promise<CurateResult<object>> {
    const request = parse(changePasswordBodySchema, body);
    if (!request) return refuse('bad-request');
    const account = this.repository.accountById(curator.account.id);
    if (!account) return refuse('unauthorized');
    const nameKey = usernameKey(account.username);
    // A left-open browser must not become a way to guess the password at leisure.
    if (this.addressLimiter.isLocked(address) || this.usernameLimiter.isLocked(nameKey)) return refuse('locked');
    const verified = await this.withHashSlot(() => verifyPassword(request.currentPassword, account.passwordHash));
    if (verified === null) return refuse('rate-limited');
    if (!verified) {
      const lockedNow = [this.addressLimiter.fail(address), this.usernameLimiter.fail(nameKey)].some(Boolean);
      return refuse(lockedNow ? 'locked' : 'wrong-credentials');
    }
    if (passwordProblem(request.newPassword, account.username)) return refuse('weak-password');
    const hash = await this.withHashSlot(() => hashPassword(request.newPassword, this.cost));
    if (hash === null) return refuse('rate-limited');
    this.repository.transaction(() => {
      this.repository.setPassword(account.id, hash, this.clock());
      // Whoever else held a session of this account (a browser left open elsewhere) is out.
      this.repository.deleteSessionsOf(account.id, curator.tokenHash);
      this.record(account.id, 'password-change');
    });
    return { ok: true };
  }

  // --- Accounts (reviewers) ----------------------------------------------------------------

  listAccounts(curator: AuthenticatedCurator): CurateResult<{ accounts: CuratorAccount[] }> {
    if (!roleSatisfies(curator.account.role, 'reviewer')) return refuse('forbidden');
    return { ok: true, accounts: this.repository.accounts().map(publicAccount) };
  }

  async createAccount(curator: AuthenticatedCurator, body: unknown): Promise<CurateResult<{ account: CuratorAccount }>> {
    if (!roleSatisfies(curator.account.role, 'reviewer')) return refuse('forbidden');
    const request = parse(createAccountBodySchema, body);
    if (!request) return refuse('bad-request');
    if (passwordProblem(request.password, request.username)) return refuse('weak-password');
    if (this.repository.accountByUsername(request.username)) return refuse('username-taken');
    const hash = await this.withHashSlot(() => hashPassword(request.password, this.cost));
    if (hash === null) return refuse('rate-limited');
    const account = this.newAccount(request.username, request.displayName, request.role, hash);
    if (!this.repository.insertAccount(account)) return refuse('username-taken');
    this.record(curator.account.id, 'account-create', {
      detail: JSON.stringify({ account: account.id, username: account.username, role: account.role }),
    });
    return { ok: true, account: publicAccount(account) };
  }

  /** A reviewer sets another's password (the one who forgot theirs); that account's sessions end. */
  async resetPassword(curator: AuthenticatedCurator, accountId: unknown, body: unknown): Promise<CurateResult<object>> {
    if (!roleSatisfies(curator.account.role, 'reviewer')) return refuse('forbidden');
    const request = parse(resetPasswordBodySchema, body);
    if (!request || typeof accountId !== 'string') return refuse('bad-request');
    const target = this.repository.accountById(accountId);
    if (!target) return refuse('not-found');
    // One's own password needs the current one (POST /api/curate/password): a session left open must not be enough.
    if (target.id === curator.account.id) return refuse('forbidden');
    if (passwordProblem(request.password, target.username)) return refuse('weak-password');
    const hash = await this.withHashSlot(() => hashPassword(request.password, this.cost));
    if (hash === null) return refuse('rate-limited');
    this.repository.transaction(() => {
      this.repository.setPassword(target.id, hash, this.clock());
      this.repository.deleteSessionsOf(target.id);
      this.record(curator.account.id, 'password-reset', {
        detail: JSON.stringify({ account: target.id, username: target.username }),
      });
    });
    return { ok: true };
  }

  setDisabled(curator: AuthenticatedCurator, accountId: unknown, body: unknown): CurateResult<{ account: CuratorAccount }> {
    if (!roleSatisfies(curator.account.role, 'reviewer')) return refuse('forbidden');
    const request = parse(disableAccountBodySchema, body);
    if (!request || typeof accountId !== 'string') return refuse('bad-request');
    const target = this.repository.accountById(accountId);
    if (!target) return refuse('not-found');
    if (target.id === curator.account.id) return refuse('forbidden');
    if (request.disabled && target.role === 'reviewer' && !target.disabled && this.enabledReviewers() <= 1) {
      return refuse('last-reviewer');
    }
    if (target.disabled !== request.disabled) {
      this.repository.transaction(() => {
        this.repository.setDisabled(target.id, request.disabled);
        if (request.disabled) this.repository.deleteSessionsOf(target.id);
        this.record(curator.account.id, request.disabled ? 'account-disable' : 'account-enable', {
          detail: JSON.stringify({ account: target.id, username: target.username }),
        });
      });
    }
    return { ok: true, account: { ...publicAccount(target), disabled: request.disabled } };
  }

  // --- The audit log -----------------------------------------------------------------------

  /**
   * Writes one entry: who (an account id; null for the station itself), what, and where when it
   * concerns a panel's field. For every route that changes something (the drafts API too).
   */
  record(accountId: string | null, action: string, fields: AuditFields = {}): void {
    const detail = fields.detail ?? null;
    this.repository.appendAudit(this.clock(), accountId, action, {
      panelId: fields.panelId ?? null,
      field: fields.field ?? null,
      detail: detail !== null && detail.length > AUDIT_DETAIL_MAX_CHARS ? detail.slice(0, AUDIT_DETAIL_MAX_CHARS) : detail,
    });
  }

  auditLog(curator: AuthenticatedCurator, query: unknown): CurateResult<Omit<AuditPage, 'ok'>> {
    if (!roleSatisfies(curator.account.role, 'reviewer')) return refuse('forbidden');
    const request = parse(auditQuerySchema, query ?? {});
    if (!request) return refuse('bad-request');
    const limit = request.limit ?? DEFAULT_AUDIT_PAGE;
    const entries = this.repository.audit({
      limit,
      ...(request.before !== undefined ? { before: request.before } : {}),
      ...(request.panelId !== undefined ? { panelId: request.panelId } : {}),
    });
    const last = entries.at(-1);
    return { ok: true, entries, nextBefore: entries.length === limit && last ? last.id : null };
  }

  // --- The first reviewer, setup links, the reset command ---------------------------------

  /**
   * At start: with no reviewer yet, create one from the station's settings
   * (`STATION_ADMIN_USER`/`STATION_ADMIN_PASSWORD`), or else issue a setup link for the terminal.
   */
  async bootstrap(admin: { username: string; password: string | null }): Promise<BootstrapOutcome> {
    const now = this.clock();
    this.repository.deleteExpiredSetupTokens(now);
    if (this.repository.reviewers().length > 0) {
      this.repository.deleteSetupTokens('first-reviewer');
      return { kind: 'ready' };
    }
    if (admin.password !== null) {
      if (this.repository.accountByUsername(admin.username)) {
        return { kind: 'setup-link', token: this.issueSetupToken('first-reviewer', null), reason: 'username-taken' };
      }
      const hash = await hashPassword(admin.password, this.cost);
      const account = this.newAccount(admin.username, undefined, 'reviewer', hash);
      if (this.repository.insertAccount(account)) {
        this.record(null, 'bootstrap', { detail: JSON.stringify({ account: account.id, username: account.username }) });
        return { kind: 'created', username: account.username };
      }
    }
    return { kind: 'setup-link', token: this.issueSetupToken('first-reviewer', null), reason: 'no-password' };
  }

  /**
   * `npm run curate:reset [username]` on the station PC: a link that sets a reviewer's password
   * again (the named account, made an enabled reviewer; else the only reviewer), or creates the
   * first reviewer when there is none. With several reviewers and no name, it asks which.
   */
  resetCommand(username: string | null): ResetCommandOutcome {
    this.repository.deleteExpiredSetupTokens(this.clock());
    let target: StoredAccount | null;
    if (username !== null) {
      target = this.repository.accountByUsername(username.normalize('NFC').trim());
      if (!target) return { ok: false, reason: 'unknown-account', username };
    } else {
      const reviewers = this.repository.reviewers();
      const enabled = reviewers.filter((reviewer) => !reviewer.disabled);
      const candidates = enabled.length > 0 ? enabled : reviewers;
      if (candidates.length > 1) {
        return { ok: false, reason: 'choose-reviewer', reviewers: candidates.map((reviewer) => reviewer.username) };
      }
      target = candidates[0] ?? null;
    }
    const purpose: SetupPurpose = target ? 'reset' : 'first-reviewer';
    const token = this.issueSetupToken(purpose, target?.id ?? null);
    this.record(null, 'reset-command', {
      detail: JSON.stringify({ account: target?.id ?? null, username: target?.username ?? null }),
    });
    return { ok: true, token, purpose, username: target?.username ?? null };
  }

  checkSetup(body: unknown, address: string): CurateResult<Omit<SetupCheck, 'ok'>> {
    const request = parse(setupCheckBodySchema, body);
    if (!request) return refuse('bad-request');
    if (this.setupLimiter.isLocked(address)) return refuse('locked');
    const token = this.liveSetupToken(request.token, address);
    if (!token) return refuse('bad-setup-token');
    const account = token.accountId ? this.repository.accountById(token.accountId) : null;
    return { ok: true, purpose: token.purpose, username: account?.username ?? null };
  }

  /** A setup link used: the first reviewer created, or a reviewer's password set; either way logged in. */
  async completeSetup(body: unknown, address: string): Promise<CurateResult<{ session: CuratorSession; grant: SessionGrant }>> {
    const request = parse(setupBodySchema, body);
    if (!request) return refuse('bad-request');
    if (this.setupLimiter.isLocked(address)) return refuse('locked');
    const token = this.liveSetupToken(request.token, address);
    if (!token) return refuse('bad-setup-token');
    const target = token.accountId ? this.repository.accountById(token.accountId) : null;
    if (token.purpose === 'reset' && (!target || usernameKey(target.username) !== usernameKey(request.username))) {
      return refuse('bad-setup-token');
    }
    if (passwordProblem(request.password, request.username)) return refuse('weak-password');
    if (token.purpose === 'first-reviewer' && this.repository.accountByUsername(request.username)) {
      return refuse('username-taken');
    }
    const hash = await this.withHashSlot(() => hashPassword(request.password, this.cost));
    if (hash === null) return refuse('rate-limited');

    let outcome: StoredAccount | CurateErrorCode;
    try {
      outcome = this.repository.transaction((): StoredAccount | CurateErrorCode => {
        // Consumed first: a link opened twice at once sets up once.
        if (!this.repository.consumeSetupToken(token.tokenHash)) return 'bad-setup-token';
        const now = this.clock();
        if (target) {
          this.repository.setPassword(target.id, hash, now);
          this.repository.setRole(target.id, 'reviewer');
          this.repository.setDisabled(target.id, false);
          this.repository.deleteSessionsOf(target.id);
          this.record(target.id, 'setup-reset', { detail: JSON.stringify({ address }) });
          return { ...target, role: 'reviewer', disabled: false, passwordHash: hash, passwordChangedAt: now };
        }
        const account = this.newAccount(request.username, request.displayName, 'reviewer', hash);
        if (!this.repository.insertAccount(account)) throw new UsernameTaken();
        // The first reviewer exists: every other first-start link is void.
        this.repository.deleteSetupTokens('first-reviewer');
        this.record(account.id, 'setup', { detail: JSON.stringify({ address }) });
        return account;
      });
    } catch (error) {
      // Taken between the check and the write: thrown, so the token's consumption is rolled back too.
      if (error instanceof UsernameTaken) return refuse('username-taken');
      throw error;
    }
    if (typeof outcome === 'string') return refuse(outcome);
    return { ok: true, ...this.startSession(outcome, address) };
  }

  // --- Internals ---------------------------------------------------------------------------

  private issueSetupToken(purpose: SetupPurpose, accountId: string | null): string {
    const token = newSecret();
    const now = this.clock();
    this.repository.insertSetupToken({
      tokenHash: hashSecret(token),
      purpose,
      accountId,
      createdAt: now,
      expiresAt: now + SETUP_TOKEN_MS,
    });
    return token;
  }

  /** The stored token of a setup link if it is live; an unknown or expired one counts against the address. */
  private liveSetupToken(token: string, address: string) {
    const stored = this.repository.setupToken(hashSecret(token));
    if (stored && stored.expiresAt > this.clock()) return stored;
    this.setupLimiter.fail(address);
    return null;
  }

  private startSession(account: StoredAccount, address: string): { session: CuratorSession; grant: SessionGrant } {
    const now = this.clock();
    this.repository.deleteExpiredSessions(now);
    const token = newSecret();
    const expiresAt = now + this.sessionMs;
    this.repository.insertSession({
      tokenHash: hashSecret(token),
      accountId: account.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      address,
    });
    return {
      session: { ok: true, account: publicAccount(account), expiresAt },
      grant: { token, maxAgeSeconds: Math.floor(this.sessionMs / 1000) },
    };
  }

  private newAccount(username: string, displayName: string | undefined, role: CurateRole, passwordHash: string): StoredAccount {
    const now = this.clock();
    return {
      id: randomUUID(),
      username,
      displayName: displayName || username,
      role,
      disabled: false,
      createdAt: now,
      passwordChangedAt: now,
      passwordHash,
    };
  }

  /** An account's name as the lists show it (publishing names who submitted and reviewed); null when unknown. */
  displayNameOf(accountId: string): string | null {
    return this.repository.accountById(accountId)?.displayName ?? null;
  }

  /** The reviewers who can log in: a reviewer approves their own submission only when alone. */
  activeReviewerIds(): string[] {
    return this.repository
      .reviewers()
      .filter((reviewer) => !reviewer.disabled)
      .map((reviewer) => reviewer.id);
  }

  private enabledReviewers(): number {
    return this.repository.reviewers().filter((reviewer) => !reviewer.disabled).length;
  }

  /** Runs a password hash if a slot is free; null when too many are under way. */
  private async withHashSlot<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.hashesInFlight >= this.concurrentHashes) return null;
    this.hashesInFlight++;
    try {
      return await work();
    } finally {
      this.hashesInFlight--;
    }
  }
}
