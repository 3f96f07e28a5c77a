/**
 * `GET /api/site/manifest`: the current build's list of files with their sizes and hashes
 * (src/live/siteManifestProtocol.ts), for the lobby kiosk's sync. Public and read-only like the
 * site it describes; there is no way to change a build through it.
 */
import type { FastifyInstance } from 'fastify';
import { SITE_MANIFEST_PATH } from '../../live/siteManifestProtocol.ts';
import type { SiteBuilds } from '../site/builds.ts';
import type { SiteManifests } from '../site/manifest.ts';
import { CACHE_NONE } from './headers.ts';

export interface SiteManifestRouteDeps {
  builds: SiteBuilds;
  manifests: SiteManifests;
}

export function registerSiteManifestRoute(app: FastifyInstance, { builds, manifests }: SiteManifestRouteDeps): void {
  app.get(SITE_MANIFEST_PATH, async (_request, reply) => {
    // Asked about each time: the answer changes when the station switches builds.
    reply.header('cache-control', CACHE_NONE);
    const current = builds.current;
    if (!current) return reply.code(503).header('retry-after', '30').send({ ok: false, error: 'no-build' });
    return reply.send(await manifests.forBuild(current));
  });
}
