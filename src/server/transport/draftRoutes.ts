/**
 * The curator's draft over HTTP (src/live/curateDraftProtocol.ts documents every route): each
 * behind a curator's session (编辑 or 审核: `gate.requireRole`), under `/api/curate/`, so the address
 * and Origin checks of curateRoutes.ts cover them, every body checked by its zod schema, then
 * handed to the draft (src/server/curate/draft.ts), which checks the content itself.
 *
 * Photos come as the request's raw body (`image/*` or `application/octet-stream`, one file per
 * request, as a phone's browser sends a picked file with `fetch`): a declared length past the
 * limit is refused before a byte is read, and the stream itself is cut off at the limit.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
  addPanelBodySchema,
  addQuizBodySchema,
  addSectionBodySchema,
  addTourBodySchema,
  type DeleteAnswer,
  type DeleteDocumentAnswer,
  type MoveAnswer,
  type MoveDocumentAnswer,
  moveDocumentBodySchema,
  movePanelBodySchema,
  presenceBodySchema,
  restorePanelBodySchema,
  type UpdateAnswer,
  updateDocumentBodySchema,
  updatePanelBodySchema,
} from '../../live/curateDraftProtocol.ts';
import type { CurationDraft } from '../curate/draft.ts';
import { MAX_PHOTO_BYTES } from '../curate/photoUpload.ts';
import { CuratorPresence } from '../curate/presence.ts';
import { accountFor, CURATE_PREFIX, type CuratorGate } from './curateRoutes.ts';
import { CACHE_NONE } from './headers.ts';

/** A whole panel or document as JSON: a long 正文 is a few tens of KB; a quiz, a few hundred. */
const DRAFT_BODY_LIMIT_BYTES = 1024 * 1024;
const JSON_WRITE: RouteShorthandOptions = { bodyLimit: DRAFT_BODY_LIMIT_BYTES };

export interface DraftRouteDeps {
  gate: CuratorGate;
  draft: CurationDraft;
  presence?: CuratorPresence;
  maxPhotoBytes?: number;
}

type Answer = UpdateAnswer | MoveAnswer | DeleteAnswer | DeleteDocumentAnswer | MoveDocumentAnswer;

function statusOf(answer: Answer, created = false): number {
  if (answer.ok) return created ? 201 : 200;
  if (answer.error === 'conflict') return 409;
  if (answer.error === 'not-found') return 404;
  return 422;
}

const badRequest = (reply: FastifyReply) =>
  reply.code(400).header('cache-control', CACHE_NONE).send({ ok: false, error: 'bad-request' });

export function registerDraftRoutes(
  app: FastifyInstance,
  { gate, draft, presence = new CuratorPresence(), maxPhotoBytes = MAX_PHOTO_BYTES }: DraftRouteDeps,
): void {
  /** The request's editor (or reviewer), else the refusal is sent and null returned. */
  const editor = (request: FastifyRequest, reply: FastifyReply) => accountFor(gate, request, reply, 'editor');
  const send = (reply: FastifyReply, answer: object, status = 200) =>
    reply.code(status).header('cache-control', CACHE_NONE).send(answer);
  const draftRoute = `${CURATE_PREFIX}/draft`;

  app.get(draftRoute, async (request, reply) => {
    if (!editor(request, reply)) return reply;
    return send(reply, { ok: true, ...(await draft.snapshot()) });
  });

  app.post(`${draftRoute}/presence`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = presenceBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    return send(reply, { ok: true, others: presence.beat(account.id, account.displayName, body.data.panelId) });
  });

  app.get(`${draftRoute}/problems`, async (request, reply) => {
    if (!editor(request, reply)) return reply;
    return send(reply, { ok: true, problems: await draft.check() });
  });

  app.put<{ Params: { id: string } }>(`${draftRoute}/panels/:id`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = updatePanelBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    const answer = await draft.updatePanel(request.params.id, body.data.panel, body.data.baseVersion, account.id);
    return send(reply, answer, statusOf(answer));
  });

  app.post(`${draftRoute}/panels`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = addPanelBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    const answer = await draft.addPanel(body.data, account.id);
    return send(reply, answer, statusOf(answer, true));
  });

  app.post<{ Params: { id: string } }>(`${draftRoute}/panels/:id/duplicate`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const answer = await draft.duplicatePanel(request.params.id, account.id);
    return send(reply, answer, statusOf(answer, true));
  });

  app.post<{ Params: { id: string } }>(`${draftRoute}/panels/:id/move`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = movePanelBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    const answer = await draft.movePanel(request.params.id, body.data, account.id);
    return send(reply, answer, statusOf(answer));
  });

  app.delete<{ Params: { id: string } }>(`${draftRoute}/panels/:id`, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const answer = await draft.deletePanel(request.params.id, account.id);
    return send(reply, answer, statusOf(answer));
  });

  app.post<{ Params: { binId: string } }>(`${draftRoute}/bin/:binId/restore`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = restorePanelBodySchema.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply);
    const answer = await draft.restorePanel(request.params.binId, body.data, account.id);
    return send(reply, answer, statusOf(answer));
  });

  app.put(`${draftRoute}/settings`, JSON_WRITE, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const body = updateDocumentBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply);
    const answer = await draft.updateDocument({ kind: 'settings' }, body.data.value, body.data.baseVersion, account.id);
    return send(reply, answer, statusOf(answer));
  });

  for (const [folder, kind] of [
    ['sections', 'section'],
    ['tours', 'tour'],
    ['quizzes', 'quiz'],
  ] as const) {
    app.put<{ Params: { id: string } }>(`${draftRoute}/${folder}/:id`, JSON_WRITE, async (request, reply) => {
      const account = editor(request, reply);
      if (!account) return reply;
      const body = updateDocumentBodySchema.safeParse(request.body);
      if (!body.success) return badRequest(reply);
      const answer = await draft.updateDocument(
        { kind, id: request.params.id },
        body.data.value,
        body.data.baseVersion,
        account.id,
      );
      return send(reply, answer, statusOf(answer));
    });
  }

  // A draft photo's thumbnail for the form (the staff see the photo they caption).
  app.get<{ Querystring: { src?: unknown } }>(`${draftRoute}/photo`, async (request, reply) => {
    const account = editor(request, reply);
    if (!account) return reply;
    const src = typeof request.query.src === 'string' && request.query.src.length <= 300 ? request.query.src : null;
    if (!src) return badRequest(reply);
    const thumbnail = await draft.photoThumbnail(src);
    if (!thumbnail) return send(reply, { ok: false, error: 'not-found' }, 404);
    // Private: behind the session, and changed by the next upload under another name only.
    return reply.code(200).header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=300').send(thumbnail);
  });

  // Sections, tours and quizzes added from a template, moved in their list, and deleted (a quiz a
  // tour names is refused `in-use`, a section with panels `not-empty`).
  for (const [folder, kind, schema] of [
    ['sections', 'section', addSectionBodySchema],
    ['tours', 'tour', addTourBodySchema],
    ['quizzes', 'quiz', addQuizBodySchema],
  ] as const) {
    app.post(`${draftRoute}/${folder}`, JSON_WRITE, async (request, reply) => {
      const account = editor(request, reply);
      if (!account) return reply;
      const body = schema.safeParse(request.body ?? {});
      if (!body.success) return badRequest(reply);
      const answer =
        kind === 'section'
          ? await draft.addSection(body.data, account.id)
          : kind === 'tour'
            ? await draft.addTour(body.data, account.id)
            : await draft.addQuiz(body.data, account.id);
      return send(reply, answer, statusOf(answer, true));
    });
    app.post<{ Params: { id: string } }>(`${draftRoute}/${folder}/:id/move`, JSON_WRITE, async (request, reply) => {
      const account = editor(request, reply);
      if (!account) return reply;
      const body = moveDocumentBodySchema.safeParse(request.body);
      if (!body.success) return badRequest(reply);
      const answer = await draft.moveDocument({ kind, id: request.params.id }, body.data.index, account.id);
      return send(reply, answer, statusOf(answer));
    });
    app.delete<{ Params: { id: string } }>(`${draftRoute}/${folder}/:id`, async (request, reply) => {
      const account = editor(request, reply);
      if (!account) return reply;
      const answer = await draft.deleteDocument({ kind, id: request.params.id }, account.id);
      return send(reply, answer, statusOf(answer));
    });
  }

  // Photos: the raw body is the file. Only here does a request body arrive as a stream; the
  // parser passes it on unread, and the draft reads it up to the limit.
  app.register(async (photos) => {
    photos.addContentTypeParser(/^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i, (_request, payload, done) =>
      done(null, payload),
    );
    photos.post(`${draftRoute}/photos`, { bodyLimit: maxPhotoBytes + 1 }, async (request, reply) => {
      // A refused upload is never read: the answer closes the connection, and the rest is dropped.
      const account = editor(request, reply.header('connection', 'close'));
      if (!account) return reply;
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxPhotoBytes) return send(reply, { ok: false, error: 'too-large' }, 413);
      reply.removeHeader('connection');
      const result = await draft.addPhoto(request.body as Readable, account.id, maxPhotoBytes);
      // Cut off at the limit, the rest of the body is still on its way: this connection cannot carry another request.
      if (!result.ok && result.error === 'too-large') reply.header('connection', 'close');
      return send(reply, result, result.ok ? 201 : result.error === 'too-large' ? 413 : 415);
    });
  });
}
