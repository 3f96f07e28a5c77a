/**
 * The curator's preview (布展 · 预览): the draft built as the real site — the corridor, each card,
 * the projector's stops (`?mode=present`), the text twin (`#/text`) — at `/preview/`, for the
 * station's staff only, before anything is published. The build is the real one (the content
 * check, the font subsets with the draft's new characters, the photos' sizes) from the draft's
 * folder, kept in `DATA_DIR/preview/builds/`; the public site goes on serving the published build.
 *
 * - `POST /api/curate/preview` (editor) starts a build of the draft as it is now (a no-op when
 *   the last one is of the same content) → {@link PreviewStatus}.
 * - `GET  /api/curate/preview` (editor) → {@link PreviewStatus}: building or not, the stamp ready,
 *   why the last build failed (its log's end).
 * - `GET  /preview/…` (editor's session): the files of the last preview build, never cached; the
 *   same address checks as the curator's API (curateRoutes.ts: the path is under its prefixes).
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteBuilds } from '../site/builds.ts';
import { type CuratorGate, refuseCurate } from './curateRoutes.ts';
import { CACHE_NONE } from './headers.ts';
import { sendFromBuilds } from './staticFiles.ts';

export const PREVIEW_PREFIX = '/preview';

export interface PreviewStatus {
  ok: true;
  building: boolean;
  /** The build the preview shows (null: none yet). */
  stamp: string | null;
  /** Why the last build failed, with the end of its log (the content check's messages are there). */
  error: { message: string; log: string } | null;
}

const LOGIN_FIRST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>布展预览 · 请先登录</title></head>
<body><main><h1>布展预览</h1><p>请先在布展页面（<a href="../?mode=curate">?mode=curate</a>）登录。</p>
<p lang="en">Log in to the curator (?mode=curate) first.</p></main></body></html>
`;

async function logTail(file: string | null): Promise<string> {
  if (!file) return '';
  try {
    const text = await readFile(file, 'utf8');
    return text.slice(-4000);
  } catch {
    return '';
  }
}

export function registerPreviewRoutes(
  app: FastifyInstance,
  { gate, previews }: { gate: CuratorGate; previews: SiteBuilds },
): void {
  const status = async (): Promise<PreviewStatus> => ({
    ok: true,
    building: previews.building,
    stamp: previews.current?.stamp ?? null,
    error: previews.error ? { message: previews.error, log: await logTail(previews.lastLog) } : null,
  });

  app.get('/api/curate/preview', async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    return reply.header('cache-control', CACHE_NONE).send(await status());
  });

  app.post('/api/curate/preview', async (request, reply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) return refuseCurate(reply, who);
    // In the background: the answer says it is building; the page asks again until it is ready.
    void previews.refresh();
    return reply
      .code(202)
      .header('cache-control', CACHE_NONE)
      .send(await status());
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const who = gate.requireRole(request, reply, 'editor');
    if (!who.ok) {
      return reply.code(401).header('cache-control', CACHE_NONE).type('text/html; charset=utf-8').send(LOGIN_FIRST);
    }
    const path = (request.raw.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    // "/preview" alone goes to "/preview/", so the page's relative addresses resolve inside the preview.
    if (path === PREVIEW_PREFIX) return reply.header('cache-control', CACHE_NONE).redirect(`.${PREVIEW_PREFIX}/`, 302);
    // The preview's pages ask for the station's API relative to themselves, as every page does
    // (api/live/status: may a live lesson start here?). The preview is nobody's lesson: it answers
    // "no" in the API's own words, rather than a 404 each page would log as an error.
    if (path.startsWith(`${PREVIEW_PREFIX}/api/`)) {
      return reply.header('cache-control', CACHE_NONE).send({ ok: false, error: 'not-found' });
    }
    return sendFromBuilds(reply, previews, path.slice(PREVIEW_PREFIX.length) || '/', { fresh: true });
  };
  app.get(PREVIEW_PREFIX, serve);
  app.get(`${PREVIEW_PREFIX}/`, serve);
  app.get(`${PREVIEW_PREFIX}/*`, serve);
}
