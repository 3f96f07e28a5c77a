/**
 * 先审后发 over HTTP (src/live/curateReviewProtocol.ts lists the routes): submitting (editor),
 * reviewing and restoring (reviewer), the publish job's progress and the history (editor). Every
 * route sits under /api/curate/, so the curator's address and Origin checks (curateRoutes.ts)
 * come first; every body is checked with the protocol's zod schemas.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { CurateRole } from '../../live/curateProtocol.ts';
import {
  type ReviewErrorCode,
  restoreVersionBodySchema,
  returnBodySchema,
  reviewBodySchema,
  SUBMISSION_ID,
  submitBodySchema,
} from '../../live/curateReviewProtocol.ts';
import type { Publishing } from '../curate/publishing.ts';
import { accountFor, CURATE_PREFIX, type CuratorGate } from './curateRoutes.ts';
import { CACHE_NONE } from './headers.ts';

const JSON_WRITE: RouteShorthandOptions = { bodyLimit: 16 * 1024 };

const STATUS_OF: Record<ReviewErrorCode, number> = {
  'not-found': 404,
  'no-changes': 422,
  'has-errors': 422,
  'not-pending': 409,
  'own-submission': 403,
  busy: 409,
  'draft-has-changes': 409,
};

export function registerReviewRoutes(
  app: FastifyInstance,
  { gate, publishing }: { gate: CuratorGate; publishing: Publishing },
): void {
  const who = (request: FastifyRequest, reply: FastifyReply, role: CurateRole) => accountFor(gate, request, reply, role);
  const send = <T extends { ok: boolean }>(reply: FastifyReply, answer: T, okStatus = 200) =>
    reply
      .code(answer.ok ? okStatus : (STATUS_OF[(answer as { error?: ReviewErrorCode }).error as ReviewErrorCode] ?? 422))
      .header('cache-control', CACHE_NONE)
      .send(answer);
  const badRequest = (reply: FastifyReply) =>
    reply.code(400).header('cache-control', CACHE_NONE).send({ ok: false, error: 'bad-request' });
  const notFound = (reply: FastifyReply) => send(reply, { ok: false, error: 'not-found' });
  const versionNumberOf = (text: string) => (/^[1-9]\d{0,8}$/.test(text) ? Number(text) : null);
  const submissionIdOf = (request: FastifyRequest<{ Params: { id: string } }>) =>
    SUBMISSION_ID.test(request.params.id) ? request.params.id : null;

  app.post(`${CURATE_PREFIX}/submissions`, JSON_WRITE, async (request, reply) => {
    const account = who(request, reply, 'editor');
    if (!account) return reply;
    const body = submitBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    return send(reply, await publishing.submit(account.id, body.data.note), 201);
  });

  app.get(`${CURATE_PREFIX}/submissions`, async (request, reply) => {
    if (!who(request, reply, 'editor')) return reply;
    return send(reply, { ok: true, ...(await publishing.list()) });
  });

  app.get<{ Params: { id: string } }>(`${CURATE_PREFIX}/submissions/:id/changes`, async (request, reply) => {
    if (!who(request, reply, 'editor')) return reply;
    const id = submissionIdOf(request);
    if (!id) return notFound(reply);
    return send(reply, await publishing.changes(id));
  });

  const photo = async (reply: FastifyReply, query: { src?: unknown }, where: Parameters<Publishing['photo']>[0]) => {
    const src = typeof query.src === 'string' && query.src.length <= 300 ? query.src : null;
    if (!src) return badRequest(reply);
    const thumbnail = await publishing.photo(where, src);
    if (!thumbnail) return notFound(reply);
    return reply.code(200).header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=300').send(thumbnail);
  };
  app.get<{ Params: { id: string }; Querystring: { src?: unknown } }>(
    `${CURATE_PREFIX}/submissions/:id/photo`,
    async (request, reply) => {
      if (!who(request, reply, 'editor')) return reply;
      const id = submissionIdOf(request);
      if (!id) return notFound(reply);
      return photo(reply, request.query, { submissionId: id });
    },
  );
  app.get<{ Querystring: { src?: unknown } }>(`${CURATE_PREFIX}/published/photo`, async (request, reply) => {
    if (!who(request, reply, 'editor')) return reply;
    return photo(reply, request.query, 'published');
  });
  app.get<{ Params: { number: string }; Querystring: { src?: unknown } }>(
    `${CURATE_PREFIX}/versions/:number/photo`,
    async (request, reply) => {
      if (!who(request, reply, 'editor')) return reply;
      const number = versionNumberOf(request.params.number);
      if (number === null) return notFound(reply);
      return photo(reply, request.query, { version: number });
    },
  );

  app.post<{ Params: { id: string } }>(`${CURATE_PREFIX}/submissions/:id/approve`, JSON_WRITE, async (request, reply) => {
    const account = who(request, reply, 'reviewer');
    if (!account) return reply;
    const body = reviewBodySchema.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply);
    const id = submissionIdOf(request);
    if (!id) return notFound(reply);
    return send(reply, publishing.approve(id, account.id, body.data.comment || undefined), 202);
  });

  app.post<{ Params: { id: string } }>(`${CURATE_PREFIX}/submissions/:id/return`, JSON_WRITE, async (request, reply) => {
    const account = who(request, reply, 'reviewer');
    if (!account) return reply;
    const body = returnBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    const id = submissionIdOf(request);
    if (!id) return notFound(reply);
    return send(reply, publishing.returnSubmission(id, account.id, body.data.comment));
  });

  app.get(`${CURATE_PREFIX}/publish`, async (request, reply) => {
    if (!who(request, reply, 'editor')) return reply;
    return send(reply, await publishing.status());
  });

  app.get(`${CURATE_PREFIX}/versions`, async (request, reply) => {
    if (!who(request, reply, 'editor')) return reply;
    const versions = await publishing.versions();
    return send(reply, { ok: true, versions });
  });

  app.post<{ Params: { number: string } }>(`${CURATE_PREFIX}/versions/:number/restore`, JSON_WRITE, async (request, reply) => {
    const account = who(request, reply, 'reviewer');
    if (!account) return reply;
    const body = restoreVersionBodySchema.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply);
    const number = versionNumberOf(request.params.number);
    if (number === null) return notFound(reply);
    return send(reply, await publishing.restore(number, account.id, body.data.replaceDraft === true));
  });
}
