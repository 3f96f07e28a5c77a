/**
 * The attract loop: while nobody touches the kiosk, the camera tours the corridor board by board,
 * gliding to each and resting on it. It only sets camera goals (through the store's actions); the
 * camera rig glides and asks for frames while it moves, so during each rest the canvas draws
 * nothing at all. The tour walks out along the wall of the first board, in exhibition order, and
 * back along the other wall, then rests at the entrance: every glide is a short slide to the next board on the
 * same wall (no half turn between the walls at each step, never a rush down the whole corridor).
 */
import type { BoardPlacement } from '../../layout/corridor.ts';
import { livePose } from '../../store/live.ts';
import type { ExhibitionStore } from '../../store/store.ts';

export interface AttractLoopOptions {
  /** How long the camera rests on each stop once its glide has settled. */
  restMs: number;
  /** How often the rig's motion flag is read while a glide runs. */
  pollMs: number;
  /** A glide that never reports settling (a stalled renderer) is not waited for longer than this. */
  maxGlideMs: number;
  /** Whether the camera still moves (the rig's `livePose.moving`). */
  isMoving(): boolean;
  /** Where the camera is (the rig's `livePose`): a glide has begun once it moved. */
  pose?: () => { position: readonly number[]; yaw: number };
  /** Tells which stop the tour has arrived at and rests on (null: the entrance view). */
  onStop?(panelId: string | null): void;
  /** Tells which stop the tour sets off for, as its glide begins (null: the entrance). */
  onGlide?(panelId: string | null): void;
}

export const ATTRACT_DEFAULTS: Omit<AttractLoopOptions, 'isMoving'> = { restMs: 8000, pollMs: 250, maxGlideMs: 20_000 };

/** The tour's stops, cyclic: the entrance (null), the first board's wall going out, the other wall coming back. */
export function attractStops(boards: ReadonlyArray<Pick<BoardPlacement, 'panelId' | 'wall' | 'order'>>): Array<string | null> {
  const byOrder = [...boards].sort((a, b) => a.order - b.order);
  const outWall = byOrder[0]?.wall;
  const out = byOrder.filter((board) => board.wall === outWall).map((board) => board.panelId);
  const back = byOrder
    .filter((board) => board.wall !== outWall)
    .reverse()
    .map((board) => board.panelId);
  return [null, ...out, ...back];
}

/**
 * Starts the tour at the entrance (where the camera is when a visit has just been reset), resting
 * there first. Returns the stop; stopping leaves the camera where it is.
 */
export function startAttractLoop(
  store: ExhibitionStore,
  options: Partial<AttractLoopOptions> & Pick<AttractLoopOptions, 'isMoving'>,
): () => void {
  const { restMs, pollMs, maxGlideMs, isMoving, onStop, onGlide, pose = () => livePose } = { ...ATTRACT_DEFAULTS, ...options };
  const layout = store.getState().layout;
  const stops = attractStops(layout?.boards ?? []);
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const later = (delay: number, run: () => void) => {
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) run();
    }, delay);
  };

  /**
   * Waits for the glide to settle, then rests. A glide counts as settled once it has begun (the
   * rig said it moves, or the camera moved: on a slow GPU the first frame can come seconds after
   * the goal, and until then the rig's flag still says "still") and two readings in a row are quiet.
   */
  const settleThenRest = (stop: string | null, mustBegin: boolean) => {
    const since = Date.now();
    const from = pose();
    const startPosition = [...from.position];
    const startYaw = from.yaw;
    let begun = !mustBegin;
    let quiet = 0;
    const poll = () => {
      const elapsed = Date.now() - since;
      const moving = isMoving();
      if (!begun) {
        const now = pose();
        begun = moving || now.yaw !== startYaw || now.position.some((value, axis) => value !== startPosition[axis]);
      }
      quiet = moving || !begun ? 0 : quiet + 1;
      if (quiet >= 2 || elapsed >= maxGlideMs) {
        onStop?.(stop);
        later(restMs, advance);
      } else later(pollMs, poll);
    };
    later(pollMs, poll);
  };

  const advance = () => {
    if (stops.length <= 1) {
      later(restMs, advance);
      return;
    }
    index = (index + 1) % stops.length;
    const stop = stops[index] ?? null;
    onGlide?.(stop);
    const state = store.getState();
    if (stop === null) state.goToEntrance();
    else state.focusPanel(stop);
    settleThenRest(stop, true);
  };

  settleThenRest(null, false);
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
