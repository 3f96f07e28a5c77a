/**
 * Decides which boards hold a photo texture, and which have their text set: those near the visitor. A timer samples the camera's
 * pose (`livePose`) a few times a second — never per frame, never from `useFrame` — and updates
 * the store's `nearBoardIds` only when the set of near boards changes, so walking re-renders
 * nothing until a board actually comes near or goes far. `BoardImage` acquires and releases its
 * texture from that, so GPU texture memory follows the neighbourhood, not the number of photos.
 */

import type { Vec3 } from '../layout/corridor.ts';
import { NEAR_BOARDS as NEAR_DEFAULTS, type NearBoardOptions, nearBoardIds, TEXT_BOARDS } from '../layout/queries.ts';
import { livePose } from '../store/live.ts';
import type { ExhibitionStore } from '../store/store.ts';

export interface TextureStreamingOptions extends Partial<NearBoardOptions> {
  /** How often the pose is sampled. */
  intervalMs?: number;
  /** The radii for boards whose text is set (wider than the photos'). */
  text?: NearBoardOptions;
}

/** Starts the sampling; returns the stop. Samples at once, then every `intervalMs`. */
export function startTextureStreaming(store: ExhibitionStore, options: TextureStreamingOptions = {}): () => void {
  const { intervalMs = 250, text = TEXT_BOARDS, ...near } = options;
  const update = (position: Vec3 = livePose.position) => {
    const { layout, nearBoardIds: previous, textBoardIds, setNearBoards, setTextBoards } = store.getState();
    if (!layout) return;
    setNearBoards(nearBoardIds(layout, position, previous, { ...NEAR_DEFAULTS, ...near }));
    setTextBoards(nearBoardIds(layout, position, textBoardIds ?? [], text));
  };
  update();
  const timer = setInterval(() => update(), intervalMs);
  // A new layout (content loaded) is answered at once, not a tick later — where the camera is
  // about to jump (a deep link starts at its board), not where it stood before.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.layout === previous.layout) return;
    const goal = state.cameraGoal;
    update(goal?.kind === 'viewpoint' && goal.instant ? goal.viewpoint.position : undefined);
  });
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
