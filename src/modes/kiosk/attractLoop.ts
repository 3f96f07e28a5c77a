/**
 * The attract loop: while nobody touches the kiosk, the camera tours the corridor board by board,
 * gliding to each and resting on it. It only sets camera goals (through the store's actions) and
 * waits for the rig's word that it has arrived (the store's `cameraSettled` for that goal's seq);
 * the rig asks for frames only while it moves, so during each rest the canvas draws nothing at all. The tour walks out along the wall of the first board, in exhibition order, and
 * back along the other wall, then rests at the entrance: every glide is a short slide to the next board on the
 * same wall (no half turn between the walls at each step, never a rush down the whole corridor).
 */
import type { BoardPlacement } from '../../layout/corridor.ts';
import type { ExhibitionStore } from '../../store/store.ts';

export interface AttractLoopOptions {
  /** How long the camera rests on each stop once it has arrived. */
  restMs: number;
  /** A glide the rig never reports as settled (a stalled renderer) is not waited for longer than this. */
  maxGlideMs: number;
  /** Tells which stop the tour has arrived at and rests on (null: the entrance view). */
  onStop?(panelId: string | null): void;
  /** Tells which stop the tour sets off for, as its glide begins (null: the entrance). */
  onGlide?(panelId: string | null): void;
}

export const ATTRACT_DEFAULTS: AttractLoopOptions = { restMs: 8000, maxGlideMs: 20_000 };

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
export function startAttractLoop(store: ExhibitionStore, options: Partial<AttractLoopOptions> = {}): () => void {
  const { restMs, maxGlideMs, onStop, onGlide } = { ...ATTRACT_DEFAULTS, ...options };
  const layout = store.getState().layout;
  const stops = attractStops(layout?.boards ?? []);
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopWaiting = () => {};
  let stopped = false;

  const later = (delay: number, run: () => void) => {
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) run();
    }, delay);
  };

  /** Waits for the rig to report the current goal reached (or gives up on it), then rests. */
  const settleThenRest = (stop: string | null) => {
    const seq = store.getState().cameraGoal?.seq;
    let waiting = true;
    const arrived = () => {
      if (!waiting || stopped) return;
      waiting = false;
      stopWaiting();
      if (timer !== null) clearTimeout(timer);
      onStop?.(stop);
      later(restMs, advance);
    };
    if (seq === undefined || store.getState().cameraSettled?.seq === seq) {
      arrived();
      return;
    }
    stopWaiting = store.subscribe((state) => {
      if (state.cameraSettled?.seq === seq) arrived();
    });
    later(maxGlideMs, arrived);
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
    settleThenRest(stop);
  };

  settleThenRest(null);
  return () => {
    stopped = true;
    stopWaiting();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
