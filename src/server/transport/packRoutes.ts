/**
 * The exhibition's content as a zip over HTTP (src/live/curatePackProtocol.ts lists the routes):
 * the download (editor) and the import as the working draft (reviewer: it replaces the whole
 * draft). Under /api/curate/, so the curator's address and Origin checks come first; the queries
 * are checked with the protocol's zod schemas.
 *
 * The import's body is the zip itself (`application/zip`; Windows browsers call it
 * `application/x-zip-compressed`), passed on unread as the photo upload's is: a declared length
 * past the limit is refused before a byte is read, and the stream is cut off at the limit.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  exportQuerySchema,
  importQuerySchema,
  type PackErrorCode,
  type PackImportAnswer,
} from '../../live/curatePackProtocol.ts';
import type { CurateRole } from '../../live/curateProtocol.ts';
import type { ContentPacks } from '../curate/contentPack.ts';
import { accountFor, CURATE_PREFIX, type CuratorGate } from './curateRoutes.ts';
import { CACHE_NONE } from './headers.ts';

const STATUS_OF: Record<PackErrorCode, number> = {
  'not-zip': 422,
  'damaged-zip': 422,
  'unsupported-zip': 422,
  'bad-entry-name': 422,
  'outside-folders': 422,
  'not-a-file': 422,
  'duplicate-entry': 422,
  'entry-too-large': 422,
  'pack-too-large': 422,
  'too-many-entries': 422,
  'bad-content-file': 422,
  'not-a-photo': 422,
  'unsafe-svg': 422,
  'not-a-pack': 422,
  'pack-has-errors': 422,
  'draft-has-changes': 409,
  busy: 409,
  'too-large': 413,
};

export function registerPackRoutes(app: FastifyInstance, { gate, packs }: { gate: CuratorGate; packs: ContentPacks }): void {
  const who = (request: FastifyRequest, reply: FastifyReply, role: CurateRole) => accountFor(gate, request, reply, role);
  const badRequest = (reply: FastifyReply) =>
    reply.code(400).header('cache-control', CACHE_NONE).send({ ok: false, error: 'bad-request' });
  const send = (reply: FastifyReply, answer: PackImportAnswer) =>
    reply
      .code(answer.ok ? 200 : STATUS_OF[answer.error])
      .header('cache-control', CACHE_NONE)
      .send(answer);

  app.get(`${CURATE_PREFIX}/export`, async (request, reply) => {
    const account = who(request, reply, 'editor');
    if (!account) return reply;
    const query = exportQuerySchema.safeParse(request.query ?? {});
    if (!query.success) return badRequest(reply);
    const pack = await packs.exportPack(query.data.from, account.id);
    return reply
      .code(200)
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${pack.filename}"`)
      .header('cache-control', CACHE_NONE)
      .send(pack.stream);
  });

  app.register(async (scope) => {
    // Only a zip: JSON or text (the station's other parsers) is refused 415 before the route runs.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(/^application\/(zip|x-zip-compressed|octet-stream)$/i, (_request, payload, done) =>
      done(null, payload),
    );
    scope.post(`${CURATE_PREFIX}/import`, { bodyLimit: packs.limits.maxPackBytes + 1 }, async (request, reply) => {
      // A refused upload is never read: the answer closes the connection, and the rest is dropped.
      // (The draft's own refusals, draft-has-changes and busy, read it to the end: the page must see them.)
      const account = who(request, reply.header('connection', 'close'), 'reviewer');
      if (!account) return reply;
      const query = importQuerySchema.safeParse(request.query ?? {});
      if (!query.success) return badRequest(reply);
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > packs.limits.maxPackBytes)
        return send(reply, { ok: false, error: 'too-large' });
      const answer = await packs.importPack(request.body as Readable, account.id, query.data.replaceDraft === '1');
      // Read to the end, the connection can carry another request; cut off at the limit, the rest is still on its way.
      if (answer.ok || answer.error !== 'too-large') reply.removeHeader('connection');
      return send(reply, answer);
    });
  });
}
