/** The loading slice: what has loaded (content, fonts, textures, board texts), for the loading screen. */
import type { StateCreator } from 'zustand';
import { INITIAL_PROGRESS } from '../progress.ts';
import type { ExhibitionState, LoadingSlice } from '../types.ts';

export const createLoadingSlice: StateCreator<ExhibitionState, [], [], LoadingSlice> = (set, get) => ({
  progress: INITIAL_PROGRESS,
  fontMetrics: null,
  fontMetricsPending: false,
  loadingGaveUp: false,

  giveUpLoading() {
    if (!get().loadingGaveUp) set({ loadingGaveUp: true });
  },

  fontLoaded() {
    set({ progress: { ...get().progress, fontReady: true } });
  },

  fontMetricsRequested() {
    set({ fontMetricsPending: true });
  },

  fontMetricsLoaded(metrics) {
    set({ fontMetricsPending: false, fontMetrics: metrics ?? get().fontMetrics });
  },

  texturesProgress(loaded, total) {
    set({ progress: { ...get().progress, texturesLoaded: loaded, texturesTotal: total } });
  },

  textRegistered() {
    const progress = get().progress;
    set({ progress: { ...progress, textsTotal: progress.textsTotal + 1 } });
  },

  textReady() {
    const progress = get().progress;
    set({ progress: { ...progress, textsReady: progress.textsReady + 1 } });
  },
});
