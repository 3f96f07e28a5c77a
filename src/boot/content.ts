/**
 * Content start-up, for every mode: the exhibition's content, the interface and board fonts, the
 * photo manifest, and (in dev) swapping in content edited while the visit goes on. Written once.
 */
import { fetchContentFile, loadExhibition } from '../content/load.ts';
import { fetchPhotoManifest } from '../content/photoManifest.ts';
import type { FontMetrics } from '../layout/lineBreak.ts';
import { startLoadingGiveUp } from '../store/progress.ts';
import type { ExhibitionStore } from '../store/store.ts';
import { loadInterfaceFont } from '../ui/interfaceFont.ts';

export interface ContentBootOptions {
  /** Where the site is served from (`import.meta.env.BASE_URL`). */
  baseUrl: string;
  /**
   * Whether this page draws the boards (WebGL, and a mode whose page shows the corridor): only then
   * do their fonts load, with the 3D code (troika) they need. A phone following a lesson, the
   * presenter's window or a browser without WebGL never downloads it. May be known only once the
   * mode is installed.
   */
  drawsBoards: boolean | Promise<boolean>;
  /** Vite's hot-module channel in dev (`import.meta.hot`); undefined in a build. */
  hot?: { on(event: string, listener: () => void): void; off(event: string, listener: () => void): void };
}

/** The board font's advance widths, written by the build beside the fonts; null when not to be had. */
export function fetchFontMetrics(baseUrl: string): Promise<FontMetrics | null> {
  return fetch(`${baseUrl}generated/fonts/metrics.json`)
    .then((response) => (response.ok ? (response.json() as Promise<FontMetrics>) : null))
    .catch(() => null);
}

/** Starts loading everything the visit needs into the store. Returns the stop. */
export function bootContent(store: ExhibitionStore, { baseUrl, drawsBoards, hot }: ContentBootOptions): () => void {
  let stopped = false;
  const loadContent = (arrived: 'contentLoaded' | 'contentReloaded') =>
    loadExhibition(fetchContentFile(baseUrl)).then(({ exhibition, problems }) => {
      if (stopped) return;
      if (arrived === 'contentLoaded') {
        for (const problem of problems) console.warn(`[content] ${problem.file}: ${problem.path}: ${problem.en}`);
      }
      if (exhibition) store.getState()[arrived](exhibition, problems);
      else store.getState().contentFailed(problems);
    });
  // The photo sizes made at build time; without a manifest the boards and card use the original files.
  const loadPhotos = () =>
    fetchPhotoManifest(baseUrl).then((manifest) => {
      if (!stopped) store.getState().photosLoaded(manifest);
    });
  // Dev mode: the server says the content changed; swap it in without losing the visitor's place.
  const onContentChanged = () => {
    void loadContent('contentReloaded');
    void loadPhotos();
  };

  const stopGiveUp = startLoadingGiveUp(store);
  void loadContent('contentLoaded');
  void loadInterfaceFont();
  void loadPhotos();
  void Promise.resolve(drawsBoards).then(async (draws) => {
    if (!draws || stopped) return;
    // The advance widths first (a small file, no 3D code needed): the board texts wait for them.
    store.getState().fontMetricsRequested();
    void fetchFontMetrics(baseUrl).then((metrics) => {
      if (!stopped) store.getState().fontMetricsLoaded(metrics);
    });
    // The boards' fonts come with the 3D code (troika), in its own chunk.
    const { preloadBoardFonts } = await import('../scene/fonts.ts');
    await preloadBoardFonts();
    if (!stopped) store.getState().fontLoaded();
  });
  hot?.on('exhibition:content-changed', onContentChanged);
  return () => {
    stopped = true;
    stopGiveUp();
    hot?.off('exhibition:content-changed', onContentChanged);
  };
}
