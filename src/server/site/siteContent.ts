/**
 * The tours a live lesson can run, read from the content of the build being served (not the
 * checkout's: the phones load that build's content, so the panel ids must be its ones). The
 * tours are made by the projector's own pure code (modes/presentTour.ts), so `all` and every
 * authored lesson have exactly the stops the projector shows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadExhibition } from '../../content/load.ts';
import type { Exhibition } from '../../content/schema.ts';
import { presentTour, toursOf } from '../../content/tours.ts';
import type { TourSource } from '../commands/liveService.ts';
import type { SiteBuilds } from './builds.ts';

export function createTourSource(builds: Pick<SiteBuilds, 'current'>): TourSource {
  // One build's content never changes, so each is read once.
  const cache = new Map<string, Promise<Exhibition | null>>();
  const exhibitionOf = (dir: string): Promise<Exhibition | null> => {
    let loaded = cache.get(dir);
    if (!loaded) {
      const contentDir = join(dir, 'content');
      loaded = loadExhibition((name) => readFile(join(contentDir, name), 'utf8')).then(
        (result) => result.exhibition,
        () => null,
      );
      cache.set(dir, loaded);
    }
    return loaded;
  };
  return {
    async stopsOf(tourId) {
      const build = builds.current;
      if (!build) return { ok: false, error: 'no-build' };
      const exhibition = await exhibitionOf(build.dir);
      if (!exhibition) return { ok: false, error: 'no-build' };
      const tour = toursOf(exhibition).find((candidate) => candidate.id === tourId);
      if (!tour) return { ok: false, error: 'unknown-tour' };
      const stops = presentTour(exhibition, tour).stops.map((stop) => stop.panel.id);
      return stops.length > 0 ? { ok: true, stops } : { ok: false, error: 'unknown-tour' };
    },
  };
}
