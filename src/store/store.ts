/**
 * The one store of discrete state, composed of slices (src/store/slices/: content, navigation,
 * overlays, quiz, loading, proximity, camera) in the zustand slices pattern. Per-frame channels
 * (`livePose`, `motionInput`) are in live.ts; loading arithmetic in progress.ts; the types in types.ts.
 *
 * Nothing here reads the URL or the window: src/main.tsx reads the URL once and puts the app's
 * store in its mode (`startMode`) before the first render.
 */
import { create } from 'zustand';
import type { Lang } from '../content/localize.ts';
import { createCameraSlice } from './slices/camera.ts';
import { createContentSlice } from './slices/content.ts';
import { createLoadingSlice } from './slices/loading.ts';
import { createNavigationSlice } from './slices/navigation.ts';
import { createOverlaysSlice } from './slices/overlays.ts';
import { createProximitySlice } from './slices/proximity.ts';
import { createQuizSlice } from './slices/quiz.ts';
import type { ExhibitionState, Mode, ModeCapabilities } from './types.ts';

/** Before a mode is put in place nothing is offered: no shared screen, no history, no keys. */
export const NO_CAPABILITIES: ModeCapabilities = {
  screens: new Set(),
  history: 'none',
  input: 'touch',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'visitor',
  remembersLanguage: false,
  remembersQuizAttempt: false,
};

export interface StoreOptions {
  mode?: Mode;
  capabilities?: ModeCapabilities;
  lang?: Lang;
}

export function createExhibitionStore(initial: StoreOptions = {}) {
  return create<ExhibitionState>()((...slice) => ({
    mode: initial.mode ?? 'visitor',
    capabilities: initial.capabilities ?? NO_CAPABILITIES,
    ...createContentSlice(...slice),
    ...createNavigationSlice(...slice),
    ...createOverlaysSlice(initial.lang ?? 'zh')(...slice),
    ...createQuizSlice(...slice),
    ...createLoadingSlice(...slice),
    ...createProximitySlice(...slice),
    ...createCameraSlice(...slice),
  }));
}

export type ExhibitionStore = ReturnType<typeof createExhibitionStore>;

/**
 * The app's store. Created here without reading the URL; src/main.tsx puts it in the mode the
 * query string asks for before anything renders. Tests build their own with `createExhibitionStore`.
 */
export const useExhibition = createExhibitionStore();

/** Puts a store in a mode (once, at start-up, before the first render): the mode, what it allows, its language. */
export function startMode(store: ExhibitionStore, options: Required<StoreOptions>): void {
  store.setState({ mode: options.mode, capabilities: options.capabilities, lang: options.lang });
}
