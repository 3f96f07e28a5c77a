/**
 * The follower's 3D camera, as rules over the follow state (pure: unit-tested without a canvas).
 * While the phone follows, its camera goes where the guide's stop is; while it looks around
 * (自由参观) the camera is the phone's own, until 回到讲解 or the presenter's 集合.
 */
import type { FollowState } from './followState.ts';

/** The board the camera should show for the guide, or null: the phone's own camera. */
export function guideBoardToShow(state: FollowState): string | null {
  if (state.phase !== 'live' && state.phase !== 'reconnecting') return null;
  if (!state.you?.following || !state.snapshot) return null;
  return state.snapshot.panelId ?? null;
}

/**
 * When the camera should go to the guide's board again: a new board, the phone coming back to the
 * guide, or a new 集合 (a phone that had only turned its head while following is put straight).
 * The key changes exactly then.
 */
export function guideCameraKey(state: FollowState): string | null {
  const board = guideBoardToShow(state);
  return board === null ? null : `${board}#${state.snapshot?.gatherSeq ?? 0}`;
}
