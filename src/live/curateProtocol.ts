/**
 * The curator's protocol (布展: the station's staff edit the exhibition in the browser at
 * `?mode=curate` on the station server): accounts, roles, login sessions and the audit log.
 * Shared by the browser and the station server (src/server/), so it imports nothing from Node or
 * the DOM: the schemas here are the ones the server checks every body with. It lives in `live/`
 * because that is the folder both sides may import (tests/unit/importGraph.test.ts).
 *
 * ## Who may call it
 *
 * - **Where from.** Every `/api/curate/*` request from an address that is neither the station PC
 *   itself (loopback, or the PC's own LAN address) nor in `CURATE_ALLOW` is refused `not-allowed`
 *   (403): over plain HTTP on a shared Wi-Fi a password can be overheard, so by default nobody
 *   logs in from a phone in the room.
 * - **Writes** (every method but GET/HEAD) must carry the station's own `Origin`: another site's
 *   is `bad-origin` (403), and so is none at all (browsers always send one on a POST; a request
 *   without one did not come from the curator page).
 * - **Sessions.** A login sets the cookie {@link CURATOR_COOKIE} (HttpOnly, SameSite=Strict,
 *   Path=/; no `Secure`: the station serves plain HTTP on its LAN). The server keeps only the
 *   token's SHA-256; a session ends {@link CURATOR_SESSION_MS} after it was last used (sliding; the
 *   cookie is sent again as it slides), at logout, or when the account's password is reset or the
 *   account disabled. Without a valid session a call is `unauthorized` (401); with an account
 *   lacking the role, `forbidden` (403).
 * - **Roles** ({@link CURATE_ROLES}): `editor` (编辑) edits drafts and submits them; `reviewer`
 *   (审核) may do all an editor may, and also review, publish, restore and manage accounts.
 *
 * ## HTTP (JSON answers are `{ ok: true, … }` or `{ ok: false, error: CurateErrorCode }`; all `no-store`)
 *
 * - `POST /api/curate/login` `{ username, password }` ({@link loginBodySchema}) → {@link CuratorSession}
 *   and the cookie. A wrong username or password is `wrong-credentials` (401) and sets no cookie;
 *   5 failures in 15 minutes, per address and per username, lock both for 15 minutes (`locked`,
 *   429), even for the right password. A disabled account with its right password: `account-disabled`.
 * - `POST /api/curate/logout` `{}` → `{ ok: true }`, the session ended and the cookie cleared.
 * - `GET  /api/curate/me` → {@link CuratorSession} (who the cookie is), or `unauthorized`.
 * - `POST /api/curate/password` `{ currentPassword, newPassword }` → `{ ok: true }`: one's own
 *   password; the account's other sessions end. A wrong current password is `wrong-credentials`.
 * - `GET  /api/curate/accounts` (reviewer) → `{ ok: true, accounts: CuratorAccount[] }`.
 * - `POST /api/curate/accounts` (reviewer) `{ username, displayName?, role, password }` → 201
 *   `{ ok: true, account }`. A name already taken (case-insensitively) is `username-taken` (409).
 * - `POST /api/curate/accounts/:id/password` (reviewer) `{ password }` → `{ ok: true }`: another's
 *   password reset; that account's sessions end.
 * - `POST /api/curate/accounts/:id/disable` (reviewer) `{ disabled }` → `{ ok: true, account }`:
 *   disabling ends the account's sessions; `true` again enables it. One's own account and the
 *   last enabled reviewer cannot be disabled (`last-reviewer`, 409; `forbidden` for oneself).
 * - `GET  /api/curate/audit?before=<id>&limit=<n>&panelId=<id>` (reviewer) → {@link AuditPage}:
 *   the log, newest first (who, when, what, which panel, which field).
 * - `POST /api/curate/setup/check` `{ token }` → {@link SetupCheck}: what a setup link is for.
 * - `POST /api/curate/setup` `{ token, username, password, displayName? }` → 201 {@link CuratorSession}
 *   and the cookie. A one-time link's token (`?mode=curate&setup=<token>`, valid
 *   {@link SETUP_TOKEN_MS}): the first start without `STATION_ADMIN_PASSWORD` prints one that
 *   creates the first reviewer; `npm run curate:reset` on the station PC prints one that sets a
 *   reviewer's password again (then `username` must be that reviewer's). A used, expired or unknown
 *   token is `bad-setup-token` (401).
 *
 * Passwords: {@link PASSWORD_MIN_CHARS} characters at least, not the username (`weak-password`).
 * Bodies are strict: an unknown field is `bad-request`.
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to; the site's CSP forbids eval.
z.config({ jitless: true });

export const CURATOR_COOKIE = 'dangshi_curator';
/** A session ends this long after it was last used. */
export const CURATOR_SESSION_MS = 12 * 60 * 60 * 1000;
/** A setup link works once, within this time. */
export const SETUP_TOKEN_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_MIN_CHARS = 8;
/** Long enough for any passphrase; short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX_CHARS = 200;
export const USERNAME_MAX_CHARS = 32;
export const DISPLAY_NAME_MAX_CHARS = 40;
export const AUDIT_PAGE_MAX = 200;

/** 编辑 (edit drafts, submit them) and 审核 (also review, publish, restore, manage accounts). */
export const CURATE_ROLES = ['editor', 'reviewer'] as const;
export type CurateRole = (typeof CURATE_ROLES)[number];

/** Whether an account of `role` may do what needs `needed` (a reviewer may do all an editor may). */
export function roleSatisfies(role: CurateRole, needed: CurateRole): boolean {
  return needed === 'editor' || role === 'reviewer';
}

export const CURATE_ERRORS = [
  /** The body or query does not have the expected shape. */
  'bad-request',
  /** A write from another site's page, or without an Origin. */
  'bad-origin',
  /** The request came from an address that is neither the station PC nor in CURATE_ALLOW. */
  'not-allowed',
  /** No valid session (none, expired, logged out, ended by a password reset). */
  'unauthorized',
  /** The account lacks the role, or may not do this to itself. */
  'forbidden',
  /** A wrong username or password (the answer does not say which). */
  'wrong-credentials',
  /** Too many wrong attempts from this address or for this username: locked out for a while. */
  'locked',
  /** Too many logins under way at once; try again shortly. */
  'rate-limited',
  'account-disabled',
  /** A password shorter than PASSWORD_MIN_CHARS, or the same as the username. */
  'weak-password',
  'username-taken',
  /** Disabling or demoting it would leave no enabled reviewer. */
  'last-reviewer',
  /** A setup link's token that is unknown, used or expired (or a reset's username that is not its account's). */
  'bad-setup-token',
  'not-found',
  'payload-too-large',
  'server-error',
] as const;
export type CurateErrorCode = (typeof CURATE_ERRORS)[number];

export interface CurateRefusal {
  ok: false;
  error: CurateErrorCode;
}

/**
 * Audit actions written by the account side (the drafts API adds its own, e.g. per panel and field).
 * `setup`: a setup link created the first reviewer; `setup-reset`: a reset link set a reviewer's
 * password; `reset-command`: `npm run curate:reset` issued such a link (no account: the station PC).
 */
export const ACCOUNT_AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'logout',
  'password-change',
  'password-reset',
  'account-create',
  'account-disable',
  'account-enable',
  'bootstrap',
  'setup',
  'setup-reset',
  'reset-command',
] as const;

// --- Field schemas -------------------------------------------------------------------------

/** Characters that could reorder or hide text where a name is shown (bidi controls, C0/C1). */
const HIDDEN_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * A username: letters (any script: 张伟 is fine), digits, `.`, `_`, `-`; compared
 * case-insensitively. NFC-normalised, so one name typed two ways is one name.
 */
export const usernameSchema = z
  .string()
  .max(200)
  .transform((text) => text.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1)
      .refine((text) => [...text].length <= USERNAME_MAX_CHARS)
      .regex(/^[\p{L}\p{N}._-]+$/u),
  );

export const displayNameSchema = z
  .string()
  .max(400)
  .transform((text) =>
    text
      .normalize('NFC')
      .replace(/[\t\n\r ]+/g, ' ')
      .trim(),
  )
  .pipe(
    z
      .string()
      .refine((text) => [...text].length <= DISPLAY_NAME_MAX_CHARS)
      .refine((text) => !HIDDEN_CHARACTERS.test(text)),
  );

/**
 * A password as typed: never trimmed or normalised here (hashing takes its UTF-8 as is); its
 * length and the other rules are checked by the server, so a short one is `weak-password`, not
 * `bad-request`.
 */
export const passwordSchema = z
  .string()
  .min(1)
  .refine((text) => [...text].length <= PASSWORD_MAX_CHARS);

export const accountIdSchema = z.uuid();
/** Session and setup tokens: 32 random bytes, base64url. */
export const curateTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const curateRoleSchema = z.enum(CURATE_ROLES);
/** A panel's id, as the content names them. */
export const auditPanelIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

// --- Bodies --------------------------------------------------------------------------------

export const loginBodySchema = z.strictObject({ username: usernameSchema, password: passwordSchema });
export const logoutBodySchema = z.strictObject({});
export const changePasswordBodySchema = z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema });
export const createAccountBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema.optional(),
  role: curateRoleSchema,
  password: passwordSchema,
});
export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });
export const disableAccountBodySchema = z.strictObject({ disabled: z.boolean() });
export const auditQuerySchema = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
  panelId: auditPanelIdSchema.optional(),
});
export const setupCheckBodySchema = z.strictObject({ token: curateTokenSchema });
export const setupBodySchema = z.strictObject({
  token: curateTokenSchema,
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema.optional(),
});

// --- Answers -------------------------------------------------------------------------------

export interface CuratorAccount {
  id: string;
  username: string;
  /** What the interface and the audit log show; the username when none was given. */
  displayName: string;
  role: CurateRole;
  disabled: boolean;
  createdAt: number;
  passwordChangedAt: number;
}

/** Who is logged in, and until when (unless used again before). */
export interface CuratorSession {
  ok: true;
  account: CuratorAccount;
  expiresAt: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  /** null: the station itself (the first start, the reset command). */
  accountId: string | null;
  /** The account's username at the time of reading (null as above, or for a deleted account). */
  username: string | null;
  action: string;
  panelId: string | null;
  field: string | null;
  detail: string | null;
}

export interface AuditPage {
  ok: true;
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this was the oldest. */
  nextBefore: number | null;
}

export type SetupPurpose = 'first-reviewer' | 'reset';

export interface SetupCheck {
  ok: true;
  purpose: SetupPurpose;
  /** For a reset: the reviewer whose password it sets. */
  username: string | null;
}

/** The curator's page, with a setup link's token. */
export function setupPagePath(token: string): string {
  return `/?mode=curate&setup=${encodeURIComponent(token)}`;
}
