/**
 * The kiosk controller on fake timers with a real exhibition store: the attract tour, a visit, the
 * idle warning, and the reset that undoes everything the visitor changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { attractStops, startAttractLoop } from '../../src/modes/kiosk/attractLoop.ts';
import { type KioskController, resetVisitorState, startKioskController } from '../../src/modes/kiosk/kioskController.ts';
import { createKioskStore, entranceInAttractView, type KioskStore } from '../../src/modes/kiosk/kioskStore.ts';
import { KioskStatsRecorder } from '../../src/modes/kiosk/stats.ts';
import { motionInput } from '../../src/store/live.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';
import { modeOptions } from '../support/modes.ts';

function makeExhibition(): Exhibition {
  const bilingual = { panel: (id: string) => ({ title: { zh: `展板 ${id}`, en: `Panel ${id}` } }) };
  return testExhibition([testSection('a', 2, bilingual), testSection('b', 2, bilingual)], { kiosk: { idleSeconds: 30 } });
}

const exhibition = makeExhibition();
const ORDER = allPanels(exhibition).map((panel) => panel.id);
/** The attract tour's boards: a1 and b1 on one wall going out, b2 and a2 on the other coming back. */
const TOUR = ['a1', 'b1', 'b2', 'a2'];
const REST_MS = 4000;

let store: ExhibitionStore;
let kiosk: KioskStore;
let input: EventTarget;
let stats: KioskStatsRecorder;
/**
 * The rig's word that it has reached the current goal, as CameraRig says it once at rest (these
 * tests draw no frames, so they say it for the rig).
 */
function settle() {
  const goal = store.getState().cameraGoal;
  if (goal) store.getState().cameraSettledAt(goal.seq, goal.kind === 'viewpoint' ? store.getState().focusPanelId : null);
}
let reloading: boolean;
let controller: KioskController;

const goalTarget = () => {
  const goal = store.getState().cameraGoal;
  return goal?.kind === 'viewpoint' ? { instant: goal.instant, focus: store.getState().focusPanelId } : null;
};

function start(idleSeconds = 30, warningSeconds: number | null = null) {
  controller = startKioskController({
    store,
    kiosk,
    idleSeconds,
    warningSeconds,
    stats,
    inputTarget: input,
    attract: { restMs: REST_MS },
    onReset: () => reloading,
  });
  settle(); // the rig reaches wherever the controller sent it (the entrance) at once
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-07-01T10:00:00'));
  store = createExhibitionStore(modeOptions('kiosk'));
  store.getState().contentLoaded(exhibition, []);
  settle(); // the rig has cut to the corridor's start
  kiosk = createKioskStore();
  input = new EventTarget();
  stats = new KioskStatsRecorder(null);
  reloading = false;
});

afterEach(() => {
  controller?.stop();
  vi.useRealTimers();
});

describe('attract loop', () => {
  it("tours out along the first board's wall and back along the other, then rests at the entrance", () => {
    const layout = store.getState().layout;
    expect(layout?.boards.map((board) => `${board.panelId}:${board.wall}`)).toEqual([
      'a1:right',
      'a2:left',
      'b1:right',
      'b2:left',
    ]);
    expect(attractStops(layout?.boards ?? [])).toEqual([null, 'a1', 'b1', 'b2', 'a2']);
    // Each step is to the next board on the same wall (or the entrance): never across the corridor.
    expect(attractStops([{ panelId: 'x', wall: 'right', order: 0 }])).toEqual([null, 'x']);
    expect(attractStops([])).toEqual([null]);
  });

  it('glides to the next stop only once the camera has settled and rested', () => {
    const stops: Array<string | null> = [];
    const stop = startAttractLoop(store, {
      restMs: REST_MS,
      onStop: (id) => stops.push(id),
    });
    vi.advanceTimersByTime(300);
    expect(stops).toEqual([null]); // settled at the entrance, resting
    vi.advanceTimersByTime(REST_MS);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
    // The rig glides, and has not said it arrived…
    vi.advanceTimersByTime(REST_MS * 3);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
    expect(stops).toEqual([null]);
    settle(); // …and arrives
    vi.advanceTimersByTime(300);
    expect(stops).toEqual([null, ORDER[0]]);
    vi.advanceTimersByTime(REST_MS);
    expect(store.getState().focusPanelId).toBe(TOUR[1]);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(store.getState().focusPanelId).toBe(TOUR[1]);
  });

  it('waits for the arrival of the goal it set, not a late word about an earlier one', () => {
    const stops: Array<string | null> = [];
    const stop = startAttractLoop(store, { restMs: REST_MS, onStop: (id) => stops.push(id) });
    const atEntrance = store.getState().cameraGoal?.seq ?? -1;
    vi.advanceTimersByTime(300 + REST_MS);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
    // A slow renderer reports the entrance again as the glide to the board begins: not an arrival.
    store.getState().cameraSettledAt(atEntrance, null);
    store.getState().cameraSettledAt(atEntrance + 1000, ORDER[1] ?? null);
    vi.advanceTimersByTime(2000);
    expect(stops).toEqual([null]);
    settle();
    vi.advanceTimersByTime(300);
    expect(stops).toEqual([null, ORDER[0]]);
    stop();
  });

  it('does not wait forever for a renderer that never settles', () => {
    // The reset's cut to the entrance, which a stalled renderer never reports.
    store.getState().goToEntrance(true);
    const stop = startAttractLoop(store, { restMs: REST_MS, maxGlideMs: 5000 });
    vi.advanceTimersByTime(5000 + REST_MS - 1);
    expect(store.getState().focusPanelId).toBeNull();
    vi.advanceTimersByTime(100);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
    stop();
  });
});

describe('kiosk controller', () => {
  it('starts on the attract loop, and a touch starts a visit at the entrance', () => {
    start();
    expect(kiosk.getState().phase).toBe('attract');
    vi.advanceTimersByTime(300 + REST_MS);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
    // Until the rig says it has arrived (a slow GPU's first frame may take seconds), it has not.
    vi.advanceTimersByTime(1000);
    expect(kiosk.getState().attractPanelId).toBeNull();
    settle();
    vi.advanceTimersByTime(300);
    expect(kiosk.getState().attractPanelId).toBe(ORDER[0]);

    controller.startVisit();
    expect(kiosk.getState().phase).toBe('visit');
    expect(goalTarget()).toEqual({ instant: true, focus: null });
    expect(kiosk.getState().attractPanelId).toBeNull();
    // The tour has stopped: no goal changes while the visitor is there.
    const goal = store.getState().cameraGoal;
    vi.advanceTimersByTime(20_000);
    expect(store.getState().cameraGoal).toBe(goal);
    expect(stats.snapshot().days['2025-07-01']?.visits).toBe(1);
  });

  it('tells the attract screen when the entrance arch is in view: resting there, and gliding away or back', () => {
    start();
    const archInView = () => entranceInAttractView(kiosk.getState());
    const arrive = () => {
      vi.advanceTimersByTime(300);
      settle();
      vi.advanceTimersByTime(300);
    };
    expect(archInView()).toBe(true); // resting at the entrance
    vi.advanceTimersByTime(300 + REST_MS);
    expect(kiosk.getState().attractHeading).toBe(TOUR[0]);
    expect(archInView()).toBe(true); // gliding away from it: the arch is still on screen
    arrive();
    expect(kiosk.getState().attractPanelId).toBe(TOUR[0]);
    expect(archInView()).toBe(false);
    for (const next of TOUR.slice(1)) {
      vi.advanceTimersByTime(REST_MS);
      expect(kiosk.getState().attractHeading).toBe(next);
      expect(archInView()).toBe(false); // board to board, the arch is behind the camera
      arrive();
      expect(kiosk.getState().attractPanelId).toBe(next);
    }
    // From the last board back to the entrance: the arch comes into view as the glide begins.
    vi.advanceTimersByTime(REST_MS);
    expect(kiosk.getState().attractHeading).toBeNull();
    expect(kiosk.getState().attractPanelId).toBe(TOUR[TOUR.length - 1]);
    expect(archInView()).toBe(true);
    arrive();
    expect(kiosk.getState().attractPanelId).toBeNull();
    expect(archInView()).toBe(true);
    // And round again.
    vi.advanceTimersByTime(REST_MS);
    arrive();
    expect(archInView()).toBe(false);
    // A visit, then the reset, start over at the entrance.
    controller.startVisit();
    expect(archInView()).toBe(true);
    controller.reset();
    expect(kiosk.getState()).toMatchObject({ phase: 'attract', attractPanelId: null, attractHeading: null });
  });

  it('waits for the content before touring', () => {
    store = createExhibitionStore(modeOptions('kiosk'));
    start();
    controller.startVisit(); // nothing to visit yet
    expect(kiosk.getState().phase).toBe('attract');
    vi.advanceTimersByTime(60_000);
    expect(store.getState().cameraGoal).toBeNull();
    store.getState().contentLoaded(exhibition, []);
    settle(); // the rig cuts to the corridor's start
    vi.advanceTimersByTime(300 + REST_MS);
    expect(store.getState().focusPanelId).toBe(ORDER[0]);
  });

  it('a warning length from the URL (?warn=) replaces the default, never longer than the idle time', () => {
    start(16, 6);
    controller.startVisit();
    vi.advanceTimersByTime(9_999);
    expect(kiosk.getState().warning).toBeNull();
    vi.advanceTimersByTime(1);
    expect(kiosk.getState().warning).toBe(6);
    vi.advanceTimersByTime(6_000);
    expect(kiosk.getState()).toMatchObject({ phase: 'attract', warning: null, resets: 1 });

    controller.stop();
    start(5, 60);
    controller.startVisit();
    // The whole idle time is the warning: it starts at once, from 5.
    vi.advanceTimersByTime(0);
    expect(kiosk.getState().warning).toBe(5);
  });

  it('input keeps the visit going; silence brings the warning, then the reset undoes everything', () => {
    start(30);
    controller.startVisit();
    const state = () => store.getState();
    vi.advanceTimersByTime(15_000);
    state().openPanel(ORDER[1] as string);
    state().setLang('en');
    state().setDirectoryOpen(true);
    motionInput.forward = 1;
    input.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(19_999);
    expect(kiosk.getState().warning).toBeNull();
    vi.advanceTimersByTime(1);
    expect(kiosk.getState().warning).toBe(10);
    vi.advanceTimersByTime(3_000);
    expect(kiosk.getState().warning).toBe(7);
    expect(state().openPanelId).toBe(ORDER[1]);

    vi.advanceTimersByTime(7_000);
    expect(kiosk.getState()).toMatchObject({ phase: 'attract', warning: null, resets: 1 });
    expect(state()).toMatchObject({ openPanelId: null, focusPanelId: null, lang: 'zh', directoryOpen: false, view: 'corridor' });
    expect(motionInput.forward).toBe(0);
    expect(goalTarget()).toEqual({ instant: true, focus: null });
    // The card was read from its opening to the reset (15 s in, reset at 45 s: 30 s).
    expect(stats.snapshot().days['2025-07-01']).toEqual({
      visits: 1,
      visitSeconds: 45,
      boards: { [ORDER[1] as string]: { opens: 1, seconds: 30 } },
    });
    // …and the attract loop runs again, once the rig has cut to the entrance.
    settle();
    vi.advanceTimersByTime(300 + REST_MS);
    expect(state().focusPanelId).toBe(ORDER[0]);
  });

  it('during the warning only the dialog continues the visit (a stray pointerdown does not)', () => {
    start(20);
    controller.startVisit();
    vi.advanceTimersByTime(12_000);
    expect(kiosk.getState().warning).toBe(8);
    input.dispatchEvent(new Event('pointerdown'));
    expect(kiosk.getState().warning).toBe(8);
    controller.continueVisit();
    expect(kiosk.getState().warning).toBeNull();
    expect(kiosk.getState().phase).toBe('visit');
    vi.advanceTimersByTime(9_999);
    expect(kiosk.getState().warning).toBeNull();
    vi.advanceTimersByTime(20_001);
    expect(kiosk.getState().phase).toBe('attract');
  });

  it('resetVisitorState alone closes the card, the directory, the notice and the problems list', () => {
    store.getState().openPanel(ORDER[0] as string);
    store.getState().toggleLang();
    store.getState().showView('problems');
    store.getState().openPanel('no-such-panel');
    resetVisitorState(store);
    expect(store.getState()).toMatchObject({
      openPanelId: null,
      lang: 'zh',
      view: 'corridor',
      notice: null,
      directoryOpen: false,
    });
  });

  it('takes a waiting new version at the reset instead of touring (the page reloads)', () => {
    start(20);
    controller.startVisit();
    reloading = true;
    vi.advanceTimersByTime(20_000);
    expect(kiosk.getState().phase).toBe('attract');
    const goal = store.getState().cameraGoal;
    vi.advanceTimersByTime(60_000);
    expect(store.getState().cameraGoal).toBe(goal);
  });

  it('the admin screen stops the tour and closes itself after the idle time', () => {
    start(20);
    controller.openAdmin();
    expect(kiosk.getState().phase).toBe('admin');
    const goal = store.getState().cameraGoal;
    vi.advanceTimersByTime(10_000);
    expect(store.getState().cameraGoal).toBe(goal);
    expect(kiosk.getState().warning).toBe(10);
    vi.advanceTimersByTime(10_000);
    expect(kiosk.getState().phase).toBe('attract');
    expect(stats.snapshot().days).toEqual({}); // staff are not visitors
  });

  it('stop() removes its listeners and timers', () => {
    start(20);
    controller.startVisit();
    controller.stop();
    expect(vi.getTimerCount()).toBe(0);
    input.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(60_000);
    expect(kiosk.getState().phase).toBe('visit');
  });
});
