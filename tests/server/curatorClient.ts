/**
 * The curator's API as server tests call it: logins kept by username (the session cookie only),
 * and JSON requests sent as that account with the station's own Origin, or as nobody, or with
 * headers of the test's own (another site's Origin).
 */
type Json = Record<string, unknown>;

export interface CuratorClient {
  /** The session cookie of each account logged in, by username. */
  cookies: Record<string, string>;
  login(username: string, password: string): Promise<void>;
  /** Accounts made by `by` (a reviewer), each logged in with the password "<username> password". */
  addAccounts(by: string, accounts: ReadonlyArray<readonly [username: string, role: 'editor' | 'reviewer']>): Promise<void>;
  /** A request as `who` (null: no session); the answer's JSON, or {} when it is none. */
  api(
    who: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Json }>;
}

/** `baseUrl` is read at each request: the station starts after the client is made. */
export function curatorClient(baseUrl: () => string): CuratorClient {
  const cookies: Record<string, string> = {};
  const origin = () => new URL(baseUrl()).origin;
  const client: CuratorClient = {
    cookies,
    async addAccounts(by, accounts) {
      for (const [username, role] of accounts) {
        const created = await client.api(by, 'POST', 'api/curate/accounts', { username, role, password: `${username} password` });
        if (created.status !== 201) throw new Error(`making ${username}: ${created.status} ${JSON.stringify(created.json)}`);
        await client.login(username, `${username} password`);
      }
    },
    async login(username, password) {
      const response = await fetch(new URL('api/curate/login', baseUrl()), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: origin() },
        body: JSON.stringify({ username, password }),
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
      cookies[username] = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    },
    async api(who, method, path, body, headers = {}) {
      const response = await fetch(new URL(path, baseUrl()), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(who ? { cookie: cookies[who] as string } : {}),
          ...(method === 'GET' ? {} : { origin: origin() }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
    },
  };
  return client;
}
