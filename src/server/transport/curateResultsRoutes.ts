/**
 * 知识竞赛's results for the station's accounts (布展): the same lists and files the presenter
 * reaches with the PIN (httpRoutes.ts), here behind a curator's session (编辑 or 审核) and the
 * curator's address check, for staff who keep the lessons' records. Reads only; never a phone's.
 *
 * - `GET /api/curate/results` → `{ ok: true, lessons: PastLesson[] }`, newest first.
 * - `GET /api/curate/results/:sessionId` → `{ ok: true, results: LessonResults }`.
 * - `GET /api/curate/results/:sessionId/csv` → the CSV for Excel (UTF-8 with BOM), as a download.
 */
import type { FastifyInstance } from 'fastify';
import { resultsCsvFilename } from '../../live/protocol.ts';
import { contestResultsCsv } from '../commands/contestResults.ts';
import type { LessonRouter } from '../commands/lessonRouter.ts';
import { CURATE_PREFIX, type CuratorGate, refuseCurate } from './curateRoutes.ts';
import { CACHE_NONE } from './headers.ts';

export function registerCurateResultsRoutes(
  app: FastifyInstance,
  { gate, lessons: live }: { gate: CuratorGate; lessons: LessonRouter },
): void {
  const route = `${CURATE_PREFIX}/results`;
  const notFound = { ok: false, error: 'not-found' } as const;

  app.get(route, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    return reply.header('cache-control', CACHE_NONE).send({ ok: true, lessons: await live.pastLessons() });
  });

  app.get<{ Params: { sessionId: string } }>(`${route}/:sessionId`, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    const answer = await live.resultsOf(request.params.sessionId);
    if (!answer.ok)
      return reply
        .code(answer.error === 'bad-request' ? 400 : 404)
        .header('cache-control', CACHE_NONE)
        .send(notFound);
    return reply.header('cache-control', CACHE_NONE).send(answer);
  });

  app.get<{ Params: { sessionId: string } }>(`${route}/:sessionId/csv`, async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    const answer = await live.resultsOf(request.params.sessionId);
    if (!answer.ok)
      return reply
        .code(answer.error === 'bad-request' ? 400 : 404)
        .header('cache-control', CACHE_NONE)
        .send(notFound);
    const { results } = answer;
    return reply
      .header('cache-control', CACHE_NONE)
      .header('content-disposition', `attachment; filename="${resultsCsvFilename(results.startedAt, results.code)}"`)
      .type('text/csv; charset=utf-8')
      .send(contestResultsCsv(results));
  });
}
