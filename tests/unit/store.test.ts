import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import type { ContentProblem } from '../../src/content/problems.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { type BoardPlacement, layoutCorridor } from '../../src/layout/corridor.ts';
import { livePose } from '../../src/store/live.ts';
import { isFullyLoaded, LOADING_GIVE_UP_MS, progressFraction, startLoadingGiveUp } from '../../src/store/progress.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import type { CameraGoal, LoadingProgress } from '../../src/store/types.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';
import { modeOptions } from '../support/modes.ts';

/** Three sections: a (3 panels), b (2 panels), c (4 panels). */
function makeExhibition(): Exhibition {
  return testExhibition([testSection('a', 3), testSection('b', 2), testSection('c', 4)]);
}

const exhibition = makeExhibition();
const layout = layoutCorridor(exhibition);
const ORDER = allPanels(exhibition).map((panel) => panel.id);

function board(panelId: string): BoardPlacement {
  const found = layout.boards.find((candidate) => candidate.panelId === panelId);
  if (!found) throw new Error(`no board ${panelId}`);
  return found;
}

function viewpointGoal(goal: CameraGoal | null) {
  if (goal?.kind !== 'viewpoint') throw new Error(`expected a viewpoint goal, got ${JSON.stringify(goal)}`);
  return goal;
}

const problems: ContentProblem[] = [
  { severity: 'warning', file: 'assets/content/a.json', path: 'panels[0]', zh: '注意', en: 'note' },
];

let store: ExhibitionStore;

function loadedStore(): ExhibitionStore {
  const created = createExhibitionStore();
  created.getState().contentLoaded(exhibition, problems);
  return created;
}

beforeEach(() => {
  // The live pose is module state shared with the camera rig: start every test at the entrance.
  livePose.position = [...layout.start.position];
  livePose.yaw = 0;
  livePose.pitch = 0;
  store = loadedStore();
});

describe('loading', () => {
  it('starts loading, with nothing open and no layout', () => {
    const state = createExhibitionStore().getState();
    expect(state.status).toBe('loading');
    expect(state.layout).toBeNull();
    expect(state.openPanelId).toBeNull();
    expect(state.lang).toBe('zh');
    expect(state.mode).toBe('visitor');
  });

  it('takes the initial mode and language', () => {
    const state = createExhibitionStore({ ...modeOptions('kiosk'), lang: 'en' }).getState();
    expect(state.mode).toBe('kiosk');
    expect(state.lang).toBe('en');
  });

  it('contentLoaded lays out the corridor and places the camera at the start at once', () => {
    const state = store.getState();
    expect(state.status).toBe('ready');
    expect(state.exhibition).toBe(exhibition);
    expect(state.problems).toEqual(problems);
    expect(state.layout).toEqual(layout);
    expect(state.progress.contentReady).toBe(true);
    const goal = viewpointGoal(state.cameraGoal);
    expect(goal.viewpoint).toEqual(layout.start);
    expect(goal.instant).toBe(true);
  });

  it('contentFailed records the problems', () => {
    const failing = createExhibitionStore();
    failing.getState().contentFailed(problems);
    expect(failing.getState().status).toBe('failed');
    expect(failing.getState().problems).toEqual(problems);
  });

  it('a panel route that arrives before the content is kept, then applied at once when it loads', () => {
    const early = createExhibitionStore();
    early.getState().applyRoute({ kind: 'panel', id: 'b2' });
    expect(early.getState().pendingRoute).toEqual({ kind: 'panel', id: 'b2' });
    expect(early.getState().openPanelId).toBeNull();
    expect(early.getState().cameraGoal).toBeNull();

    early.getState().contentLoaded(exhibition, []);
    const state = early.getState();
    expect(state.pendingRoute).toBeNull();
    expect(state.openPanelId).toBe('b2');
    expect(state.focusPanelId).toBe('b2');
    const goal = viewpointGoal(state.cameraGoal);
    expect(goal.viewpoint).toEqual(board('b2').viewpoint);
    // A deep link starts at its panel rather than gliding there from the entrance.
    expect(goal.instant).toBe(true);
  });

  it('a pending route to an unknown panel turns into a notice once the content loads', () => {
    const early = createExhibitionStore();
    early.getState().applyRoute({ kind: 'panel', id: 'nope' });
    early.getState().contentLoaded(exhibition, []);
    expect(early.getState().openPanelId).toBeNull();
    expect(early.getState().notice).toEqual({ kind: 'unknown-panel', id: 'nope' });
    expect(viewpointGoal(early.getState().cameraGoal).viewpoint).toEqual(layout.start);
  });

  it('the last route to arrive before the content wins', () => {
    const early = createExhibitionStore();
    early.getState().applyRoute({ kind: 'panel', id: 'a1' });
    early.getState().applyRoute({ kind: 'problems' });
    early.getState().contentLoaded(exhibition, []);
    expect(early.getState().view).toBe('problems');
    expect(early.getState().openPanelId).toBeNull();
  });
});

describe('panels', () => {
  it('openPanel opens the card, focuses the board and sends the camera to its viewpoint', () => {
    const before = store.getState().cameraGoal;
    store.getState().openPanel('b1');
    const state = store.getState();
    expect(state.openPanelId).toBe('b1');
    expect(state.focusPanelId).toBe('b1');
    const goal = viewpointGoal(state.cameraGoal);
    expect(goal.viewpoint).toEqual(board('b1').viewpoint);
    expect(goal.instant).toBe(false);
    expect(goal.seq).not.toBe(before?.seq);
  });

  it('openPanel closes the directory and clears a notice', () => {
    store.getState().setDirectoryOpen(true);
    store.getState().openPanel('nope');
    expect(store.getState().notice).not.toBeNull();
    store.getState().openPanel('a2');
    expect(store.getState().directoryOpen).toBe(false);
    expect(store.getState().notice).toBeNull();
  });

  it('an unknown id gives a notice and opens no card', () => {
    const goalBefore = store.getState().cameraGoal;
    store.getState().openPanel('no-such-panel');
    const state = store.getState();
    expect(state.notice).toEqual({ kind: 'unknown-panel', id: 'no-such-panel' });
    expect(state.openPanelId).toBeNull();
    expect(state.cameraGoal).toBe(goalBefore);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('closePanel closes the card but keeps the focus', () => {
    store.getState().openPanel('c3');
    store.getState().closePanel();
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().focusPanelId).toBe('c3');
  });

  it('stepPanel with a card open walks the whole exhibition in order, across sections, and stops at the ends', () => {
    store.getState().openPanel(ORDER[0] ?? '');
    const visited = [store.getState().openPanelId];
    for (let i = 0; i < ORDER.length + 1; i++) {
      store.getState().stepPanel(1);
      visited.push(store.getState().openPanelId);
      expect(viewpointGoal(store.getState().cameraGoal).viewpoint).toEqual(board(store.getState().openPanelId ?? '').viewpoint);
    }
    expect(visited).toEqual([...ORDER, ORDER[ORDER.length - 1], ORDER[ORDER.length - 1]]);

    const back = [store.getState().openPanelId];
    for (let i = 0; i < ORDER.length + 1; i++) {
      store.getState().stepPanel(-1);
      back.push(store.getState().openPanelId);
    }
    expect(back).toEqual([...[...ORDER].reverse(), ORDER[0], ORDER[0]]);
  });

  it('stepPanel crosses from the last panel of a section to the first of the next', () => {
    store.getState().openPanel('a3');
    store.getState().stepPanel(1);
    expect(store.getState().openPanelId).toBe('b1');
    store.getState().stepPanel(-1);
    expect(store.getState().openPanelId).toBe('a3');
  });

  it('stepPanel without a card moves the focus and the camera only', () => {
    store.getState().stepPanel(1);
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().focusPanelId).toBe('a1');
    expect(viewpointGoal(store.getState().cameraGoal).viewpoint).toEqual(board('a1').viewpoint);
    store.getState().stepPanel(1);
    store.getState().stepPanel(1);
    store.getState().stepPanel(1);
    expect(store.getState().focusPanelId).toBe('b1');
    expect(store.getState().openPanelId).toBeNull();
    store.getState().stepPanel(-1);
    expect(store.getState().focusPanelId).toBe('a3');
  });

  it('stepPanel without card or focus counts from where the visitor stands', () => {
    livePose.position = [...board('c1').viewpoint.position];
    livePose.position[2] -= 0.5;
    store.getState().stepPanel(1);
    expect(ORDER.indexOf(store.getState().focusPanelId ?? '')).toBeGreaterThan(ORDER.indexOf('c1'));
  });

  it('stepPanel after closing a card goes on from that card', () => {
    store.getState().openPanel('b2');
    store.getState().closePanel();
    store.getState().stepPanel(1);
    expect(store.getState().focusPanelId).toBe('c1');
    expect(store.getState().openPanelId).toBeNull();
  });

  it('focusPanel ignores unknown ids', () => {
    store.getState().focusPanel('b1');
    store.getState().focusPanel('nope');
    expect(store.getState().focusPanelId).toBe('b1');
  });

  it('openPanelInView opens the board the visitor looks at', () => {
    const target = board('c2');
    livePose.position = [...target.viewpoint.position];
    livePose.yaw = target.wall === 'left' ? Math.PI / 2 : -Math.PI / 2;
    store.getState().openPanelInView();
    expect(store.getState().openPanelId).toBe('c2');
  });

  it('openPanelInView does nothing when no board is in view', () => {
    store.getState().openPanelInView();
    expect(store.getState().openPanelId).toBeNull();
  });
});

describe('moving about', () => {
  it('walkTo keeps the goal on the walkable floor, a reading distance from the boards', () => {
    const bounds = layout.walkBounds;
    expect(bounds.maxX).toBeLessThan(layout.bounds.maxX);
    store.getState().walkTo(0.2, -5);
    expect(store.getState().cameraGoal).toMatchObject({ kind: 'walk', x: 0.2, z: -5 });
    store.getState().walkTo(100, 100);
    expect(store.getState().cameraGoal).toMatchObject({ kind: 'walk', x: bounds.maxX, z: bounds.maxZ });
    store.getState().walkTo(-100, -1000);
    expect(store.getState().cameraGoal).toMatchObject({ kind: 'walk', x: bounds.minX, z: bounds.minZ });
  });

  it('walking to the same place twice makes two distinct goals', () => {
    store.getState().walkTo(0, -3);
    const first = store.getState().cameraGoal;
    store.getState().walkTo(0, -3);
    expect(store.getState().cameraGoal?.seq).not.toBe(first?.seq);
  });

  it('walkTo does nothing before the content loads', () => {
    const early = createExhibitionStore();
    early.getState().walkTo(0, -3);
    expect(early.getState().cameraGoal).toBeNull();
  });

  it('goToEntrance closes the card, clears the focus and glides back to the start', () => {
    store.getState().openPanel('c4');
    store.getState().goToEntrance();
    const state = store.getState();
    expect(state.openPanelId).toBeNull();
    expect(state.focusPanelId).toBeNull();
    const goal = viewpointGoal(state.cameraGoal);
    expect(goal.viewpoint).toEqual(layout.start);
    expect(goal.instant).toBe(false);
  });
});

describe('language and views', () => {
  it('toggleLang switches between Chinese and English', () => {
    expect(store.getState().lang).toBe('zh');
    store.getState().toggleLang();
    expect(store.getState().lang).toBe('en');
    store.getState().toggleLang();
    expect(store.getState().lang).toBe('zh');
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
  });

  it('showView("problems") closes the card; back to the corridor keeps none open', () => {
    store.getState().openPanel('a1');
    store.getState().showView('problems');
    expect(store.getState().view).toBe('problems');
    expect(store.getState().openPanelId).toBeNull();
    store.getState().showView('corridor');
    expect(store.getState().view).toBe('corridor');
  });
});

describe('applyRoute', () => {
  it('home closes the card and shows the corridor', () => {
    store.getState().openPanel('a2');
    store.getState().applyRoute({ kind: 'home' });
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().view).toBe('corridor');
  });

  it('panel opens it, coming back from the problems view', () => {
    store.getState().applyRoute({ kind: 'problems' });
    store.getState().applyRoute({ kind: 'panel', id: 'c1' });
    expect(store.getState().view).toBe('corridor');
    expect(store.getState().openPanelId).toBe('c1');
    expect(viewpointGoal(store.getState().cameraGoal).viewpoint).toEqual(board('c1').viewpoint);
  });

  it('an unknown panel closes the card and leaves a notice', () => {
    store.getState().openPanel('a1');
    store.getState().applyRoute({ kind: 'panel', id: 'gone' });
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'gone' });
  });

  it('problems shows the problems view with no card', () => {
    store.getState().openPanel('b1');
    store.getState().applyRoute({ kind: 'problems' });
    expect(store.getState().view).toBe('problems');
    expect(store.getState().openPanelId).toBeNull();
  });

  it('unknown shows the corridor with a notice naming the path', () => {
    store.getState().applyRoute({ kind: 'problems' });
    store.getState().applyRoute({ kind: 'unknown', path: '/text/x' });
    expect(store.getState().view).toBe('corridor');
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'unknown-route', path: '/text/x' });
  });
});

describe('the loading clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives up waiting after a minute, once, for every waiter alike', () => {
    const loading = createExhibitionStore();
    const stop = startLoadingGiveUp(loading);
    vi.advanceTimersByTime(LOADING_GIVE_UP_MS - 1);
    expect(loading.getState().loadingGaveUp).toBe(false);
    vi.advanceTimersByTime(1);
    expect(loading.getState().loadingGaveUp).toBe(true);
    stop();
    expect(LOADING_GIVE_UP_MS).toBe(60_000);
  });

  it('stops without giving up when stopped first', () => {
    const loading = createExhibitionStore();
    startLoadingGiveUp(loading)();
    vi.advanceTimersByTime(LOADING_GIVE_UP_MS * 2);
    expect(loading.getState().loadingGaveUp).toBe(false);
  });
});

describe('progress', () => {
  const progress = (change: Partial<LoadingProgress>): LoadingProgress => ({
    contentReady: false,
    fontReady: false,
    texturesLoaded: 0,
    texturesTotal: 0,
    textsReady: 0,
    textsTotal: 0,
    ...change,
  });

  it('counts from 0 to 1 and is full only when every part is done', () => {
    const nothing = progress({ texturesTotal: 4 });
    const all = progress({
      contentReady: true,
      fontReady: true,
      texturesLoaded: 4,
      texturesTotal: 4,
      textsReady: 9,
      textsTotal: 9,
    });
    expect(progressFraction(nothing)).toBe(0);
    expect(progressFraction(all)).toBeCloseTo(1, 12);
    expect(isFullyLoaded(nothing)).toBe(false);
    expect(isFullyLoaded(all)).toBe(true);
    // Each missing part keeps it from being full, and lowers the fraction.
    const missing: Array<Partial<LoadingProgress>> = [
      { contentReady: false },
      { fontReady: false },
      { texturesLoaded: 3 },
      { textsReady: 8 },
    ];
    for (const change of missing) {
      const partial = { ...all, ...change };
      expect(isFullyLoaded(partial)).toBe(false);
      expect(progressFraction(partial)).toBeLessThan(1);
      expect(progressFraction(partial)).toBeGreaterThan(0);
    }
  });

  it('is not full before any text has been registered', () => {
    expect(isFullyLoaded(progress({ contentReady: true, fontReady: true }))).toBe(false);
  });

  it('the store’s progress actions add up to fully loaded', () => {
    const fresh = createExhibitionStore();
    expect(isFullyLoaded(fresh.getState().progress)).toBe(false);
    fresh.getState().contentLoaded(exhibition, []);
    fresh.getState().fontLoaded();
    fresh.getState().texturesProgress(1, 2);
    fresh.getState().textRegistered();
    fresh.getState().textRegistered();
    fresh.getState().textReady();
    const midway = fresh.getState().progress;
    expect(midway).toEqual({
      contentReady: true,
      fontReady: true,
      texturesLoaded: 1,
      texturesTotal: 2,
      textsReady: 1,
      textsTotal: 2,
    });
    expect(isFullyLoaded(midway)).toBe(false);
    const fractionMidway = progressFraction(midway);
    fresh.getState().texturesProgress(2, 2);
    fresh.getState().textReady();
    expect(isFullyLoaded(fresh.getState().progress)).toBe(true);
    expect(progressFraction(fresh.getState().progress)).toBeGreaterThan(fractionMidway);
    expect(progressFraction(fresh.getState().progress)).toBeCloseTo(1, 12);
  });

  it('each store keeps its own progress', () => {
    const one = createExhibitionStore();
    const two = createExhibitionStore();
    one.getState().fontLoaded();
    expect(two.getState().progress.fontReady).toBe(false);
  });
});
