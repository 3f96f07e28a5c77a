/**
 * The curator's HTTP side (`/api/curate/*`, described in src/live/curateProtocol.ts): who may
 * reach it at all (the station PC and CURATE_ALLOW), the session cookie, and each route handing
 * its body to the command layer (commands/curatorService.ts) and its answer back as a status code.
 *
 * Other curator routes (the drafts API) take the gate this returns and start with
 * `const who = gate.requireRole(request, reply, 'editor'); if (!who.ok) return refuseCurate(reply, who);`.
 * Put them under `/api/curate/` and the address and Origin checks here cover them too.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
  CURATOR_COOKIE,
  type CurateErrorCode,
  type CurateRefusal,
  type CurateRole,
  logoutBodySchema,
} from '../../live/curateProtocol.ts';
import type { AuthenticatedCurator, CurateResult, CuratorService, SessionGrant } from '../commands/curatorService.ts';
import { isLoopback } from '../config.ts';
import { CACHE_NONE, clientAddress } from './headers.ts';

export const CURATE_PREFIX = '/api/curate';

const STATUS: Record<CurateErrorCode, number> = {
  'bad-request': 400,
  'bad-origin': 403,
  'not-allowed': 403,
  unauthorized: 401,
  forbidden: 403,
  'wrong-credentials': 401,
  locked: 429,
  'rate-limited': 429,
  'account-disabled': 403,
  'weak-password': 400,
  'username-taken': 409,
  'last-reviewer': 409,
  'bad-setup-token': 401,
  'not-found': 404,
  'payload-too-large': 413,
  'server-error': 500,
};

/** Curator bodies are a few short fields. */
const CURATE_BODY_LIMIT_BYTES = 4 * 1024;
const WRITE: RouteShorthandOptions = { bodyLimit: CURATE_BODY_LIMIT_BYTES };

export function refuseCurate(reply: FastifyReply, refusal: CurateRefusal): FastifyReply {
  return reply.code(STATUS[refusal.error]).header('cache-control', CACHE_NONE).send({ ok: false, error: refusal.error });
}

/**
 * The request's account when its session has the role; else the refusal is sent and null
 * returned (`const account = accountFor(gate, request, reply, 'editor'); if (!account) return reply;`).
 */
export function accountFor(gate: CuratorGate, request: FastifyRequest, reply: FastifyReply, role: CurateRole) {
  const who = gate.requireRole(request, reply, role);
  if (!who.ok) {
    refuseCurate(reply, who);
    return null;
  }
  return who.account;
}

/** The session token in a Cookie header, if it carries one of the right shape. */
export function curatorToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== CURATOR_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), the whole site's path. No `Secure`: the station serves plain HTTP on its own network, where
 * a Secure cookie would never be sent back (README: "Adding HTTPS").
 */
export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${CURATOR_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Strict`;
}

export const CLEARED_COOKIE = `${CURATOR_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`;

/** The curator's draft built as the site, for its staff only (previewRoutes.ts): the same address rule as the API. */
const PREVIEW_PATH_PREFIX = '/preview';

/**
 * Whether a request is for the curator (its API, or the preview of its draft), by its route
 * (percent-escapes and all) or, for a 404, by its path.
 */
export function isCurateRequest(request: FastifyRequest): boolean {
  const under = (path: string | undefined) =>
    [CURATE_PREFIX, PREVIEW_PATH_PREFIX].some((prefix) => path === prefix || path?.startsWith(`${prefix}/`) === true);
  return under(request.routeOptions.url) || under(request.url.split('?')[0]);
}

/**
 * The station PC itself: a loopback connection, or one to the PC's own LAN address from that same
 * address (the PC opening its PUBLIC_URL), which no other machine can make.
 */
export function fromStationItself(remoteAddress: string | undefined, localAddress: string | undefined): boolean {
  if (!remoteAddress) return false;
  const remote = clientAddress(remoteAddress);
  return isLoopback(remote) || (localAddress !== undefined && remote === clientAddress(localAddress));
}

export interface CuratorGate {
  /**
   * The request's curator if its session cookie is live and its account has (at least) `role`:
   * otherwise `unauthorized` (no valid session) or `forbidden` (the wrong role), for
   * {@link refuseCurate}. Renews the cookie on the reply when the session's expiry moved on.
   */
  requireRole(request: FastifyRequest, reply: FastifyReply, role: CurateRole): CurateResult<AuthenticatedCurator>;
  /** The service, for the audit log: `gate.curator.record(who.account.id, action, { panelId, field, detail })`. */
  curator: CuratorService;
}

export interface CurateRouteDeps {
  curator: CuratorService;
  /** Whether an address (besides the station PC itself) may use the curator: CURATE_ALLOW. */
  allowed: (address: string) => boolean;
}

export function registerCurateRoutes(app: FastifyInstance, { curator, allowed }: CurateRouteDeps): CuratorGate {
  // Before the station-wide Origin check: an address that may not use the curator learns nothing more.
  app.addHook('onRequest', async (request, reply) => {
    if (!isCurateRequest(request)) return;
    reply.header('cache-control', CACHE_NONE);
    const address = clientAddress(request.ip);
    if (!fromStationItself(request.ip, request.socket.localAddress) && !allowed(address)) {
      return refuseCurate(reply, { ok: false, error: 'not-allowed' });
    }
    // The station-wide hook refuses another site's Origin; a curator write must also carry one.
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.headers.origin) {
      return refuseCurate(reply, { ok: false, error: 'bad-origin' });
    }
  });

  const grantSession = (reply: FastifyReply, grant: SessionGrant) =>
    reply.header('set-cookie', sessionCookie(grant.token, grant.maxAgeSeconds));

  const gate: CuratorGate = {
    curator,
    requireRole: (request, reply, role) => {
      const result = curator.authenticate(curatorToken(request.headers.cookie), role);
      if (result.ok && result.renewal) grantSession(reply, result.renewal);
      return result;
    },
  };

  const send = (reply: FastifyReply, answer: object, status = 200) =>
    reply.code(status).header('cache-control', CACHE_NONE).send(answer);
  const addressOf = (request: FastifyRequest) => clientAddress(request.ip);

  app.post(`${CURATE_PREFIX}/login`, WRITE, async (request, reply) => {
    const result = await curator.login(request.body, addressOf(request));
    if (!result.ok) return refuseCurate(reply, result);
    return send(grantSession(reply, result.grant), result.session);
  });

  app.post(`${CURATE_PREFIX}/logout`, WRITE, async (request, reply) => {
    if (!logoutBodySchema.safeParse(request.body ?? {}).success) return refuseCurate(reply, { ok: false, error: 'bad-request' });
    return send(reply.header('set-cookie', CLEARED_COOKIE), curator.logout(curatorToken(request.headers.cookie)));
  });

  app.get(`${CURATE_PREFIX}/me`, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    return send(reply, curator.me(who));
  });

  app.post(`${CURATE_PREFIX}/password`, WRITE, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    const result = await curator.changeOwnPassword(who, request.body, addressOf(request));
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.get(`${CURATE_PREFIX}/accounts`, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'reviewer');
    if (!who.ok) return refuseCurate(reply, who);
    const result = curator.listAccounts(who);
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.post(`${CURATE_PREFIX}/accounts`, WRITE, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'reviewer');
    if (!who.ok) return refuseCurate(reply, who);
    const result = await curator.createAccount(who, request.body);
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result, 201);
  });

  app.post<{ Params: { id: string } }>(`${CURATE_PREFIX}/accounts/:id/password`, WRITE, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'reviewer');
    if (!who.ok) return refuseCurate(reply, who);
    const result = await curator.resetPassword(who, request.params.id, request.body);
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.post<{ Params: { id: string } }>(`${CURATE_PREFIX}/accounts/:id/disable`, WRITE, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'reviewer');
    if (!who.ok) return refuseCurate(reply, who);
    const result = curator.setDisabled(who, request.params.id, request.body);
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.get(`${CURATE_PREFIX}/audit`, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'reviewer');
    if (!who.ok) return refuseCurate(reply, who);
    const result = curator.auditLog(who, request.query);
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.post(`${CURATE_PREFIX}/setup/check`, WRITE, async (request, reply) => {
    const result = curator.checkSetup(request.body, addressOf(request));
    if (!result.ok) return refuseCurate(reply, result);
    return send(reply, result);
  });

  app.post(`${CURATE_PREFIX}/setup`, WRITE, async (request, reply) => {
    const result = await curator.completeSetup(request.body, addressOf(request));
    if (!result.ok) return refuseCurate(reply, result);
    return send(grantSession(reply, result.grant), result.session, 201);
  });

  return gate;
}
