/**
 * A stand-in for the station's curator API (src/live/curateProtocol.ts) behind a stubbed `fetch`:
 * the page's own CSP header (servedByStation), accounts with passwords, one cookie session, the
 * lock-out, setup links and a paged audit log, answering real `Response`s with the protocol's
 * status codes. Enough of the server's rules for the page's tests; the server's own are in
 * tests/server/.
 */
import { vi } from 'vitest';
import type {
  AuditEntry,
  CurateErrorCode,
  CurateRole,
  CuratorAccount,
  CuratorSession,
  SetupCheck,
} from '../../src/live/curateProtocol.ts';
import { curateDraftStation, type DraftStationOptions } from './curateDraftStation.ts';
import { curateReviewStation, type ReviewStationOptions } from './curateReviewStation.ts';

export const REVIEWER_ID = '0b7e8a52-6f0e-4d8e-8c5e-3f1a2b9c7d10';
export const EDITOR_ID = '1c8f9b63-7a1f-4e9f-9d6f-4a2b3c0d8e21';
export const SETUP_TOKEN = 'Zk3pQ9xW2mN7vB4cR8tY1uI6oP0aS5dF3gH9jK2lZxC';
export const RESET_TOKEN = 'Rq8wE2rT5yU9iO3pA7sD1fG4hJ6kL0zX2cV5bN8mQwE';
export const NOW = new Date(2025, 4, 4, 14, 30, 5).getTime();

interface StoredAccount extends CuratorAccount {
  password: string;
}

export interface CurateStationOptions {
  /** The page came from the station (its CSP header); false: a static host. */
  servedByStation?: boolean;
  /** Every curator request refused `not-allowed` (a phone not in CURATE_ALLOW). */
  notAllowed?: boolean;
  /** Who the cookie already is (a reload while logged in). */
  loggedInAs?: string | null;
  /** Usernames locked out (too many wrong passwords). */
  locked?: string[];
  /** Setup links the station issued. */
  setupLinks?: Record<string, SetupCheck>;
  audit?: AuditEntry[];
  /** No accounts at all (before the first reviewer). */
  empty?: boolean;
  /** Refusals forced on a path (`accounts/<id>/disable`), for rules this stand-in does not model. */
  refusals?: Record<string, CurateErrorCode>;
  /** The shared draft's routes (tests/support/curateDraftStation.ts). */
  draft?: DraftStationOptions;
  /** 先审后发's routes: submissions, publishing, versions (tests/support/curateReviewStation.ts). */
  review?: ReviewStationOptions;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

const STATUS: Partial<Record<CurateErrorCode, number>> = {
  'not-allowed': 403,
  unauthorized: 401,
  forbidden: 403,
  'wrong-credentials': 401,
  locked: 429,
  'account-disabled': 403,
  'weak-password': 400,
  'username-taken': 409,
  'last-reviewer': 409,
  'bad-setup-token': 401,
  'not-found': 404,
  'bad-request': 400,
};
const refuse = (error: CurateErrorCode) => json({ ok: false, error }, STATUS[error] ?? 500);

export function account(
  id: string,
  username: string,
  role: CurateRole,
  password: string,
  extra: Partial<CuratorAccount> = {},
): StoredAccount {
  return {
    id,
    username,
    displayName: username,
    role,
    disabled: false,
    createdAt: NOW - 86_400_000,
    passwordChangedAt: NOW - 86_400_000,
    password,
    ...extra,
  };
}

export function auditEntries(count: number, extra: (id: number) => Partial<AuditEntry> = () => ({})): AuditEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return {
      id,
      at: NOW - (count - id) * 60_000,
      accountId: REVIEWER_ID,
      username: 'lihua',
      action: 'login',
      panelId: null,
      field: null,
      detail: null,
      ...extra(id),
    };
  });
}

export function curateStation(options: CurateStationOptions = {}) {
  const { servedByStation = true, notAllowed = false, locked = [], setupLinks = {} } = options;
  const accounts: StoredAccount[] = options.empty
    ? []
    : [
        account(REVIEWER_ID, 'lihua', 'reviewer', 'reviewer-pass', { displayName: '李华' }),
        account(EDITOR_ID, 'wangfang', 'editor', 'editor-pass', { displayName: '王芳' }),
      ];
  const state = {
    accounts,
    sessionAccountId: (options.loggedInAs && accounts.find((entry) => entry.username === options.loggedInAs)?.id) || null,
    audit: [...(options.audit ?? [])],
    setupLinks: { ...setupLinks },
    /** The station cannot be reached: every API request fails as `fetch` does offline. */
    offline: false,
  };
  const draft = curateDraftStation(options.draft);
  const review = curateReviewStation(options.review);
  const publicAccount = ({ password: _password, ...rest }: StoredAccount): CuratorAccount => rest;
  const sessionOf = (stored: StoredAccount): CuratorSession => ({
    ok: true,
    account: publicAccount(stored),
    expiresAt: NOW + 12 * 3_600_000,
  });
  const current = () => accounts.find((entry) => entry.id === state.sessionAccountId && !entry.disabled);
  const weak = (password: string, username: string) => [...password].length < 8 || password === username;

  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url === './')
      return new Response('<!doctype html>', {
        headers: servedByStation ? { 'content-security-policy': "default-src 'self'; frame-ancestors 'none'" } : {},
      });
    if (!servedByStation || !url.startsWith('api/curate/')) return new Response('not found', { status: 404 });
    if (state.offline) throw new TypeError('Failed to fetch');
    if (notAllowed) return refuse('not-allowed');
    const [path = '', search = ''] = url.slice('api/curate/'.length).split('?');
    const method = init?.method ?? 'GET';
    const body = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as Record<string, unknown>;
    const forced = options.refusals?.[path];
    if (forced) return refuse(forced);
    const who = current();
    const needs = (role: CurateRole) =>
      !who ? refuse('unauthorized') : role === 'reviewer' && who.role !== 'reviewer' ? refuse('forbidden') : null;

    if (method === 'POST' && path === 'login') {
      const username = String(body.username);
      if (locked.includes(username)) return refuse('locked');
      const found = accounts.find((entry) => entry.username.toLowerCase() === username.toLowerCase());
      if (!found || found.password !== body.password) return refuse('wrong-credentials');
      if (found.disabled) return refuse('account-disabled');
      state.sessionAccountId = found.id;
      return json(sessionOf(found));
    }
    if (method === 'POST' && path === 'logout') {
      state.sessionAccountId = null;
      return json({ ok: true });
    }
    if (method === 'GET' && path === 'me') return needs('editor') ?? json(sessionOf(who as StoredAccount));
    if (method === 'POST' && path === 'password') {
      const refused = needs('editor');
      if (refused) return refused;
      const me = who as StoredAccount;
      if (body.currentPassword !== me.password) return refuse('wrong-credentials');
      if (weak(String(body.newPassword), me.username)) return refuse('weak-password');
      me.password = String(body.newPassword);
      return json({ ok: true });
    }
    if (path === 'accounts') {
      const refused = needs('reviewer');
      if (refused) return refused;
      if (method === 'GET') return json({ ok: true, accounts: accounts.map(publicAccount) });
      const username = String(body.username);
      if (accounts.some((entry) => entry.username.toLowerCase() === username.toLowerCase())) return refuse('username-taken');
      if (weak(String(body.password), username)) return refuse('weak-password');
      const created = account(
        `2d9a0c74-8b2a-4f0a-ae7f-${String(accounts.length).padStart(12, '0')}`,
        username,
        body.role as CurateRole,
        String(body.password),
        { displayName: typeof body.displayName === 'string' ? body.displayName : username },
      );
      accounts.push(created);
      return json({ ok: true, account: publicAccount(created) }, 201);
    }
    const accountAction = /^accounts\/([^/]+)\/(password|disable)$/.exec(path);
    if (method === 'POST' && accountAction) {
      const refused = needs('reviewer');
      if (refused) return refused;
      const target = accounts.find((entry) => entry.id === decodeURIComponent(accountAction[1] ?? ''));
      if (!target) return refuse('not-found');
      if (accountAction[2] === 'password') {
        if (weak(String(body.password), target.username)) return refuse('weak-password');
        target.password = String(body.password);
        return json({ ok: true });
      }
      if (target.id === who?.id) return refuse('forbidden');
      const reviewersLeft = accounts.filter((entry) => entry.role === 'reviewer' && !entry.disabled && entry.id !== target.id);
      if (body.disabled === true && target.role === 'reviewer' && reviewersLeft.length === 0) return refuse('last-reviewer');
      target.disabled = body.disabled === true;
      return json({ ok: true, account: publicAccount(target) });
    }
    if (method === 'GET' && path === 'audit') {
      const refused = needs('reviewer');
      if (refused) return refused;
      const query = new URLSearchParams(search);
      const before = query.has('before') ? Number(query.get('before')) : Number.POSITIVE_INFINITY;
      const limit = Number(query.get('limit') ?? 50);
      const panelId = query.get('panelId');
      const matching = [...state.audit]
        .sort((a, b) => b.id - a.id)
        .filter((entry) => entry.id < before && (panelId === null || entry.panelId === panelId));
      const entries = matching.slice(0, limit);
      const nextBefore = matching.length > limit ? (entries.at(-1)?.id ?? null) : null;
      return json({ ok: true, entries, nextBefore });
    }
    if (method === 'POST' && path === 'setup/check') {
      const check = state.setupLinks[String(body.token)];
      return check ? json(check) : refuse('bad-setup-token');
    }
    if (method === 'POST' && path === 'setup') {
      const check = state.setupLinks[String(body.token)];
      if (!check) return refuse('bad-setup-token');
      const username = String(body.username);
      if (check.purpose === 'reset' && username !== check.username) return refuse('bad-setup-token');
      if (weak(String(body.password), username)) return refuse('weak-password');
      let stored = accounts.find((entry) => entry.username === username);
      if (stored) stored.password = String(body.password);
      else {
        stored = account('3e0b1d85-9c3b-4a1b-bf80-000000000001', username, 'reviewer', String(body.password), {
          displayName: typeof body.displayName === 'string' ? body.displayName : username,
        });
        accounts.push(stored);
      }
      delete state.setupLinks[String(body.token)];
      state.sessionAccountId = stored.id;
      return json(sessionOf(stored), 201);
    }
    if (path.startsWith('draft') || path === 'preview') {
      const refused = needs('editor');
      if (refused) return refused;
      const answer = draft.route(method, path, body, init?.body);
      if (answer) return json(answer.body, answer.status);
    }
    // 先审后发: anyone may submit and look; approving, returning and restoring are a reviewer's.
    if (/^(submissions|publish$|versions)/.test(path)) {
      const refused = needs(/\/(approve|return|restore)$/.test(path) ? 'reviewer' : 'editor');
      if (refused) return refused;
      const me = who as StoredAccount;
      const reviewerIds = accounts.filter((entry) => entry.role === 'reviewer' && !entry.disabled).map((entry) => entry.id);
      const answer = review.route(method, path, body, { id: me.id, displayName: me.displayName }, reviewerIds);
      if (answer) return json(answer.body, answer.status);
    }
    return refuse('not-found');
  });

  /** The requests the page made to the curator API: method, URL, body (parsed), credentials. */
  const requests = () =>
    fetch.mock.calls
      .filter(([url]) => String(url).startsWith('api/curate/'))
      .map(([url, init]) => ({
        method: init?.method ?? 'GET',
        url: String(url),
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body,
        credentials: init?.credentials,
      }));

  return { fetch, state, requests, draft, review };
}
