/**
 * The one store of discrete state and the named actions that change it.
 *
 * Continuous things (the camera's pose each frame, keys held down, drag deltas) are NOT state:
 * they live in the plain mutable objects `livePose` and `motionInput` below, written by the
 * input layer and the camera rig and read in `useFrame`, so nothing re-renders per frame.
 */
import { create } from 'zustand';
import type { Lang } from '../content/localize.ts';
import type { PhotoManifest } from '../content/photoManifest.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { Exhibition } from '../content/schema.ts';
import { type CorridorLayout, clampToBounds, layoutCorridor, type Vec3, type Viewpoint } from '../layout/corridor.ts';
import type { FontMetrics } from '../layout/lineBreak.ts';
import { boardById, boardInView, neighbourBoard, type Pose, sameIdSet } from '../layout/queries.ts';
import { placeForYear, timelineMarks } from '../layout/yearScrubber.ts';
import { parseModeParams } from '../routing/modeParams.ts';
import type { Route } from '../routing/routes.ts';
import { browserStorage, rememberLanguage, startLanguage } from './languagePreference.ts';

export type Mode = 'visitor' | 'present' | 'kiosk';
/** What fills the screen: the 3D corridor, the content problems, or the text twin (the exhibition as a plain page). */
export type View = 'corridor' | 'problems' | 'text';

/** Where the camera should go next. `seq` changes on every request, so asking twice works. */
export type CameraGoal =
  | { kind: 'viewpoint'; viewpoint: Viewpoint; instant: boolean; seq: number }
  | { kind: 'walk'; x: number; z: number; seq: number };

export type Notice = { kind: 'unknown-panel'; id: string } | { kind: 'unknown-route'; path: string };

export interface LoadingProgress {
  contentReady: boolean;
  fontReady: boolean;
  texturesLoaded: number;
  texturesTotal: number;
  textsReady: number;
  textsTotal: number;
}

export interface ExhibitionState {
  mode: Mode;
  lang: Lang;
  status: 'loading' | 'ready' | 'failed';
  exhibition: Exhibition | null;
  layout: CorridorLayout | null;
  problems: ContentProblem[];
  progress: LoadingProgress;
  /** Advance widths of the board font, for the line-breaker; null until loaded (troika then wraps). */
  fontMetrics: FontMetrics | null;
  /** The panel whose card is open. */
  openPanelId: string | null;
  /** The board the camera was last sent to (next/previous count from it). */
  focusPanelId: string | null;
  cameraGoal: CameraGoal | null;
  view: View;
  /** The panel the text twin was asked to show (`#/text/<id>`); null: the twin from its top. */
  textPanelId: string | null;
  directoryOpen: boolean;
  /** The search overlay (the HUD's 搜索 button or "/"). */
  searchOpen: boolean;
  notice: Notice | null;
  /** A route that arrived before the content did; applied once it loads. */
  pendingRoute: Route | null;
  /** The build's photo manifest; `ready` once fetched (null manifest: none, use the original files). */
  photos: { ready: boolean; manifest: PhotoManifest | null };
  /** Boards near the visitor, nearest first: only these hold a photo texture (see textureStreaming.ts). */
  nearBoardIds: string[];
  /**
   * Boards whose text is set (troika meshes) — those within a few tens of metres; far boards show
   * their frame, face and title band only. null until the first sample: every board.
   */
  textBoardIds: string[] | null;
  /** The board whose keyboard proxy has the focus: the scene draws a focus ring around it. */
  keyboardFocusPanelId: string | null;
  /** The visitor's system asks for reduced motion: the visitor's camera cuts instead of gliding. */
  reducedMotion: boolean;

  contentLoaded(exhibition: Exhibition, problems: ContentProblem[]): void;
  contentFailed(problems: ContentProblem[]): void;
  /** New content while the visit goes on (editing in dev): the visitor stays where they are. */
  contentReloaded(exhibition: Exhibition, problems: ContentProblem[]): void;
  applyRoute(route: Route): void;
  /** Opens a panel's card and sends the camera to its board (cutting there at once with `instant`). */
  openPanel(panelId: string, instant?: boolean): void;
  closePanel(): void;
  focusPanel(panelId: string): void;
  stepPanel(step: 1 | -1): void;
  openPanelInView(): void;
  walkTo(x: number, z: number): void;
  /** Goes to the start of a section, looking down the corridor (the floor plan's sections). */
  goToSection(sectionId: string): void;
  /** Goes to where a year of the centenary timeline stands (the year scrubber). */
  goToYear(year: number): void;
  setKeyboardFocus(panelId: string | null): void;
  setReducedMotion(reduced: boolean): void;
  /** Back to the entrance view, gliding (or cutting there at once with `instant`, e.g. behind a fade). */
  goToEntrance(instant?: boolean): void;
  setLang(lang: Lang): void;
  toggleLang(): void;
  setDirectoryOpen(open: boolean): void;
  setSearchOpen(open: boolean): void;
  showView(view: View): void;
  dismissNotice(): void;
  fontLoaded(metrics?: FontMetrics | null): void;
  texturesProgress(loaded: number, total: number): void;
  textRegistered(): void;
  textReady(): void;
  photosLoaded(manifest: PhotoManifest | null): void;
  /** Replaces the near boards; does nothing when the set of ids is unchanged. */
  setNearBoards(ids: string[]): void;
  /** Replaces the boards whose text is set; does nothing when the set of ids is unchanged. */
  setTextBoards(ids: string[]): void;
}

/** The camera's pose as of the last rendered frame, written by the camera rig. */
export const livePose: { position: [number, number, number]; yaw: number; pitch: number; moving: boolean } = {
  position: [0, 1.6, 0],
  yaw: 0,
  pitch: 0,
  /** True while the camera glides or walks and the rig keeps asking for frames. */
  moving: false,
};

const livePoseListeners = new Set<() => void>();

/**
 * Hears of every frame's pose (the floor plan's marker). Called by the camera rig after it
 * publishes `livePose`, so only while frames are drawn; a listener must not set store state.
 * Returns the unsubscribe.
 */
export function onLivePose(listener: () => void): () => void {
  livePoseListeners.add(listener);
  return () => livePoseListeners.delete(listener);
}

export function notifyLivePose(): void {
  for (const listener of livePoseListeners) listener();
}

/** Held walking keys and pending drag-look deltas, written by input handlers, read per frame. */
export const motionInput = {
  forward: 0,
  backward: 0,
  left: 0,
  right: 0,
  turnLeft: 0,
  turnRight: 0,
  /** Radians to add to yaw/pitch, accumulated from drags since the last frame. */
  lookYaw: 0,
  lookPitch: 0,
  /** Bumped whenever the visitor takes the controls, so a running camera glide yields to them. */
  takeover: 0,
};

export function isWalking(): boolean {
  return (
    motionInput.forward +
      motionInput.backward +
      motionInput.left +
      motionInput.right +
      motionInput.turnLeft +
      motionInput.turnRight >
    0
  );
}

const INITIAL_PROGRESS: LoadingProgress = {
  contentReady: false,
  fontReady: false,
  texturesLoaded: 0,
  texturesTotal: 0,
  textsReady: 0,
  textsTotal: 0,
};

let goalSeq = 0;
const viewpointGoal = (viewpoint: Viewpoint, instant = false): CameraGoal => ({
  kind: 'viewpoint',
  viewpoint,
  instant,
  seq: ++goalSeq,
});

export function createExhibitionStore(initial: { mode?: Mode; lang?: Lang } = {}) {
  return create<ExhibitionState>()((set, get) => {
    const panelExists = (panelId: string) => {
      const { layout } = get();
      return layout ? boardById(layout, panelId) : undefined;
    };

    return {
      mode: initial.mode ?? 'visitor',
      lang: initial.lang ?? 'zh',
      status: 'loading',
      exhibition: null,
      layout: null,
      problems: [],
      progress: INITIAL_PROGRESS,
      fontMetrics: null,
      openPanelId: null,
      focusPanelId: null,
      cameraGoal: null,
      view: 'corridor',
      textPanelId: null,
      directoryOpen: false,
      searchOpen: false,
      notice: null,
      pendingRoute: null,
      photos: { ready: false, manifest: null },
      nearBoardIds: [],
      textBoardIds: null,
      keyboardFocusPanelId: null,
      reducedMotion: false,

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

      applyRoute(route) {
        if (get().status !== 'ready') {
          set({ pendingRoute: route });
          return;
        }
        switch (route.kind) {
          case 'home':
            set({ openPanelId: null, view: 'corridor', textPanelId: null });
            return;
          case 'panel':
            if (!panelExists(route.id)) {
              set({ openPanelId: null, view: 'corridor', notice: { kind: 'unknown-panel', id: route.id } });
              return;
            }
            set({ view: 'corridor', textPanelId: null });
            get().openPanel(route.id);
            return;
          case 'problems':
            set({ openPanelId: null, view: 'problems', textPanelId: null });
            return;
          case 'text':
            if (route.panelId && !panelExists(route.panelId)) {
              set({ openPanelId: null, view: 'text', textPanelId: null, notice: { kind: 'unknown-panel', id: route.panelId } });
              return;
            }
            set({ openPanelId: null, view: 'text', textPanelId: route.panelId ?? null, directoryOpen: false, searchOpen: false });
            return;
          case 'unknown':
            set({ openPanelId: null, view: 'corridor', notice: { kind: 'unknown-route', path: route.path } });
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
          cameraGoal: same && !instant ? get().cameraGoal : viewpointGoal(board.viewpoint, instant),
        });
      },

      closePanel() {
        if (get().openPanelId !== null) set({ openPanelId: null });
      },

      focusPanel(panelId) {
        const board = panelExists(panelId);
        if (!board) return;
        set({ focusPanelId: panelId, cameraGoal: viewpointGoal(board.viewpoint) });
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
        set({ cameraGoal: { kind: 'walk', x: clampedX, z: clampedZ, seq: ++goalSeq } });
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

      setKeyboardFocus(panelId) {
        if (get().keyboardFocusPanelId !== panelId) set({ keyboardFocusPanelId: panelId });
      },

      setReducedMotion(reduced) {
        if (get().reducedMotion !== reduced) set({ reducedMotion: reduced });
      },

      goToEntrance(instant = false) {
        const { layout } = get();
        if (!layout) return;
        set({ openPanelId: null, focusPanelId: null, cameraGoal: viewpointGoal(layout.start, instant) });
      },

      setLang(lang) {
        set({ lang });
      },

      toggleLang() {
        set({ lang: get().lang === 'zh' ? 'en' : 'zh' });
      },

      setDirectoryOpen(open) {
        set({ directoryOpen: open });
      },

      setSearchOpen(open) {
        set({ searchOpen: open, ...(open ? { directoryOpen: false } : {}) });
      },

      showView(view) {
        set({ view, openPanelId: view === 'corridor' ? get().openPanelId : null });
      },

      dismissNotice() {
        set({ notice: null });
      },

      fontLoaded(metrics = null) {
        set({ progress: { ...get().progress, fontReady: true }, fontMetrics: metrics ?? get().fontMetrics });
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

      photosLoaded(manifest) {
        set({ photos: { ready: true, manifest } });
      },

      setNearBoards(ids) {
        if (!sameIdSet(get().nearBoardIds, ids)) set({ nearBoardIds: ids });
      },

      setTextBoards(ids) {
        const current = get().textBoardIds;
        if (!current || !sameIdSet(current, ids)) set({ textBoardIds: ids });
      },
    };
  });
}

export type ExhibitionStore = ReturnType<typeof createExhibitionStore>;

/**
 * The app's store, in the mode the query string asks for (`?mode=present`, `?mode=kiosk`; see
 * routing/modeParams.ts). Tests build their own with `createExhibitionStore`.
 */
const startMode: Mode = typeof window === 'undefined' ? 'visitor' : parseModeParams(window.location.search).mode;
export const useExhibition = createExhibitionStore({
  mode: startMode,
  // The visitor's language survives a reload (not on the kiosk: see languagePreference.ts).
  lang: startLanguage(startMode, browserStorage()),
});
rememberLanguage(useExhibition, browserStorage());

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
