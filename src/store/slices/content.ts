/**
 * The content slice: the exhibition, its corridor layout, its problems and the photo manifest.
 * Content arriving applies the route that waited for it (the navigation slice's `pendingRoute`).
 */
import type { StateCreator } from 'zustand';
import { layoutCorridor } from '../../layout/corridor.ts';
import { boardById } from '../../layout/queries.ts';
import type { ContentSlice, ExhibitionState } from '../types.ts';
import { viewpointGoal } from './camera.ts';
import { freshCeremony } from './overlays.ts';
import { quizScreenState } from './quiz.ts';

export const createContentSlice: StateCreator<ExhibitionState, [], [], ContentSlice> = (set, get) => ({
  status: 'loading',
  exhibition: null,
  layout: null,
  problems: [],
  photos: { ready: false, manifest: null },

  contentLoaded(exhibition, problems) {
    const layout = layoutCorridor(exhibition);
    const pending = get().pendingRoute;
    const base = {
      status: 'ready' as const,
      exhibition,
      layout,
      problems,
      pendingRoute: null,
      progress: { ...get().progress, contentReady: true },
      cameraGoal: viewpointGoal(layout.start, true),
    };
    // One update for "ready" and the route that was waiting, so the URL sync never sees a
    // ready corridor without the deep-linked card and pushes a spurious "#/".
    if (pending?.kind === 'panel') {
      const board = boardById(layout, pending.id);
      if (board) {
        // A deep link starts at its panel, not with a glide down the corridor.
        set({
          ...base,
          openPanelId: board.panelId,
          focusPanelId: board.panelId,
          cameraGoal: viewpointGoal(board.viewpoint, true),
        });
      } else {
        set({ ...base, notice: { kind: 'unknown-panel', id: pending.id } });
      }
      return;
    }
    if (pending?.kind === 'oath') {
      const board = boardById(layout, pending.id);
      const ceremony = freshCeremony(exhibition, pending.id);
      if (board && ceremony) {
        // The ceremony over its card, the camera already at the oath wall behind them.
        set({
          ...base,
          openPanelId: board.panelId,
          focusPanelId: board.panelId,
          cameraGoal: viewpointGoal(board.viewpoint, true),
          oath: ceremony,
        });
      } else {
        set({ ...base, notice: { kind: 'unknown-panel', id: pending.id } });
      }
      return;
    }
    // The quiz's own file loads now (src/boot/quizzes.ts); its attempt starts when it is in.
    if (pending?.kind === 'quizList') {
      set({ ...base, ...quizScreenState(get(), 'list') });
      return;
    }
    if (pending?.kind === 'quiz') {
      set({ ...base, ...quizScreenState(get(), 'quiz', pending.id) });
      return;
    }
    if (pending?.kind === 'problems') {
      set({ ...base, view: 'problems' });
      return;
    }
    if (pending?.kind === 'text') {
      const known = !pending.panelId || boardById(layout, pending.panelId);
      set({
        ...base,
        view: 'text',
        textPanelId: known ? (pending.panelId ?? null) : null,
        ...(known ? {} : { notice: { kind: 'unknown-panel' as const, id: pending.panelId ?? '' } }),
      });
      return;
    }
    if (pending?.kind === 'unknown') {
      set({ ...base, notice: { kind: 'unknown-route', path: pending.path } });
      return;
    }
    set(base);
  },

  contentReloaded(exhibition, problems) {
    const layout = layoutCorridor(exhibition);
    const { openPanelId, focusPanelId } = get();
    const open = openPanelId ? boardById(layout, openPanelId) : undefined;
    set({
      status: 'ready',
      exhibition,
      layout,
      problems,
      openPanelId: open ? openPanelId : null,
      focusPanelId: focusPanelId && boardById(layout, focusPanelId) ? focusPanelId : null,
      // The open board may have moved (a panel added before it): glide to where it stands now.
      ...(open ? { cameraGoal: viewpointGoal(open.viewpoint) } : {}),
    });
  },

  contentFailed(problems) {
    set({ status: 'failed', problems });
  },

  photosLoaded(manifest) {
    set({ photos: { ready: true, manifest } });
  },
});
