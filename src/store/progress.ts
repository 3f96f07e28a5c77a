/** Loading progress arithmetic: pure, over the loading slice's counters. */
import type { LoadingProgress } from './types.ts';

export const INITIAL_PROGRESS: LoadingProgress = {
  contentReady: false,
  fontReady: false,
  texturesLoaded: 0,
  texturesTotal: 0,
  textsReady: 0,
  textsTotal: 0,
};

/** As long as the visit waits for everything to load (the boards' text above all) before it opens anyway. */
export const LOADING_GIVE_UP_MS = 60_000;

/**
 * Starts the one loading clock: after LOADING_GIVE_UP_MS the store's `loadingGaveUp` is set (the
 * loading screen opens, a lesson's auto-advance starts counting). Returns the stop.
 */
export function startLoadingGiveUp(store: { getState(): { giveUpLoading(): void } }, delayMs = LOADING_GIVE_UP_MS): () => void {
  const timer = setTimeout(() => store.getState().giveUpLoading(), delayMs);
  return () => clearTimeout(timer);
}

/** Loading progress as a fraction 0…1, weighted by how long each part takes. */
export function progressFraction(progress: LoadingProgress): number {
  const textures = progress.texturesTotal === 0 ? 1 : progress.texturesLoaded / progress.texturesTotal;
  const texts = progress.textsTotal === 0 ? 0 : Math.min(1, progress.textsReady / progress.textsTotal);
  return (progress.contentReady ? 0.1 : 0) + (progress.fontReady ? 0.2 : 0) + textures * 0.2 + texts * 0.5;
}

export function isFullyLoaded(progress: LoadingProgress): boolean {
  return (
    progress.contentReady &&
    progress.fontReady &&
    progress.texturesLoaded >= progress.texturesTotal &&
    progress.textsTotal > 0 &&
    progress.textsReady >= progress.textsTotal
  );
}
