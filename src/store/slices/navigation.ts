/**
 * The navigation slice: where the visit is — the open card, the board in focus, the view (corridor,
 * problems, text twin), the route waiting for content — and the actions that move the camera there.
 */
import type { StateCreator } from 'zustand';
import { clampToBounds, type Vec3, type Viewpoint } from '../../layout/corridor.ts';
import { boardById, boardInView, neighbourBoard, type Pose } from '../../layout/queries.ts';
import { placeForYear, timelineMarks } from '../../layout/yearScrubber.ts';
import { livePose } from '../live.ts';
import type { ExhibitionState, NavigationSlice } from '../types.ts';
import { nextGoalSeq, viewpointGoal } from './camera.ts';

export const createNavigationSlice: StateCreator<ExhibitionState, [], [], NavigationSlice> = (set, get) => {
  const panelExists = (panelId: string) => {
    const { layout } = get();
    return layout ? boardById(layout, panelId) : undefined;
  };

  return {
    openPanelId: null,
    focusPanelId: null,
    view: 'corridor',
    textPanelId: null,
    notice: null,
    pendingRoute: null,

    applyRoute(route) {
      if (get().status !== 'ready') {
        set({ pendingRoute: route });
        return;
      }
      switch (route.kind) {
        case 'home':
          set({ openPanelId: null, oath: null, view: 'corridor', textPanelId: null, quizScreen: null });
          return;
        case 'panel':
          if (!panelExists(route.id)) {
            set({ openPanelId: null, view: 'corridor', notice: { kind: 'unknown-panel', id: route.id } });
            return;
          }
          set({ view: 'corridor', textPanelId: null, oath: null });
          get().openPanel(route.id);
          return;
        case 'oath':
          set({ view: 'corridor', textPanelId: null });
          // A link to the ceremony of an open one keeps how far it had got (back from #/oath to #/oath).
          if (get().oath?.panelId !== route.id) get().openOath(route.id);
          // Not an oath panel (its notice is up): nothing stays open behind the notice.
          if (get().oath?.panelId !== route.id) set({ openPanelId: null, oath: null });
          return;
        case 'problems':
          set({ openPanelId: null, view: 'problems', textPanelId: null, quizScreen: null });
          return;
        // A card opened from the quiz (去看展板) keeps the quiz under it: back and forward move between
        // the two, and closing the card comes back to the quiz. The text twin stays under the quiz too.
        case 'quizList':
          set({ view: get().view === 'text' ? 'text' : 'corridor' });
          get().openQuizList();
          return;
        case 'quiz':
          set({ view: get().view === 'text' ? 'text' : 'corridor' });
          get().openQuiz(route.id);
          return;
        case 'text':
          if (route.panelId && !panelExists(route.panelId)) {
            set({ openPanelId: null, view: 'text', textPanelId: null, notice: { kind: 'unknown-panel', id: route.panelId } });
            return;
          }
          set({
            openPanelId: null,
            view: 'text',
            textPanelId: route.panelId ?? null,
            directoryOpen: false,
            searchOpen: false,
            quizScreen: null,
          });
          return;
        case 'unknown':
          set({ openPanelId: null, view: 'corridor', quizScreen: null, notice: { kind: 'unknown-route', path: route.path } });
          return;
      }
    },

    openPanel(panelId, instant = false) {
      const board = panelExists(panelId);
      if (!board) {
        set({ notice: { kind: 'unknown-panel', id: panelId } });
        return;
      }
      // Asking again for an open panel keeps its goal, unless it asks to cut there now.
      const same = get().focusPanelId === panelId && get().openPanelId === panelId;
      set({
        openPanelId: panelId,
        focusPanelId: panelId,
        notice: null,
        directoryOpen: false,
        // Another panel's card ends the oath's ceremony.
        oath: get().oath?.panelId === panelId ? get().oath : null,
        cameraGoal: same && !instant ? get().cameraGoal : viewpointGoal(board.viewpoint, instant),
      });
    },

    closePanel() {
      if (get().openPanelId !== null) set({ openPanelId: null, oath: null });
    },

    focusPanel(panelId, instant = false) {
      const board = panelExists(panelId);
      if (!board) return;
      set({ focusPanelId: panelId, cameraGoal: viewpointGoal(board.viewpoint, instant) });
    },

    stepPanel(step) {
      const { layout, openPanelId, focusPanelId } = get();
      if (!layout) return;
      const next = neighbourBoard(layout, openPanelId ?? focusPanelId, step, livePose.position[2]);
      if (!next) return;
      if (openPanelId) get().openPanel(next.panelId);
      else get().focusPanel(next.panelId);
    },

    openPanelInView() {
      const { layout } = get();
      if (!layout) return;
      const pose: Pose = { position: [...livePose.position] as Vec3, yaw: livePose.yaw, pitch: livePose.pitch };
      const board = boardInView(layout, pose);
      if (board) get().openPanel(board.panelId);
    },

    walkTo(x, z) {
      const { layout } = get();
      if (!layout) return;
      // A tap on the floor is the visitor's own step: it stops a reading distance from the boards.
      const [clampedX, clampedZ] = clampToBounds(x, z, layout.walkBounds);
      set({ cameraGoal: { kind: 'walk', x: clampedX, z: clampedZ, seq: nextGoalSeq() } });
    },

    goToSection(sectionId) {
      const { layout } = get();
      const section = layout?.sections.find((candidate) => candidate.sectionId === sectionId);
      if (!layout || !section) return;
      // Just inside the section's lintel, looking down the corridor at its boards.
      const z = Math.min(layout.bounds.maxZ, section.startZ - 0.4);
      const viewpoint: Viewpoint = {
        position: [0, layout.eyeHeight, z],
        target: [0, layout.eyeHeight, z - 10],
      };
      set({ openPanelId: null, focusPanelId: null, cameraGoal: viewpointGoal(viewpoint) });
    },

    goToYear(year) {
      const { layout, exhibition } = get();
      if (!layout || !exhibition) return;
      const place = placeForYear(timelineMarks(exhibition, layout), year);
      if (!place) return;
      // next / previous carry on from the board nearest the year.
      set({ openPanelId: null, focusPanelId: place.nearest.panelId, cameraGoal: viewpointGoal(place.viewpoint) });
    },

    goToEntrance(instant = false) {
      const { layout } = get();
      if (!layout) return;
      set({ openPanelId: null, focusPanelId: null, cameraGoal: viewpointGoal(layout.start, instant) });
    },

    showView(view) {
      set({ view, openPanelId: view === 'corridor' ? get().openPanelId : null });
    },

    dismissNotice() {
      set({ notice: null });
    },
  };
};
