/**
 * The curator page's client (src/modes/curate/curateClient.ts) against a stubbed station: each
 * endpoint's request (method, relative URL, JSON body, same-origin credentials), refusals mapped
 * to the protocol's codes (a proxy's HTML page a server error, no answer `offline`), where the
 * page stands after starting, logging in and losing its session, and a setup link's token taken
 * out of the address.
 */
import { describe, expect, it, vi } from 'vitest';
import { createCurateApi, createCurateClient, takeSetupToken } from '../../src/modes/curate/curateClient.ts';
import { curateStation, EDITOR_ID, RESET_TOKEN, REVIEWER_ID, SETUP_TOKEN } from '../support/curateStation.ts';

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the curator API’s requests', () => {
  it('sends each endpoint’s method, relative URL and JSON body, with the same-origin cookie', async () => {
    const station = curateStation({
      loggedInAs: 'lihua',
      setupLinks: { [SETUP_TOKEN]: { ok: true, purpose: 'first-reviewer', username: null } },
    });
    const api = createCurateApi({ fetch: station.fetch });
    await api.login('lihua', 'reviewer-pass');
    await api.me();
    await api.changePassword('reviewer-pass', 'a-new-passphrase');
    await api.listAccounts();
    await api.createAccount({ username: 'zhaolei', role: 'editor', password: 'initial-pass', displayName: '赵磊' });
    await api.resetPassword(EDITOR_ID, 'another-pass');
    await api.setDisabled(EDITOR_ID, true);
    await api.audit();
    await api.audit({ before: 120, limit: 50, panelId: 'founding-1921' });
    await api.checkSetup(SETUP_TOKEN);
    await api.completeSetup({ token: SETUP_TOKEN, username: 'chenjing', password: 'first-reviewer-pass' });
    await api.logout();
    expect(station.requests()).toEqual([
      {
        method: 'POST',
        url: 'api/curate/login',
        body: { username: 'lihua', password: 'reviewer-pass' },
        credentials: 'same-origin',
      },
      { method: 'GET', url: 'api/curate/me', body: undefined, credentials: 'same-origin' },
      {
        method: 'POST',
        url: 'api/curate/password',
        body: { currentPassword: 'reviewer-pass', newPassword: 'a-new-passphrase' },
        credentials: 'same-origin',
      },
      { method: 'GET', url: 'api/curate/accounts', body: undefined, credentials: 'same-origin' },
      {
        method: 'POST',
        url: 'api/curate/accounts',
        body: { username: 'zhaolei', role: 'editor', password: 'initial-pass', displayName: '赵磊' },
        credentials: 'same-origin',
      },
      {
        method: 'POST',
        url: `api/curate/accounts/${EDITOR_ID}/password`,
        body: { password: 'another-pass' },
        credentials: 'same-origin',
      },
      { method: 'POST', url: `api/curate/accounts/${EDITOR_ID}/disable`, body: { disabled: true }, credentials: 'same-origin' },
      { method: 'GET', url: 'api/curate/audit', body: undefined, credentials: 'same-origin' },
      {
        method: 'GET',
        url: 'api/curate/audit?before=120&limit=50&panelId=founding-1921',
        body: undefined,
        credentials: 'same-origin',
      },
      { method: 'POST', url: 'api/curate/setup/check', body: { token: SETUP_TOKEN }, credentials: 'same-origin' },
      {
        method: 'POST',
        url: 'api/curate/setup',
        body: { token: SETUP_TOKEN, username: 'chenjing', password: 'first-reviewer-pass' },
        credentials: 'same-origin',
      },
      { method: 'POST', url: 'api/curate/logout', body: {}, credentials: 'same-origin' },
    ]);
    // Writes say they send JSON; nothing is cached.
    const [, loginInit] = station.fetch.mock.calls.find(([url]) => url === 'api/curate/login') ?? [];
    expect(loginInit?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(station.fetch.mock.calls.every(([url, init]) => url === './' || init?.cache === 'no-store')).toBe(true);
  });

  it('answers in the protocol’s types, and maps refusals to their codes', async () => {
    const station = curateStation();
    const api = createCurateApi({ fetch: station.fetch });
    expect(await api.login('lihua', 'nope')).toEqual({ ok: false, error: 'wrong-credentials' });
    const session = await api.login('LiHua', 'reviewer-pass');
    expect(session).toMatchObject({ ok: true, account: { id: REVIEWER_ID, role: 'reviewer', displayName: '李华' } });
    expect(await api.createAccount({ username: 'WANGFANG', role: 'editor', password: 'initial-pass' })).toEqual({
      ok: false,
      error: 'username-taken',
    });
    expect(await api.setDisabled(REVIEWER_ID, true)).toEqual({ ok: false, error: 'forbidden' });
  });

  it('takes a proxy’s HTML error page as a server error, no answer at all as offline', async () => {
    const html = createCurateApi({
      fetch: vi.fn(async () => new Response('<html>502 Bad Gateway</html>', { status: 502 })),
    });
    expect(await html.me()).toEqual({ ok: false, error: 'server-error' });
    const notTheApi = createCurateApi({ fetch: vi.fn(async () => new Response('<html>ok</html>', { status: 200 })) });
    expect(await notTheApi.listAccounts()).toEqual({ ok: false, error: 'server-error' });
    const offline = createCurateApi({
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    expect(await offline.login('lihua', 'reviewer-pass')).toEqual({ ok: false, error: 'offline' });
  });

  it('tells of every unauthorized answer (the session ended under the page)', async () => {
    const onUnauthorized = vi.fn();
    const api = createCurateApi({ fetch: curateStation().fetch }, { onUnauthorized });
    expect(await api.listAccounts()).toEqual({ ok: false, error: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('where the curator page stands', () => {
  it('on a static host: not the station, and nothing asked of `api/`', async () => {
    const station = curateStation({ servedByStation: false });
    const client = createCurateClient({ win: { fetch: station.fetch }, setupToken: null });
    expect(client.store.getState().phase).toBe('checking');
    await client.start();
    expect(client.store.getState().phase).toBe('not-station');
    expect(station.requests()).toEqual([]);
  });

  it('without a session: the login, with no error; with one: ready', async () => {
    const anonymous = createCurateClient({ win: { fetch: curateStation().fetch }, setupToken: null });
    await anonymous.start();
    expect(anonymous.store.getState()).toMatchObject({ phase: 'login', error: null, session: null });
    const returning = createCurateClient({ win: { fetch: curateStation({ loggedInAs: 'wangfang' }).fetch }, setupToken: null });
    await returning.start();
    expect(returning.store.getState()).toMatchObject({ phase: 'ready', session: { account: { id: EDITOR_ID } } });
  });

  it('a device the station does not let in: the login says so before anyone types', async () => {
    const client = createCurateClient({ win: { fetch: curateStation({ notAllowed: true }).fetch }, setupToken: null });
    await client.start();
    expect(client.store.getState()).toMatchObject({ phase: 'login', error: 'not-allowed' });
  });

  it('logs in, keeps no password, and a refused login leaves no session', async () => {
    const client = createCurateClient({ win: { fetch: curateStation({ locked: ['wangfang'] }).fetch }, setupToken: null });
    await client.start();
    await client.login('lihua', 'wrong-pass');
    expect(client.store.getState()).toMatchObject({ phase: 'login', error: 'wrong-credentials', session: null, busy: false });
    await client.login('wangfang', 'editor-pass');
    expect(client.store.getState()).toMatchObject({ phase: 'login', error: 'locked', session: null });
    await client.login('lihua', 'reviewer-pass');
    const state = client.store.getState();
    expect(state).toMatchObject({ phase: 'ready', error: null, session: { account: { username: 'lihua' } } });
    expect(JSON.stringify(state)).not.toContain('reviewer-pass');
  });

  it('goes back to the login when the session ends under it, and on logout', async () => {
    const station = curateStation({ loggedInAs: 'lihua' });
    const client = createCurateClient({ win: { fetch: station.fetch }, setupToken: null });
    await client.start();
    expect(client.store.getState().phase).toBe('ready');
    station.state.sessionAccountId = null; // expired, or reset by another reviewer
    await client.api.listAccounts();
    expect(client.store.getState()).toMatchObject({ phase: 'login', session: null, error: 'unauthorized' });

    await client.login('lihua', 'reviewer-pass');
    await client.logout();
    expect(client.store.getState()).toMatchObject({ phase: 'login', session: null, error: null });
    expect(station.state.sessionAccountId).toBeNull();
  });

  it('a setup link: checked, then used, and the page is logged in', async () => {
    const station = curateStation({
      empty: true,
      setupLinks: { [SETUP_TOKEN]: { ok: true, purpose: 'first-reviewer', username: null } },
    });
    const client = createCurateClient({ win: { fetch: station.fetch }, setupToken: SETUP_TOKEN });
    await client.start();
    expect(client.store.getState()).toMatchObject({ phase: 'setup', setup: { purpose: 'first-reviewer' }, error: null });
    await client.completeSetup({ username: 'lihua', password: 'first-pass-1' });
    expect(client.store.getState()).toMatchObject({
      phase: 'ready',
      session: { account: { username: 'lihua', role: 'reviewer' } },
    });
  });

  it('a used or cut-short setup link is refused (the short one without asking the station)', async () => {
    const used = createCurateClient({ win: { fetch: curateStation().fetch }, setupToken: RESET_TOKEN });
    await used.start();
    expect(used.store.getState()).toMatchObject({ phase: 'setup', setup: null, error: 'bad-setup-token' });
    const station = curateStation();
    const cut = createCurateClient({ win: { fetch: station.fetch }, setupToken: SETUP_TOKEN.slice(0, 20) });
    await cut.start();
    expect(cut.store.getState()).toMatchObject({ phase: 'setup', error: 'bad-setup-token' });
    expect(station.requests()).toEqual([]);
    cut.showLogin();
    expect(cut.store.getState()).toMatchObject({ phase: 'login', error: null });
  });

  it('changes nothing once disposed', async () => {
    const client = createCurateClient({ win: { fetch: curateStation().fetch }, setupToken: null });
    const starting = client.start();
    client.dispose();
    await starting;
    await settle();
    expect(client.store.getState().phase).toBe('checking');
  });
});

describe('takeSetupToken', () => {
  function fakeWindow(href: string) {
    const replaced: string[] = [];
    const win = {
      location: { href } as Location,
      history: {
        state: null,
        replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
          replaced.push(String(url));
        },
      } as History,
    };
    return { win, replaced };
  }

  it('reads the token and takes it out of the address, keeping the mode and the hash', () => {
    const { win, replaced } = fakeWindow(`http://192.168.1.20:8080/?mode=curate&setup=${SETUP_TOKEN}#top`);
    expect(takeSetupToken(win)).toBe(SETUP_TOKEN);
    expect(replaced).toEqual(['/?mode=curate#top']);
  });

  it('leaves an address without one alone', () => {
    const { win, replaced } = fakeWindow('http://192.168.1.20:8080/?mode=curate');
    expect(takeSetupToken(win)).toBeNull();
    expect(replaced).toEqual([]);
  });
});
