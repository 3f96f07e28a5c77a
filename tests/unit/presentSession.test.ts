/**
 * The projector session against a real exhibition store: starting and resuming, stepping with
 * clamping, camera goals (glide, or cut with reduced motion), blank screens, paging through a
 * long panel, back/forward, and auto-advance with fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPresentSession,
  type Pager,
  type PresentSession,
  SLIDE_FADE_GIVE_UP_MS,
  SLIDE_FADE_GIVE_UP_WITH_VIEW_MS,
} from '../../src/modes/present/presentSession.ts';
import { startLoadingGiveUp } from '../../src/store/progress.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import type { CameraGoal } from '../../src/store/types.ts';
import { modeOptions } from '../support/modes.ts';
import { LESSON, makeExhibition, TIMED } from './presentFixtures.ts';

const exhibition = makeExhibition([LESSON, TIMED]);

function goal(store: ExhibitionStore): Extract<CameraGoal, { kind: 'viewpoint' }> {
  const current = store.getState().cameraGoal;
  if (current?.kind !== 'viewpoint') throw new Error(`expected a viewpoint goal, got ${JSON.stringify(current)}`);
  return current;
}

function boardViewpoint(store: ExhibitionStore, panelId: string) {
  return store.getState().layout?.boards.find((board) => board.panelId === panelId)?.viewpoint;
}

let store: ExhibitionStore;
let session: PresentSession | null = null;

function start(options: Partial<Parameters<typeof createPresentSession>[0]> = {}) {
  session = createPresentSession({ exhibition: store, tourId: 'lesson', ...options });
  return session;
}

/** A stand-in for the projector card's scrolling: `screens` screens, starting at the first. */
function fakePager(screens: number): Pager & { page: number } {
  const pager: Pager & { page: number } = {
    page: 1,
    down() {
      if (pager.page >= screens) return false;
      pager.page++;
      return true;
    },
    up() {
      if (pager.page <= 1) return false;
      pager.page--;
      return true;
    },
    toTop() {
      pager.page = 1;
    },
  };
  return pager;
}

const panelOf = (s: PresentSession) => s.tour()?.stops[s.store.getState().index]?.panel.id;

beforeEach(() => {
  store = createExhibitionStore(modeOptions('present'));
});

afterEach(() => {
  session?.dispose();
  session = null;
  vi.useRealTimers();
});

describe('starting a lesson', () => {
  it('waits for the content, then opens the first stop and glides there', async () => {
    const onBegin = vi.fn();
    const s = start({ onBegin });
    expect(s.store.getState().ready).toBe(false);
    store.getState().contentLoaded(exhibition, []);
    await Promise.resolve(); // the session begins right after the store has told everyone
    expect(s.store.getState()).toMatchObject({ ready: true, tourId: 'lesson', index: 0, count: 4, arrived: false });
    expect(store.getState().openPanelId).toBe('c2');
    expect(goal(store)).toMatchObject({ instant: false, viewpoint: boardViewpoint(store, 'c2') });
    expect(onBegin).toHaveBeenCalledOnce();
    expect(onBegin.mock.calls[0]?.[1]).toBe('c2');
    expect(onBegin.mock.calls[0]?.[2]).toBe(false);
  });

  it('a reload at #/panel/<id> resumes at that stop, with the card open and no new camera move', async () => {
    const onBegin = vi.fn();
    store.getState().applyRoute({ kind: 'panel', id: 'b2' }); // the hash, before the content arrives
    const s = start({ onBegin });
    store.getState().contentLoaded(exhibition, []);
    const arrival = store.getState().cameraGoal;
    await Promise.resolve();
    expect(s.store.getState()).toMatchObject({ index: 2, arrived: true });
    expect(store.getState().openPanelId).toBe('b2');
    expect(store.getState().cameraGoal).toBe(arrival); // the deep link's own cut, not a glide
    expect(goal(store).instant).toBe(true);
    expect(onBegin.mock.calls[0]?.[2]).toBe(true);
  });

  it('no tour in the URL runs every panel in order; an unknown one says so and does the same', () => {
    store.getState().contentLoaded(exhibition, []);
    const plain = createPresentSession({ exhibition: store, tourId: null });
    expect(plain.store.getState()).toMatchObject({ tourId: 'all', count: 9, unknownTourId: null });
    plain.dispose();
    const unknown = createPresentSession({ exhibition: store, tourId: 'nope' });
    expect(unknown.store.getState()).toMatchObject({ tourId: 'all', unknownTourId: 'nope' });
    unknown.dispose();
  });
});

describe('stepping through a tour', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('next and previous move a stop at a time, opening each panel; the ends hold', () => {
    const s = start({ motion: 'cut' });
    const seen = [store.getState().openPanelId];
    for (let i = 0; i < 3; i++) {
      s.run('next');
      seen.push(store.getState().openPanelId);
    }
    expect(seen).toEqual(['c2', 'a1', 'b2', 'c4']);
    expect(s.store.getState().index).toBe(3);
    s.run('previous');
    expect(store.getState().openPanelId).toBe('b2');
    s.run('previous');
    s.run('previous');
    s.run('previous');
    expect(store.getState().openPanelId).toBe('c2');
    expect(s.store.getState().index).toBe(0);
  });

  it('Home and End go to the first and the last stop', () => {
    const s = start({ motion: 'cut' });
    s.run('last');
    expect([s.store.getState().index, store.getState().openPanelId]).toEqual([3, 'c4']);
    s.run('first');
    expect([s.store.getState().index, store.getState().openPanelId]).toEqual([0, 'c2']);
  });

  it('each stop starts its own clock', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const s = start({ motion: 'cut', startedAt: 900_000 });
    expect(s.store.getState().startedAt).toBe(900_000);
    vi.advanceTimersByTime(30_000);
    s.run('next');
    expect(s.store.getState().stopStartedAt).toBe(1_030_000);
  });
});

describe('camera motion', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('glides from board to board, and the card waits until the camera has arrived', () => {
    const s = start({ motion: 'glide' });
    s.run('next');
    expect(goal(store)).toMatchObject({ instant: false, viewpoint: boardViewpoint(store, 'a1') });
    expect(s.store.getState().arrived).toBe(false);
    s.markArrived();
    expect(s.store.getState().arrived).toBe(true);
  });

  it('with reduced motion (or the M setting) every stop is an instant cut, and the card shows at once', () => {
    const onMotionChange = vi.fn();
    const s = start({ motion: 'cut', onMotionChange });
    expect(goal(store)).toMatchObject({ instant: true, viewpoint: boardViewpoint(store, 'c2') });
    for (const command of ['next', 'next', 'previous', 'last', 'first'] as const) {
      s.run(command);
      expect(goal(store).instant, command).toBe(true);
      expect(s.store.getState().arrived, command).toBe(true);
    }
    s.run('motion');
    expect(s.store.getState().motion).toBe('glide');
    expect(onMotionChange).toHaveBeenLastCalledWith('glide');
    s.run('next');
    s.slideHidden();
    expect(goal(store).instant).toBe(false);
  });
});

describe('between stops with the glide: the slide fades out before the camera sets off', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  /** A glide lesson whose first slide is showing (the camera has come to rest at c2). */
  function showing() {
    const s = start({ motion: 'glide' });
    s.markArrived();
    return s;
  }

  it('the camera waits for the slide to fade out; the next slide waits for the camera', () => {
    const s = showing();
    const before = store.getState().cameraGoal;
    s.run('next');
    // The slide fades out over a corridor standing still: nothing has moved yet.
    expect(s.store.getState()).toMatchObject({ index: 1, leaving: true, arrived: false });
    expect(store.getState().openPanelId).toBe('c2');
    expect(store.getState().cameraGoal).toBe(before);
    s.markArrived(); // a stray report while the camera has not set off counts for nothing
    expect(s.store.getState().arrived).toBe(false);
    s.slideHidden();
    expect(s.store.getState()).toMatchObject({ index: 1, leaving: false, arrived: false });
    expect(store.getState().openPanelId).toBe('a1');
    expect(goal(store)).toMatchObject({ instant: false, viewpoint: boardViewpoint(store, 'a1') });
    s.markArrived();
    expect(s.store.getState().arrived).toBe(true);
  });

  it('sets off anyway when no view says the slide has gone (soon without a view, late with one)', () => {
    vi.useFakeTimers({ now: 0 });
    const s = showing();
    s.run('next');
    vi.advanceTimersByTime(SLIDE_FADE_GIVE_UP_MS - 1);
    expect(store.getState().openPanelId).toBe('c2');
    vi.advanceTimersByTime(1);
    expect(s.store.getState().leaving).toBe(false);
    expect(store.getState().openPanelId).toBe('a1');
    // A view lends its pager: a slide still fading on a slow machine is waited for much longer.
    s.setPager(fakePager(1));
    s.markArrived();
    s.run('next');
    vi.advanceTimersByTime(SLIDE_FADE_GIVE_UP_WITH_VIEW_MS - 1);
    expect(store.getState().openPanelId).toBe('a1');
    vi.advanceTimersByTime(1);
    expect(store.getState().openPanelId).toBe('b2');
  });

  it('a second key while the slide fades out aims the camera at the newer stop, once', () => {
    const s = showing();
    s.run('next');
    s.run('next');
    expect(s.store.getState()).toMatchObject({ index: 2, leaving: true });
    expect(store.getState().openPanelId).toBe('c2');
    s.slideHidden();
    expect(store.getState().openPanelId).toBe('b2');
    s.slideHidden(); // a late second report changes nothing
    expect(store.getState().openPanelId).toBe('b2');
  });

  it('back to the slide that is fading out: it stays, and the camera never moves', () => {
    const s = showing();
    const before = store.getState().cameraGoal;
    s.run('next');
    s.run('previous');
    expect(s.store.getState()).toMatchObject({ index: 0, leaving: false, arrived: true });
    expect(store.getState().openPanelId).toBe('c2');
    expect(goal(store).viewpoint).toEqual((before as { viewpoint: unknown }).viewpoint);
  });

  it('a cut changes slides at once, and so does the same board again', () => {
    const s = start({ motion: 'cut' });
    s.run('next');
    expect(s.store.getState()).toMatchObject({ index: 1, leaving: false, arrived: true });
    expect(store.getState().openPanelId).toBe('a1');
  });

  it('the browser moving the camera (back) drops the slide at once: no fade over a moving corridor', () => {
    const s = showing();
    s.run('next');
    s.slideHidden();
    s.markArrived();
    store.getState().applyRoute({ kind: 'panel', id: 'c2' }); // the browser's back button
    expect(s.store.getState()).toMatchObject({ index: 0, leaving: false, arrived: false });
  });
});

describe('the end slide', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('next after the last screen of the last stop shows it; previous goes back to that screen; next holds', () => {
    const s = start({ motion: 'cut' });
    s.run('last');
    const pager = fakePager(2);
    s.setPager(pager);
    s.run('next');
    expect([s.store.getState().ended, pager.page]).toEqual([false, 2]);
    s.run('next');
    expect(s.store.getState()).toMatchObject({ ended: true, index: 3 });
    const goalAtEnd = store.getState().cameraGoal;
    s.run('next');
    s.run('next');
    expect(s.store.getState()).toMatchObject({ ended: true, index: 3 });
    expect(store.getState().cameraGoal).toBe(goalAtEnd); // the camera stays at the last board
    expect(store.getState().openPanelId).toBe('c4');
    s.run('previous');
    expect(s.store.getState()).toMatchObject({ ended: false, index: 3 });
    expect(pager.page).toBe(2);
    s.run('previous');
    expect([s.store.getState().index, pager.page]).toEqual([3, 1]);
  });

  it("Home, End and the presenter's list leave it; a blank screen over it comes back to it", () => {
    const s = start({ motion: 'cut' });
    s.run('last');
    s.run('next');
    s.run('black');
    s.run('next'); // only brings the picture back
    expect(s.store.getState()).toMatchObject({ ended: true, blank: 'none' });
    s.run('first');
    expect(s.store.getState()).toMatchObject({ ended: false, index: 0 });
    s.run('last');
    s.run('next');
    s.run('last');
    expect(s.store.getState()).toMatchObject({ ended: false, index: 3 });
    s.run('next');
    s.goTo(1);
    expect(s.store.getState()).toMatchObject({ ended: false, index: 1 });
    expect(store.getState().openPanelId).toBe('a1');
  });

  it('with the glide, leaving the end slide fades it out before the camera sets off', () => {
    const s = start({ motion: 'glide' });
    s.markArrived();
    s.run('last');
    s.slideHidden();
    s.markArrived();
    s.run('next');
    expect(s.store.getState().ended).toBe(true);
    s.run('first');
    expect(s.store.getState()).toMatchObject({ ended: false, leaving: true, index: 0 });
    expect(store.getState().openPanelId).toBe('c4');
    s.slideHidden();
    expect(store.getState().openPanelId).toBe('c2');
  });

  it('is not shown before the last stop has arrived', () => {
    const s = start({ motion: 'glide' });
    s.markArrived();
    s.run('last');
    s.slideHidden();
    s.run('next'); // still gliding to the last board
    expect(s.store.getState()).toMatchObject({ ended: false, index: 3 });
  });
});

describe('black and white screens', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('B blacks out and B restores; W whites out; one replaces the other; Esc restores', () => {
    const s = start({ motion: 'cut' });
    s.run('black');
    expect(s.store.getState().blank).toBe('black');
    s.run('black');
    expect(s.store.getState().blank).toBe('none');
    s.run('white');
    expect(s.store.getState().blank).toBe('white');
    s.run('black');
    expect(s.store.getState().blank).toBe('black');
    s.run('escape');
    expect(s.store.getState().blank).toBe('none');
    s.run('escape');
    expect(s.store.getState().blank).toBe('none');
  });

  it('a navigation key on a blank screen brings the picture back without moving on', () => {
    const s = start({ motion: 'cut' });
    s.run('next');
    for (const command of ['next', 'previous', 'first', 'last'] as const) {
      s.run('black');
      s.run(command);
      expect(s.store.getState(), command).toMatchObject({ blank: 'none', index: 1 });
      expect(store.getState().openPanelId).toBe('a1');
    }
  });
});

describe('paging through a long panel', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('next shows the rest of the panel before moving on; previous goes back up first', () => {
    const s = start({ motion: 'cut' });
    const pager = fakePager(3);
    s.setPager(pager);
    s.run('next');
    s.run('next');
    expect([s.store.getState().index, pager.page]).toEqual([0, 3]);
    s.run('next');
    expect(s.store.getState().index).toBe(1);
    pager.toTop(); // the card starts the new stop at its top
    s.run('previous');
    expect(s.store.getState().index).toBe(0);
    pager.page = 3;
    s.run('previous');
    expect([s.store.getState().index, pager.page]).toEqual([0, 2]);
  });

  it('while the camera is still gliding, next moves on: the card shown is the old one', () => {
    const s = start({ motion: 'glide' });
    const pager = fakePager(3);
    s.setPager(pager);
    expect(s.store.getState().arrived).toBe(false);
    s.run('next');
    expect([s.store.getState().index, pager.page]).toEqual([1, 1]);
  });

  it('Home on the first stop goes back to its first screen', () => {
    const s = start({ motion: 'cut' });
    const pager = fakePager(3);
    s.setPager(pager);
    s.run('next');
    s.run('next');
    s.run('first');
    expect([s.store.getState().index, pager.page]).toEqual([0, 1]);
  });

  it('keeps the page the card reports, for the presenter view', () => {
    const s = start();
    s.reportPage(2, 3);
    expect(s.store.getState()).toMatchObject({ page: 2, pages: 3 });
  });
});

describe('following the URL (back and forward)', () => {
  beforeEach(() => {
    store.getState().contentLoaded(exhibition, []);
  });

  it('a panel of the tour opened from outside (history) becomes the current stop', () => {
    const s = start({ motion: 'cut' });
    s.run('next');
    s.run('next');
    store.getState().applyRoute({ kind: 'panel', id: 'a1' }); // the browser's back button
    expect(s.store.getState().index).toBe(1);
    expect(goal(store)).toMatchObject({ instant: true, viewpoint: boardViewpoint(store, 'a1') });
    s.run('next');
    expect(store.getState().openPanelId).toBe('b2');
  });

  it('a panel the tour does not visit leaves the stop as it was', () => {
    const s = start({ motion: 'cut' });
    s.run('next');
    store.getState().openPanel('a3');
    expect(s.store.getState().index).toBe(1);
  });

  it('a closed card comes back with the first key, at the same stop', () => {
    const s = start({ motion: 'cut' });
    s.run('next');
    store.getState().applyRoute({ kind: 'home' });
    expect(store.getState().openPanelId).toBeNull();
    s.run('next');
    expect(store.getState().openPanelId).toBe('a1');
    expect(s.store.getState().index).toBe(1);
  });

  it("goTo (the presenter view's list) jumps to a stop and brings the picture back", () => {
    const s = start({ motion: 'cut' });
    s.run('black');
    s.goTo(3);
    expect(s.store.getState()).toMatchObject({ index: 3, blank: 'none' });
    expect(store.getState().openPanelId).toBe('c4');
  });

  it('the language command switches the exhibition language', () => {
    const s = start();
    s.run('lang');
    expect(store.getState().lang).toBe('en');
    s.run('lang');
    expect(store.getState().lang).toBe('zh');
  });
});

/** Fonts and every board's text ready: the loading screen goes and the room sees the corridor. */
function finishLoading(target: ExhibitionStore) {
  target.getState().fontLoaded();
  target.getState().textRegistered();
  target.getState().textReady();
}

describe('auto-advance', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    store.getState().contentLoaded(exhibition, []);
    finishLoading(store);
  });

  const timed = (options: Partial<Parameters<typeof createPresentSession>[0]> = {}) =>
    start({ tourId: 'timed', motion: 'cut', ...options });

  it("moves on after a stop's duration, waits at a stop without one, and ends with the end slide", () => {
    const s = timed();
    expect(s.store.getState()).toMatchObject({ index: 0, advanceAt: 10_000 });
    vi.advanceTimersByTime(9_999);
    expect(s.store.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(s.store.getState().index).toBe(1);
    expect(store.getState().openPanelId).toBe('a2');
    expect(s.store.getState().advanceAt).toBeNull(); // a2 has no duration: the presenter moves on
    vi.advanceTimersByTime(600_000);
    expect(s.store.getState().index).toBe(1);
    s.run('next');
    expect(s.store.getState().advanceAt).toBe(10_000 + 600_000 + 5_000);
    expect(panelOf(s)).toBe('a3');
    vi.advanceTimersByTime(4_999);
    expect(s.store.getState().ended).toBe(false);
    // After the last stop's time, the end slide; nothing counts down any more.
    vi.advanceTimersByTime(1);
    expect(s.store.getState()).toMatchObject({ index: 2, ended: true, advanceAt: null, advanceLeft: null });
    vi.advanceTimersByTime(600_000);
    expect(s.store.getState()).toMatchObject({ index: 2, ended: true });
  });

  it('P pauses the countdown where it is and resumes it with the time that was left', () => {
    const s = timed();
    vi.advanceTimersByTime(4_000);
    s.run('pause');
    expect(s.store.getState()).toMatchObject({ paused: true, advanceAt: null, advanceLeft: 6_000 });
    vi.advanceTimersByTime(60_000);
    expect(s.store.getState().index).toBe(0);
    s.run('pause');
    expect(s.store.getState()).toMatchObject({ paused: false, advanceAt: 70_000, advanceLeft: null });
    vi.advanceTimersByTime(5_999);
    expect(s.store.getState().index).toBe(0);
    vi.advanceTimersByTime(1);
    expect(s.store.getState().index).toBe(1);
  });

  it('stays paused from stop to stop until resumed', () => {
    const s = timed();
    s.run('pause');
    s.run('last');
    expect(s.store.getState()).toMatchObject({ index: 2, advanceAt: null, advanceLeft: 5_000 });
    vi.advanceTimersByTime(30_000);
    expect(s.store.getState().index).toBe(2);
    s.run('first');
    vi.advanceTimersByTime(30_000);
    expect(s.store.getState().index).toBe(0);
  });

  it('a blank screen holds the countdown too', () => {
    const s = timed();
    vi.advanceTimersByTime(7_000);
    s.run('black');
    vi.advanceTimersByTime(20_000);
    expect(s.store.getState()).toMatchObject({ index: 0, advanceLeft: 3_000 });
    s.run('black');
    vi.advanceTimersByTime(3_000);
    expect(s.store.getState().index).toBe(1);
  });

  it('a manual step restarts the countdown of the new stop', () => {
    const s = timed();
    vi.advanceTimersByTime(8_000);
    s.run('last');
    s.run('first');
    expect(s.store.getState().advanceAt).toBe(18_000);
    vi.advanceTimersByTime(9_000);
    expect(s.store.getState().index).toBe(0);
  });

  it('shows every screen of a long panel for the duration before moving on', () => {
    const s = timed();
    const pager = fakePager(2);
    s.setPager(pager);
    vi.advanceTimersByTime(10_000);
    expect([s.store.getState().index, pager.page]).toEqual([0, 2]);
    vi.advanceTimersByTime(10_000);
    expect(s.store.getState().index).toBe(1);
  });

  it('does not count behind the loading screen: it starts when the corridor shows', () => {
    const loading = createExhibitionStore(modeOptions('present'));
    loading.getState().contentLoaded(exhibition, []);
    const s = createPresentSession({ exhibition: loading, tourId: 'timed', motion: 'cut' });
    expect(s.store.getState()).toMatchObject({ index: 0, advanceAt: null, advanceLeft: 10_000 });
    vi.advanceTimersByTime(30_000);
    expect(s.store.getState().index).toBe(0);
    finishLoading(loading);
    expect(s.store.getState().advanceAt).toBe(40_000);
    vi.advanceTimersByTime(10_000);
    expect(s.store.getState().index).toBe(1);
    s.dispose();
  });

  it('once the corridor has shown, boards typeset later never hold a stop reached meanwhile', () => {
    const s = timed();
    // The boards behind the first view join as it is set: their text is typeset for seconds on a
    // busy CPU, so the progress is short of "fully loaded" again while the lesson goes on.
    store.getState().textRegistered();
    vi.advanceTimersByTime(10_000);
    expect(s.store.getState().index).toBe(1);
    s.run('next');
    expect(s.store.getState()).toMatchObject({ index: 2, advanceAt: 15_000, advanceLeft: null });
    store.getState().textReady();
    vi.advanceTimersByTime(5_000);
    expect(s.store.getState()).toMatchObject({ index: 2, ended: true });
  });

  it('a stop reached by the countdown while boards typeset counts down in turn (as in the e2e lesson)', () => {
    const everyFive = { id: 'five', title: '每站五秒', stops: ['a1', 'a2', 'a3'].map((panel) => ({ panel, duration: 5 })) };
    const busy = createExhibitionStore(modeOptions('present'));
    busy.getState().contentLoaded(makeExhibition([everyFive]), []);
    finishLoading(busy);
    const s = createPresentSession({ exhibition: busy, tourId: 'five', motion: 'cut' });
    busy.getState().textRegistered();
    vi.advanceTimersByTime(5_000);
    expect(busy.getState().openPanelId).toBe('a2');
    busy.getState().textReady();
    vi.advanceTimersByTime(5_000);
    expect(busy.getState().openPanelId).toBe('a3');
    s.dispose();
  });

  it('starts anyway when the loading screen gives up after a minute', () => {
    const stuck = createExhibitionStore(modeOptions('present'));
    // The page's one loading clock (src/boot/content.ts starts it with the content).
    const stopClock = startLoadingGiveUp(stuck);
    stuck.getState().contentLoaded(exhibition, []);
    const s = createPresentSession({ exhibition: stuck, tourId: 'timed', motion: 'cut' });
    vi.advanceTimersByTime(59_999);
    expect(s.store.getState().advanceAt).toBeNull();
    vi.advanceTimersByTime(1);
    expect(s.store.getState().advanceAt).toBe(70_000);
    vi.advanceTimersByTime(10_000);
    expect(s.store.getState().index).toBe(1);
    s.dispose();
    stopClock();
  });

  it('dispose stops the countdown', () => {
    const s = timed();
    s.dispose();
    vi.advanceTimersByTime(60_000);
    expect(store.getState().openPanelId).toBe('a1');
  });
});
