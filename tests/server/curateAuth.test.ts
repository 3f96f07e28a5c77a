/**
 * The curator's accounts against the real server and SQLite: the first reviewer (from the
 * settings or a one-time link), logins and their cookie, the lockout, roles, password resets, the
 * address restriction, Origin checks, the audit log and the reset command on the station PC.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, CuratorAccount, CuratorSession } from '../../src/live/curateProtocol.ts';
import { CuratorService } from '../../src/server/commands/curatorService.ts';
import { verifyPassword } from '../../src/server/commands/passwords.ts';
import { createAccountRepository } from '../../src/server/storage/accountRepository.ts';
import { openDatabase } from '../../src/server/storage/database.ts';
import { ROOT, startStationInProcess, type TestStation } from './stationHarness.ts';

const ADMIN_PASSWORD = 'station admin pw';

interface Answer {
  status: number;
  json: Record<string, unknown>;
  setCookie: string | null;
  cacheControl: string | null;
}

/** Requests to one station, with the station's own Origin on writes unless told otherwise. */
function client(baseUrl: string) {
  const ownOrigin = new URL(baseUrl).origin;
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      setCookie: response.headers.get('set-cookie'),
      cacheControl: response.headers.get('cache-control'),
    };
  };
  return {
    post: (path: string, body: unknown, { cookie, origin = ownOrigin }: { cookie?: string; origin?: string | null } = {}) =>
      call('POST', path, body, { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) }),
    get: (path: string, cookie?: string) => call('GET', path, undefined, cookie ? { cookie } : {}),
    /** Logs in and gives the cookie to send back (`dangshi_curator=…`). */
    login: async (username: string, password: string) => {
      const answer = await call('POST', 'api/curate/login', { username, password }, { origin: ownOrigin });
      if (answer.status !== 200 || !answer.setCookie)
        throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.json)}`);
      return answer.setCookie.split(';')[0] as string;
    },
  };
}

function tokenOfLink(link: string): string {
  const token = new URL(link).searchParams.get('setup');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

describe('a station started with STATION_ADMIN_PASSWORD', () => {
  let station: TestStation;
  let api: ReturnType<typeof client>;
  const logged: string[] = [];
  let adminCookie: string;
  let editor: CuratorAccount;

  beforeAll(async () => {
    station = await startStationInProcess({
      adminPassword: ADMIN_PASSWORD,
      curateAllow: ['192.168.7.0/24'],
      log: (message) => logged.push(message),
    });
    api = client(station.url);
    adminCookie = await api.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => station.close());

  it('creates the first 审核 "admin" and prints no setup link', async () => {
    expect(station.station.setupLink).toBeNull();
    expect(logged.join('\n')).not.toMatch(/setup=/);
    expect(logged.join('\n')).toMatch(/created the first 审核 "admin"/);
    const me = await api.get('api/curate/me', adminCookie);
    expect(me.status).toBe(200);
    expect((me.json as unknown as CuratorSession).account).toMatchObject({
      username: 'admin',
      role: 'reviewer',
      disabled: false,
    });
    expect(me.cacheControl).toBe('no-store');
  });

  it('stores a scrypt hash that is not the password, and verifies', async () => {
    const db = new Database(join(station.dataDir, 'station.sqlite'), { readonly: true });
    try {
      const row = db.prepare("SELECT password_hash FROM accounts WHERE username = 'admin'").get() as { password_hash: string };
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
      expect(await verifyPassword(ADMIN_PASSWORD, row.password_hash)).toBe(true);
      const sessions = db.prepare('SELECT token_hash FROM curator_sessions').all() as { token_hash: string }[];
      const token = adminCookie.split('=')[1] as string;
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((session) => !session.token_hash.includes(token))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('gives a login an HttpOnly, SameSite=Strict session cookie, and takes the username in any case', async () => {
    const answer = await api.post('api/curate/login', { username: 'ADMIN', password: ADMIN_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe('no-store');
    const cookie = answer.setCookie ?? '';
    expect(cookie).toMatch(/^dangshi_curator=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${12 * 60 * 60}`);
    expect(answer.json).toMatchObject({ ok: true, account: { username: 'admin', role: 'reviewer' } });
    expect(JSON.stringify(answer.json)).not.toMatch(/hash|scrypt/);
  });

  it('gives a wrong password, or an unknown username, the same 401 and no cookie', async () => {
    for (const body of [
      { username: 'admin', password: 'not the password' },
      { username: 'nobody-here', password: 'not the password' },
    ]) {
      const answer = await api.post('api/curate/login', body);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ ok: false, error: 'wrong-credentials' });
      expect(answer.setCookie).toBeNull();
    }
  });

  it('refuses bodies of the wrong shape, or too big, before anything else', async () => {
    const extra = await api.post('api/curate/login', { username: 'admin', password: ADMIN_PASSWORD, role: 'reviewer' });
    expect(extra).toMatchObject({ status: 400, json: { ok: false, error: 'bad-request' }, setCookie: null });
    expect((await api.post('api/curate/login', 'not json')).status).toBe(400);
    const huge = await api.post('api/curate/login', { username: 'admin', password: 'x'.repeat(10_000) });
    expect(huge.status).toBe(413);
  });

  it('answers `me` only with a live session', async () => {
    expect((await api.get('api/curate/me')).json).toEqual({ ok: false, error: 'unauthorized' });
    expect((await api.get('api/curate/me')).status).toBe(401);
    expect((await api.get('api/curate/me', `dangshi_curator=${'A'.repeat(43)}`)).status).toBe(401);
    expect((await api.get('api/curate/me', 'dangshi_curator=<script>')).status).toBe(401);
    expect((await api.get('api/curate/me', `other=1; ${adminCookie}`)).status).toBe(200);
  });

  it('ends a session at logout, and clears the cookie', async () => {
    const cookie = await api.login('admin', ADMIN_PASSWORD);
    expect((await api.get('api/curate/me', cookie)).status).toBe(200);
    const out = await api.post('api/curate/logout', {}, { cookie });
    expect(out.status).toBe(200);
    expect(out.setCookie).toMatch(/^dangshi_curator=; Max-Age=0/);
    expect((await api.get('api/curate/me', cookie)).status).toBe(401);
    expect((await api.get('api/curate/me', adminCookie)).status).toBe(200);
  });

  it('refuses writes with another site’s Origin, or with none', async () => {
    const body = { username: 'admin', password: ADMIN_PASSWORD };
    const foreign = await api.post('api/curate/login', body, { origin: 'http://evil.example' });
    expect(foreign).toMatchObject({ status: 403, json: { ok: false, error: 'bad-origin' }, setCookie: null });
    const none = await api.post('api/curate/login', body, { origin: null });
    expect(none).toMatchObject({ status: 403, json: { ok: false, error: 'bad-origin' }, setCookie: null });
    // With a session too: the cookie alone makes no write.
    const create = { username: 'intruder', role: 'reviewer', password: 'intruder password' };
    expect((await api.post('api/curate/accounts', create, { cookie: adminCookie, origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await api.post('api/curate/accounts', create, { cookie: adminCookie, origin: null })).status).toBe(403);
    expect((await api.get('api/curate/accounts', adminCookie)).json.accounts).not.toContainEqual(
      expect.objectContaining({ username: 'intruder' }),
    );
  });

  it('lets a 审核 create a 编辑, who may not manage accounts or read the log', async () => {
    const created = await api.post(
      'api/curate/accounts',
      { username: 'editor1', displayName: '  王 小明 ', role: 'editor', password: 'editor one pw' },
      { cookie: adminCookie },
    );
    expect(created.status).toBe(201);
    editor = (created.json as { account: CuratorAccount }).account;
    expect(editor).toMatchObject({ username: 'editor1', displayName: '王 小明', role: 'editor', disabled: false });

    const taken = await api.post(
      'api/curate/accounts',
      { username: 'EDITOR1', role: 'editor', password: 'another password' },
      { cookie: adminCookie },
    );
    expect(taken).toMatchObject({ status: 409, json: { error: 'username-taken' } });
    const weak = await api.post(
      'api/curate/accounts',
      { username: 'e2', role: 'editor', password: 'short' },
      { cookie: adminCookie },
    );
    expect(weak).toMatchObject({ status: 400, json: { error: 'weak-password' } });
    const same = await api.post(
      'api/curate/accounts',
      { username: 'editor-two', role: 'editor', password: 'Editor-Two' },
      { cookie: adminCookie },
    );
    expect(same).toMatchObject({ status: 400, json: { error: 'weak-password' } });

    const editorCookie = await api.login('editor1', 'editor one pw');
    expect(((await api.get('api/curate/me', editorCookie)).json as unknown as CuratorSession).account.role).toBe('editor');
    for (const answer of [
      await api.get('api/curate/accounts', editorCookie),
      await api.get('api/curate/audit', editorCookie),
      await api.post(
        'api/curate/accounts',
        { username: 'e3', role: 'reviewer', password: 'promote me pls' },
        { cookie: editorCookie },
      ),
      await api.post(`api/curate/accounts/${editor.id}/password`, { password: 'my own choice' }, { cookie: editorCookie }),
      await api.post(`api/curate/accounts/${editor.id}/disable`, { disabled: false }, { cookie: editorCookie }),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({ ok: false, error: 'forbidden' });
    }
    // Nothing in between changed: still one editor, never promoted.
    const accounts = (await api.get('api/curate/accounts', adminCookie)).json.accounts as CuratorAccount[];
    expect(accounts.map((account) => [account.username, account.role])).toEqual([
      ['admin', 'reviewer'],
      ['editor1', 'editor'],
    ]);
  });

  it('ends a 编辑’s sessions when a 审核 resets the password', async () => {
    const editorCookie = await api.login('editor1', 'editor one pw');
    const reset = await api.post(
      `api/curate/accounts/${editor.id}/password`,
      { password: 'reset by admin' },
      { cookie: adminCookie },
    );
    expect(reset).toMatchObject({ status: 200, json: { ok: true } });
    expect((await api.get('api/curate/me', editorCookie)).status).toBe(401);
    expect((await api.post('api/curate/login', { username: 'editor1', password: 'editor one pw' })).status).toBe(401);
    expect((await api.get('api/curate/me', await api.login('editor1', 'reset by admin'))).status).toBe(200);
    // One's own password goes through POST /api/curate/password, with the current one.
    const me = (await api.get('api/curate/me', adminCookie)).json as unknown as CuratorSession;
    const self = await api.post(
      `api/curate/accounts/${me.account.id}/password`,
      { password: 'whatever123' },
      { cookie: adminCookie },
    );
    expect(self).toMatchObject({ status: 403, json: { error: 'forbidden' } });
  });

  it('changes one’s own password with the current one, ending the account’s other sessions', async () => {
    const here = await api.login('editor1', 'reset by admin');
    const elsewhere = await api.login('editor1', 'reset by admin');
    const wrong = await api.post(
      'api/curate/password',
      { currentPassword: 'not it', newPassword: 'my new password' },
      { cookie: here },
    );
    expect(wrong).toMatchObject({ status: 401, json: { error: 'wrong-credentials' } });
    const weak = await api.post(
      'api/curate/password',
      { currentPassword: 'reset by admin', newPassword: 'editor1' },
      { cookie: here },
    );
    expect(weak).toMatchObject({ status: 400, json: { error: 'weak-password' } });
    const changed = await api.post(
      'api/curate/password',
      { currentPassword: 'reset by admin', newPassword: 'my new password' },
      { cookie: here },
    );
    expect(changed.status).toBe(200);
    expect((await api.get('api/curate/me', here)).status).toBe(200);
    expect((await api.get('api/curate/me', elsewhere)).status).toBe(401);
    await api.login('editor1', 'my new password');
  });

  it('disables and enables an account; a disabled one logs in no more, and a 审核 cannot disable itself', async () => {
    const editorCookie = await api.login('editor1', 'my new password');
    const disabled = await api.post(`api/curate/accounts/${editor.id}/disable`, { disabled: true }, { cookie: adminCookie });
    expect(disabled).toMatchObject({ status: 200, json: { account: { disabled: true } } });
    expect((await api.get('api/curate/me', editorCookie)).status).toBe(401);
    const login = await api.post('api/curate/login', { username: 'editor1', password: 'my new password' });
    expect(login).toMatchObject({ status: 403, json: { error: 'account-disabled' }, setCookie: null });
    await api.post(`api/curate/accounts/${editor.id}/disable`, { disabled: false }, { cookie: adminCookie });
    await api.login('editor1', 'my new password');

    const me = (await api.get('api/curate/me', adminCookie)).json as unknown as CuratorSession;
    const self = await api.post(`api/curate/accounts/${me.account.id}/disable`, { disabled: true }, { cookie: adminCookie });
    expect(self).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    const unknown = await api.post(
      'api/curate/accounts/00000000-0000-4000-8000-000000000000/disable',
      { disabled: true },
      { cookie: adminCookie },
    );
    expect(unknown).toMatchObject({ status: 404, json: { error: 'not-found' } });
  });

  it('keeps every change in the audit log: who, when, what', async () => {
    const answer = await api.get('api/curate/audit?limit=200', adminCookie);
    expect(answer.status).toBe(200);
    const { entries } = answer.json as unknown as AuditPage;
    const actions = entries.map((entry) => `${entry.username ?? 'station'}:${entry.action}`);
    for (const expected of [
      'station:bootstrap',
      'admin:login',
      'admin:login-failed',
      'admin:logout',
      'admin:account-create',
      'editor1:login',
      'admin:password-reset',
      'editor1:password-change',
      'admin:account-disable',
      'admin:account-enable',
    ]) {
      expect(actions).toContain(expected);
    }
    // Newest first, each with its time.
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(entries.every((entry) => entry.at > Date.now() - 60 * 60_000)).toBe(true);
    const reset = entries.find((entry) => entry.action === 'password-reset');
    expect(JSON.parse(reset?.detail ?? '{}')).toMatchObject({ account: editor.id, username: 'editor1' });
    expect(JSON.stringify(entries)).not.toContain(ADMIN_PASSWORD);
    expect(JSON.stringify(entries)).not.toContain('my new password');

    const page = (await api.get('api/curate/audit?limit=2', adminCookie)).json as unknown as AuditPage;
    expect(page.entries).toHaveLength(2);
    const next = (await api.get(`api/curate/audit?limit=2&before=${page.nextBefore}`, adminCookie)).json as unknown as AuditPage;
    expect(next.entries[0]?.id).toBeLessThan(page.entries[1]?.id ?? 0);
    expect((await api.get('api/curate/audit?limit=9999', adminCookie)).status).toBe(400);
    expect((await api.get('api/curate/audit?sneaky=1', adminCookie)).status).toBe(400);
  });

  it('lets the service record a panel’s field for the drafts API, shown in the log', async () => {
    const me = (await api.get('api/curate/me', adminCookie)).json as unknown as CuratorSession;
    station.station.curator.record(me.account.id, 'draft-save', { panelId: 'cpc-founding-1921', field: 'title.zh' });
    const { entries } = (await api.get('api/curate/audit?panelId=cpc-founding-1921', adminCookie)).json as unknown as AuditPage;
    expect(entries).toEqual([
      expect.objectContaining({ username: 'admin', action: 'draft-save', panelId: 'cpc-founding-1921', field: 'title.zh' }),
    ]);
  });

  it('refuses every curator request from an address neither this PC nor in CURATE_ALLOW', async () => {
    const origin = new URL(station.url).origin;
    const from = (remoteAddress: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      station.station.inject({
        method,
        url,
        remoteAddress,
        headers: { origin, host: new URL(station.url).host, cookie: adminCookie },
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    for (const address of ['203.0.113.9', '192.168.8.1', '::ffff:10.1.2.3']) {
      for (const [method, url, payload] of [
        ['GET', '/api/curate/me'],
        ['GET', '/api/curate/accounts'],
        ['POST', '/api/curate/login', { username: 'admin', password: ADMIN_PASSWORD }],
        ['POST', '/api/curate/setup', {}],
        ['GET', '/api/curate/no-such-route'],
        ['GET', '/api/%63urate/me'],
      ] as const) {
        const answer = await from(address, method, url, payload);
        expect(answer.statusCode, `${address} ${url}`).toBe(403);
        expect(answer.json(), `${address} ${url}`).toEqual({ ok: false, error: 'not-allowed' });
        expect(answer.headers['set-cookie']).toBeUndefined();
      }
      // The public pages' API is not the curator's.
      expect((await from(address, 'GET', '/api/live/status')).statusCode).toBe(200);
    }
    // An allowed address gets through (and needs a session like anyone).
    const allowed = await from('192.168.7.42', 'GET', '/api/curate/me');
    expect(allowed.statusCode).toBe(200);
    const login = await from('::ffff:192.168.7.43', 'POST', '/api/curate/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toContain('HttpOnly');
  });
});

describe('the login lockout', () => {
  let station: TestStation;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    station = await startStationInProcess({ adminPassword: ADMIN_PASSWORD, curateAllow: ['10.9.0.0/16'] });
    api = client(station.url);
  });
  afterAll(() => station.close());

  const loginFrom = (remoteAddress: string, username: string, password: string) =>
    station.station.inject({
      method: 'POST',
      url: '/api/curate/login',
      remoteAddress,
      headers: { origin: new URL(station.url).origin, host: new URL(station.url).host },
      payload: { username, password },
    });

  it('locks the address and the username after 5 wrong passwords, even for the right one', async () => {
    const errors: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      errors.push(String((await api.post('api/curate/login', { username: 'admin', password: `guess ${attempt}` })).json.error));
    }
    expect(errors).toEqual(['wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'locked']);
    const right = await api.post('api/curate/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(right).toMatchObject({ status: 429, json: { ok: false, error: 'locked' }, setCookie: null });
    // The username stays locked from another address; the address stays locked for another username.
    const elsewhere = await loginFrom('10.9.0.5', 'admin', ADMIN_PASSWORD);
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.headers['set-cookie']).toBeUndefined();
    expect((await api.post('api/curate/login', { username: 'someone', password: 'whatever pw' })).json.error).toBe('locked');
  });

  it('counts per address, so one address’s guesses lock another username only there', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await loginFrom('10.9.1.1', `ghost${attempt}`, 'wrong password');
    expect((await loginFrom('10.9.1.1', 'ghost-next', 'wrong password')).json()).toEqual({ ok: false, error: 'locked' });
    expect((await loginFrom('10.9.1.2', 'ghost-next', 'wrong password')).json()).toEqual({
      ok: false,
      error: 'wrong-credentials',
    });
  });
});

describe('a station started without STATION_ADMIN_PASSWORD', () => {
  let station: TestStation;
  let api: ReturnType<typeof client>;
  const logged: string[] = [];

  beforeAll(async () => {
    station = await startStationInProcess({ log: (message) => logged.push(message), publicUrl: 'http://127.0.0.1:1/' });
    api = client(station.url);
  });
  afterAll(async () => {
    await station.close();
    await rm(station.dataDir, { recursive: true, force: true });
  });

  it('prints a one-time setup link that creates the first 审核 once', async () => {
    const line = logged.find((message) => message.includes('setup='));
    expect(line).toMatch(/no 审核 account yet/);
    const link = line?.match(/http\S+/)?.[0] ?? '';
    expect(link).toBe(station.station.setupLink);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:1\/\?mode=curate&setup=[A-Za-z0-9_-]{43}$/);
    const token = tokenOfLink(link);

    // Nobody can log in yet; the link says what it is for.
    expect((await api.post('api/curate/login', { username: 'admin', password: 'anything at all' })).status).toBe(401);
    expect((await api.post('api/curate/setup/check', { token })).json).toEqual({
      ok: true,
      purpose: 'first-reviewer',
      username: null,
    });
    const weak = await api.post('api/curate/setup', { token, username: 'keeper', password: 'keeper' });
    expect(weak).toMatchObject({ status: 400, json: { error: 'weak-password' } });
    const noOrigin = await api.post(
      'api/curate/setup',
      { token, username: 'keeper', password: 'keeper password' },
      { origin: null },
    );
    expect(noOrigin.status).toBe(403);

    const setUp = await api.post('api/curate/setup', {
      token,
      username: 'keeper',
      password: 'keeper password',
      displayName: '馆员',
    });
    expect(setUp.status).toBe(201);
    expect(setUp.json).toMatchObject({ ok: true, account: { username: 'keeper', displayName: '馆员', role: 'reviewer' } });
    const cookie = (setUp.setCookie ?? '').split(';')[0] as string;
    expect(setUp.setCookie).toContain('SameSite=Strict');
    expect((await api.get('api/curate/me', cookie)).status).toBe(200);

    const again = await api.post('api/curate/setup', { token, username: 'second', password: 'second password' });
    expect(again).toMatchObject({ status: 401, json: { ok: false, error: 'bad-setup-token' }, setCookie: null });
    expect((await api.post('api/curate/setup/check', { token })).status).toBe(401);
    expect((await api.post('api/curate/setup', { token: 'A'.repeat(43), username: 'x1', password: 'password x1' })).status).toBe(
      401,
    );
    await api.login('keeper', 'keeper password');
  });

  it('prints no link on the next start, once a 审核 exists', async () => {
    const restartLog: string[] = [];
    await station.station.close();
    const again = await startStationInProcess({ dataDir: station.dataDir, log: (message) => restartLog.push(message) });
    try {
      expect(again.station.setupLink).toBeNull();
      expect(restartLog.join('\n')).not.toContain('setup=');
      await client(again.url).login('keeper', 'keeper password');
    } finally {
      await again.close();
    }
    station = await startStationInProcess({ dataDir: station.dataDir });
    api = client(station.url);
  });

  it('has `npm run curate:reset` print a link that sets the 审核’s password again', async () => {
    const oldSession = await api.login('keeper', 'keeper password');
    const { code, stdout, stderr } = await runReset(station.dataDir, [], { PUBLIC_URL: station.url });
    expect(code, stderr).toBe(0);
    const link = stdout.match(/^CURATE_SETUP_LINK (\S+)$/m)?.[1] ?? '';
    expect(link.startsWith(`${station.url}?mode=curate&setup=`)).toBe(true);
    expect(stdout).toContain('"keeper"');
    const token = tokenOfLink(link);

    expect((await api.post('api/curate/setup/check', { token })).json).toEqual({
      ok: true,
      purpose: 'reset',
      username: 'keeper',
    });
    // A reset link is for its own account only.
    const other = await api.post('api/curate/setup', { token, username: 'someone-else', password: 'fresh password' });
    expect(other).toMatchObject({ status: 401, json: { error: 'bad-setup-token' } });
    const reset = await api.post('api/curate/setup', { token, username: 'Keeper', password: 'fresh password' });
    expect(reset.status).toBe(201);
    expect(reset.setCookie).toMatch(/^dangshi_curator=/);

    expect((await api.get('api/curate/me', oldSession)).status).toBe(401);
    expect((await api.post('api/curate/login', { username: 'keeper', password: 'keeper password' })).status).toBe(401);
    const cookie = await api.login('keeper', 'fresh password');
    expect((await api.post('api/curate/setup', { token, username: 'keeper', password: 'third password' })).status).toBe(401);
    const { entries } = (await api.get('api/curate/audit', cookie)).json as unknown as AuditPage;
    expect(entries.map((entry) => `${entry.username ?? 'station'}:${entry.action}`)).toEqual(
      expect.arrayContaining(['station:reset-command', 'keeper:setup-reset', 'keeper:setup']),
    );
  });

  it('has the reset command ask which 审核 when there are several, and take a name', async () => {
    const cookie = await api.login('keeper', 'fresh password');
    await api.post('api/curate/accounts', { username: 'second', role: 'reviewer', password: 'second password' }, { cookie });
    const ask = await runReset(station.dataDir, []);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('keeper, second');
    expect((await runReset(station.dataDir, ['nobody'])).code).toBe(2);
    const named = await runReset(station.dataDir, ['second']);
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/^CURATE_SETUP_LINK http:\/\/127\.0\.0\.1:8080\/\?mode=curate&setup=/m);
  });
});

describe('an empty station’s reset command', () => {
  it('prints a link that creates the first 审核', async () => {
    const station = await startStationInProcess({ adminPassword: null });
    try {
      const { code, stdout } = await runReset(station.dataDir, [], { PUBLIC_URL: station.url });
      expect(code).toBe(0);
      expect(stdout).toMatch(/no 审核 account yet/);
      const token = tokenOfLink(stdout.match(/^CURATE_SETUP_LINK (\S+)$/m)?.[1] ?? '');
      const api = client(station.url);
      expect((await api.post('api/curate/setup', { token, username: 'first', password: 'first password' })).status).toBe(201);
      // The first start's link died with it (only the newest link of a kind works anyway).
      expect(station.station.setupLink).not.toBeNull();
      const startLink = tokenOfLink(station.station.setupLink ?? '');
      expect((await api.post('api/curate/setup/check', { token: startLink })).status).toBe(401);
    } finally {
      await station.close();
    }
  });
});

describe('sessions over time', () => {
  it('slide: 12 hours after the last use, not after the login', async () => {
    let now = Date.UTC(2025, 0, 1);
    const db = openDatabase(':memory:');
    const service = new CuratorService({
      repository: createAccountRepository(db),
      clock: () => now,
      passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    });
    await service.bootstrap({ username: 'admin', password: 'a fine password' });
    const login = await service.login({ username: 'admin', password: 'a fine password' }, '127.0.0.1');
    if (!login.ok) throw new Error(login.error);
    const { token } = login.grant;
    const hour = 60 * 60_000;

    now += 11 * hour;
    const used = service.authenticate(token, 'reviewer');
    expect(used.ok && used.renewal?.maxAgeSeconds).toBe(12 * 60 * 60);
    now += 11 * hour;
    expect(service.authenticate(token, 'editor').ok).toBe(true);
    now += 12 * hour;
    expect(service.authenticate(token, 'editor')).toEqual({ ok: false, error: 'unauthorized' });
    // Gone for good, not just refused this once.
    expect(db.prepare('SELECT COUNT(*) AS n FROM curator_sessions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('unlock after the lockout time', async () => {
    let now = Date.UTC(2025, 0, 1);
    const db = openDatabase(':memory:');
    const service = new CuratorService({
      repository: createAccountRepository(db),
      clock: () => now,
      passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    });
    await service.bootstrap({ username: 'admin', password: 'a fine password' });
    for (let attempt = 0; attempt < 5; attempt++) await service.login({ username: 'admin', password: 'wrong one' }, '10.0.0.1');
    expect(await service.login({ username: 'admin', password: 'a fine password' }, '10.0.0.1')).toEqual({
      ok: false,
      error: 'locked',
    });
    now += 15 * 60_000 + 1;
    expect((await service.login({ username: 'admin', password: 'a fine password' }, '10.0.0.1')).ok).toBe(true);
    db.close();
  });
});

/** `npm run curate:reset` as the station PC would run it: a child process over DATA_DIR. */
function runReset(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...env };
  delete childEnv.VITEST;
  if (!env.PUBLIC_URL) delete childEnv.PUBLIC_URL;
  delete childEnv.PORT;
  delete childEnv.STATION_ADMIN_PASSWORD;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/resetReviewer.ts', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}
