/**
 * The HTTP side of the station: the live API, the join redirects and the QR images. Each route
 * hands the raw body or parameter to the command layer and turns its answer into a status code;
 * no rule lives here. The protocol is described in src/live/protocol.ts.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import {
  followerPagePath,
  LIVE_PROTOCOL_VERSION,
  type LiveErrorCode,
  type LiveStatus,
  type Refusal,
} from '../../live/protocol.ts';
import type { LessonRouter } from '../commands/lessonRouter.ts';
import { shareLink } from '../commands/shareLinks.ts';
import type { SiteBuilds } from '../site/builds.ts';
import { CACHE_NONE, clientAddress } from './headers.ts';
import { qrSvg } from './qr.ts';

const STATUS: Partial<Record<LiveErrorCode, number>> = {
  'bad-request': 400,
  'bad-code': 400,
  'bad-path': 400,
  'bad-origin': 403,
  'no-contest': 404,
  'wrong-pin': 401,
  unauthorized: 401,
  'not-found': 404,
  'unknown-tour': 404,
  'unknown-code': 404,
  'session-ended': 410,
  'payload-too-large': 413,
  locked: 429,
  'rate-limited': 429,
  'too-many-sessions': 503,
  'no-build': 503,
  'pin-not-configured': 503,
  'server-error': 500,
};

function refuse(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply
    .code(STATUS[refusal.error] ?? 400)
    .header('cache-control', CACHE_NONE)
    .send({ ok: false, error: refusal.error });
}

export interface HttpRouteDeps {
  /** The live lessons, wherever each is held (issue 19). */
  lessons: LessonRouter;
  builds: SiteBuilds;
  publicUrl: () => string;
}

/** Whether a request's `Origin` (if it sent one) is the station itself: a page of another site may not post here. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function registerHttpRoutes(app: FastifyInstance, { lessons: live, builds, publicUrl }: HttpRouteDeps): void {
  // Browsers send Origin on every POST; a visitor's browser on some other site's page is not the station's presenter.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    if (!sameOrigin(request.headers.origin, request.headers.host)) return refuse(reply, { ok: false, error: 'bad-origin' });
  });

  app.post('/api/live/results', async (request, reply) => {
    const result = await live.pastResults(request.body, clientAddress(request.ip));
    if (!result.ok) return refuse(reply, result);
    return reply.header('cache-control', CACHE_NONE).send(result);
  });

  app.post<{ Params: { sessionId: string } }>('/api/live/sessions/:sessionId/results', async (request, reply) => {
    const result = await live.lessonResults(request.params.sessionId, request.body, clientAddress(request.ip));
    if (!result.ok) return refuse(reply, result);
    return reply.header('cache-control', CACHE_NONE).send(result);
  });

  app.post<{ Params: { sessionId: string } }>('/api/live/sessions/:sessionId/results.csv', async (request, reply) => {
    const result = await live.resultsCsv(request.params.sessionId, request.body, clientAddress(request.ip));
    if (!result.ok) return refuse(reply, result);
    return reply
      .header('cache-control', CACHE_NONE)
      .header('content-disposition', `attachment; filename="${result.filename}"`)
      .type('text/csv; charset=utf-8')
      .send(result.csv);
  });

  app.get('/api/live/status', async (_request, reply) => {
    const status: LiveStatus = {
      ok: true,
      protocol: LIVE_PROTOCOL_VERSION,
      publicUrl: publicUrl(),
      build: { stamp: builds.current?.stamp ?? null, building: builds.building },
      presenterPinSet: live.presenterPinSet,
    };
    return reply.header('cache-control', CACHE_NONE).send(status);
  });

  app.post('/api/live/sessions', async (request, reply) => {
    const result = await live.createSession(request.body, clientAddress(request.ip));
    if (!result.ok) return refuse(reply, result);
    return reply.code(201).header('cache-control', CACHE_NONE).send(result);
  });

  app.get<{ Params: { sessionId: string } }>('/api/live/sessions/:sessionId/qr.svg', async (request, reply) => {
    const result = await live.joinUrlOf(request.params.sessionId);
    if (!result.ok) return refuse(reply, result);
    return reply.header('cache-control', CACHE_NONE).type('image/svg+xml').send(qrSvg(result.joinUrl));
  });

  app.get('/api/live/qr.svg', async (request, reply) => {
    const result = shareLink(request.query, publicUrl());
    if (!result.ok) return refuse(reply, result);
    return reply.header('cache-control', CACHE_NONE).type('image/svg+xml').send(qrSvg(result.url));
  });

  // The follower page is the site's root page: its asset paths are relative, so it must never be
  // served from under /join/. Relative redirects keep working behind a proxy that adds a prefix.
  const toFollower = (reply: FastifyReply, location: string) => reply.header('cache-control', CACHE_NONE).redirect(location, 302);
  app.get('/join', async (_request, reply) => toFollower(reply, `.${followerPagePath(null)}`));
  app.get('/join/', async (_request, reply) => toFollower(reply, `..${followerPagePath(null)}`));
  app.get<{ Params: { code: string } }>('/join/:code', async (request, reply) => {
    const result = await live.lookUpCode(request.params.code, clientAddress(request.ip));
    return toFollower(reply, `..${result.ok ? followerPagePath(result.code) : followerPagePath(null, result.error)}`);
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) return refuse(reply, { ok: false, error: 'not-found' });
    return reply.code(404).header('cache-control', CACHE_NONE).type('text/plain; charset=utf-8').send('not found');
  });

  // Fastify's own refusals (body too large, not JSON, malformed JSON) in the API's words.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const code: LiveErrorCode = status === 413 ? 'payload-too-large' : status >= 500 ? 'server-error' : 'bad-request';
    if (status >= 500) request.log.error(error);
    if (request.url.startsWith('/api/')) return refuse(reply, { ok: false, error: code }).code(status);
    return reply
      .code(status)
      .header('cache-control', CACHE_NONE)
      .type('text/plain; charset=utf-8')
      .send(status >= 500 ? 'server error' : 'bad request');
  });
}
