/**
 * The built site, from the current build (site/builds.ts). Hashed files (vite's `assets/`, the
 * service worker's workbox chunk) are immutable, and are also looked for in the builds kept from
 * before a switch, so a page opened before the switch still loads its lazy chunks. Everything
 * else (index.html, sw.js, the content JSON, photos, fonts) is revalidated with an ETag. No page
 * is ever served for a path that is not a file: routes live in the hash.
 *
 * Paths are checked before any file is touched: a `..`, `.`, empty or dot-file segment, a
 * backslash or a NUL, encoded or not, is a 404 — nothing outside a build folder is reachable.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteBuilds } from '../site/builds.ts';
import { CACHE_IMMUTABLE, CACHE_NONE, CACHE_REVALIDATE } from './headers.ts';

/** Hashed, hence immutable: vite's output folder and workbox's runtime next to sw.js. */
export function isHashedPath(path: string): boolean {
  return path.startsWith('assets/') || /^workbox-[0-9a-z]+\.js$/i.test(path);
}

/**
 * The file a URL path names, relative to a build folder, or null when the path could reach
 * outside it or into a hidden file.
 */
export function safeRelativePath(urlPath: string): string | null {
  if (!urlPath.startsWith('/')) return null;
  const raw = urlPath.slice(1);
  if (raw === '') return 'index.html';
  const segments: string[] = [];
  for (const encoded of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || segment.startsWith('.')) return null;
    if (/[/\\\0]/.test(segment) || /[\p{Cc}]/u.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}

const BUILDING_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>党史长廊 · 正在准备</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#f6f1e7;color:#3b2a1a;text-align:center}p{margin:.4em}</style>
</head>
<body>
<main>
<h1>党史长廊</h1>
<p role="status">展览正在准备中，请稍候，页面会自动刷新。</p>
<p lang="en">The exhibition is being prepared; this page reloads by itself.</p>
</main>
</body>
</html>
`;

async function firstRootWith(roots: string[], file: string): Promise<string | null> {
  for (const root of roots) {
    try {
      if ((await stat(join(root, file))).isFile()) return root;
    } catch {
      // Not in this build: try the next.
    }
  }
  return null;
}

/**
 * Answers `urlPath` (the path inside the site, from its leading `/`) from a set of builds: the
 * current build's file, or a hashed one from a kept build; 503 with the 正在准备 page before the
 * first build. `fresh` serves everything revalidated (the curator's preview changes under one URL).
 */
export async function sendFromBuilds(
  reply: FastifyReply,
  builds: SiteBuilds,
  urlPath: string,
  { fresh = false }: { fresh?: boolean } = {},
) {
  const file = safeRelativePath(urlPath);
  if (file === null) return reply.callNotFound();
  const current = builds.current;
  if (!current) {
    reply.header('cache-control', CACHE_NONE).header('retry-after', '5').code(503);
    if (file === 'index.html') return reply.type('text/html; charset=utf-8').send(BUILDING_PAGE);
    return reply.type('text/plain; charset=utf-8').send('building');
  }
  const hashed = isHashedPath(file);
  // A hashed file may be a previous build's (a page opened before the switch); others are the current build's.
  const root = hashed ? await firstRootWith(builds.roots(), file) : current.dir;
  if (!root) return reply.callNotFound();
  reply.header('cache-control', fresh ? CACHE_NONE : hashed ? CACHE_IMMUTABLE : CACHE_REVALIDATE);
  return reply.sendFile(file, root, { cacheControl: false, etag: true, lastModified: true, dotfiles: 'deny', index: false });
}

export function registerStaticFiles(app: FastifyInstance, builds: SiteBuilds): void {
  const serve = async (request: FastifyRequest, reply: FastifyReply) =>
    sendFromBuilds(reply, builds, (request.raw.url ?? '/').split(/[?#]/, 1)[0] ?? '/');
  app.get('/', serve);
  app.get('/*', serve);
}
