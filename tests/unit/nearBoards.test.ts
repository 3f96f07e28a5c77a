/**
 * Which boards hold a photo texture: the pure neighbourhood queries, the store's `nearBoardIds`
 * and the timer that samples the visitor's pose.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Exhibition, panelSchema } from '../../src/content/schema.ts';
import { type CorridorLayout, layoutCorridor, type Vec3 } from '../../src/layout/corridor.ts';
import {
  boardDistance,
  boardsWithin,
  NEAR_BOARDS,
  nearBoardIds,
  sameIdSet,
  TEXT_BOARDS,
  textBoardOptions,
} from '../../src/layout/queries.ts';
import { startTextureStreaming } from '../../src/scene/textureStreaming.ts';
import { livePose } from '../../src/store/live.ts';
import { createExhibitionStore } from '../../src/store/store.ts';

function exhibitionOf(count: number): Exhibition {
  const panels = Array.from({ length: count }, (_, index) =>
    panelSchema.parse({ id: `photo-${index}`, kind: 'event', title: `Photo ${index}` }),
  );
  return {
    title: '党史长廊',
    host: '德清县消防救援大队',
    theme: '党史长廊',
    sections: [
      { id: 'first', title: 'First', file: 'first.json', panels: panels.slice(0, count / 2) },
      { id: 'second', title: 'Second', file: 'second.json', panels: panels.slice(count / 2) },
    ],
  };
}

const layout: CorridorLayout = layoutCorridor(exhibitionOf(100));
const at = (id: string) => {
  const board = layout.boards.find((candidate) => candidate.panelId === id);
  if (!board) throw new Error(id);
  return board;
};
/** Standing at a board's viewpoint, in front of it (its twin on the other wall is farther). */
const besideBoard = (id: string): Vec3 => [...at(id).viewpoint.position];

describe('boardsWithin', () => {
  it('finds exactly the boards within the radius, nearest first', () => {
    const position = besideBoard('photo-40');
    const found = boardsWithin(layout, position, 8);
    expect(found.length).toBeGreaterThan(2);
    const expected = layout.boards.filter((board) => boardDistance(board, position) <= 8).map((board) => board.panelId);
    expect(found.map((board) => board.panelId).sort()).toEqual(expected.sort());
    const distances = found.map((board) => boardDistance(board, position));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(found[0]?.panelId).toBe('photo-40');
  });

  it('measures across the floor, not up to the board', () => {
    const board = at('photo-10');
    const below: Vec3 = [board.position[0] + 1, 0, board.position[2]];
    expect(boardDistance(board, below)).toBeCloseTo(1, 10);
  });

  it('finds nothing with a radius smaller than the distance to any board, and nothing in an empty corridor', () => {
    expect(boardsWithin(layout, [0, 1.6, 5], 1)).toEqual([]);
    expect(boardsWithin(layoutCorridor(exhibitionOf(0)), [0, 1.6, -5], 100)).toEqual([]);
  });
});

describe('nearBoardIds', () => {
  it('loads within the load radius, keeps boards until the release radius, nearest first', () => {
    const options = { loadRadius: 6, releaseRadius: 10, maxBoards: 100 };
    const start = besideBoard('photo-20');
    const near = nearBoardIds(layout, start, [], options);
    expect(near[0]).toBe('photo-20');
    for (const id of near) expect(boardDistance(at(id), start)).toBeLessThanOrEqual(6);
    expect(near).toEqual(boardsWithin(layout, start, 6).map((board) => board.panelId));

    // A few steps on: boards just beyond the load radius stay while within the release radius…
    const moved: Vec3 = [0, 1.6, start[2] - 3];
    const kept = nearBoardIds(layout, moved, near, options);
    const lingering = near.filter((id) => boardDistance(at(id), moved) > 6);
    expect(lingering.length).toBeGreaterThan(0);
    for (const id of lingering) expect(kept).toContain(id);
    // …but a fresh look from the same spot would not pick them up.
    for (const id of lingering) expect(nearBoardIds(layout, moved, [], options)).not.toContain(id);

    // Far down the corridor nothing of the old neighbourhood is left.
    const far: Vec3 = [0, 1.6, start[2] - 40];
    const later = nearBoardIds(layout, far, kept, options);
    for (const id of near) expect(later).not.toContain(id);
    for (const id of later) expect(boardDistance(at(id), far)).toBeLessThanOrEqual(10);
  });

  it('never holds more than maxBoards, keeping the nearest', () => {
    const position = besideBoard('photo-50');
    const capped = nearBoardIds(layout, position, [], { loadRadius: 30, releaseRadius: 30, maxBoards: 5 });
    expect(capped).toEqual(
      boardsWithin(layout, position, 30)
        .slice(0, 5)
        .map((board) => board.panelId),
    );
  });

  it('holds a bounded number of boards anywhere in a 100-board corridor with the defaults', () => {
    let previous: string[] = [];
    let most = 0;
    for (let z = layout.bounds.maxZ; z >= layout.bounds.minZ; z -= 0.5) {
      previous = nearBoardIds(layout, [0, 1.6, z], previous);
      most = Math.max(most, previous.length);
    }
    expect(most).toBeGreaterThan(10);
    expect(most).toBeLessThanOrEqual(NEAR_BOARDS.maxBoards);
  });
});

describe('sameIdSet', () => {
  it('compares as sets', () => {
    expect(sameIdSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameIdSet(['a', 'b'], ['a'])).toBe(false);
    expect(sameIdSet(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(sameIdSet([], [])).toBe(true);
  });
});

describe('the store', () => {
  it('changes nearBoardIds only when the set changes', () => {
    const store = createExhibitionStore();
    const changes = vi.fn();
    store.subscribe((state, previous) => {
      if (state.nearBoardIds !== previous.nearBoardIds) changes(state.nearBoardIds);
    });
    store.getState().setNearBoards(['a', 'b']);
    store.getState().setNearBoards(['b', 'a']);
    store.getState().setNearBoards(['a', 'b']);
    store.getState().setNearBoards(['a']);
    expect(changes.mock.calls).toEqual([[['a', 'b']], [['a']]]);
  });

  it('changes textBoardIds only when the set changes', () => {
    const store = createExhibitionStore();
    store.getState().setTextBoards(['a', 'b']);
    const first = store.getState().textBoardIds;
    store.getState().setTextBoards(['b', 'a']);
    expect(store.getState().textBoardIds).toBe(first);
    store.getState().setTextBoards([]);
    expect(store.getState().textBoardIds).toEqual([]);
  });

  it('records the photo manifest once fetched, or its absence', () => {
    const store = createExhibitionStore();
    expect(store.getState().photos).toEqual({ ready: false, manifest: null });
    store.getState().photosLoaded(null);
    expect(store.getState().photos).toEqual({ ready: true, manifest: null });
    const manifest = { version: 1 as const, photos: {} };
    store.getState().photosLoaded(manifest);
    expect(store.getState().photos).toEqual({ ready: true, manifest });
  });
});

describe('startTextureStreaming', () => {
  const saved = [...livePose.position] as [number, number, number];
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    livePose.position = [...saved];
  });

  it('samples the pose on a timer and updates the store only when the neighbourhood changes', () => {
    const store = createExhibitionStore();
    const updates = vi.fn();
    store.subscribe((state, previous) => {
      if (state.nearBoardIds !== previous.nearBoardIds) updates([...state.nearBoardIds]);
    });
    const stop = startTextureStreaming(store, { intervalMs: 250 });
    expect(updates).not.toHaveBeenCalled(); // no layout yet

    store.getState().contentLoaded(exhibitionOf(100), []);
    // A new layout is answered at once, around the entrance where the camera starts.
    expect(updates).toHaveBeenCalledTimes(1);
    expect(store.getState().nearBoardIds).toEqual(nearBoardIds(layout, layout.start.position, []));
    livePose.position = [...layout.start.position];

    // Standing still: no update, however long.
    vi.advanceTimersByTime(5000);
    expect(updates).toHaveBeenCalledTimes(1);

    // Walking far: one update at the next tick, not before.
    livePose.position = [...besideBoard('photo-60')];
    vi.advanceTimersByTime(200);
    expect(updates).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(updates).toHaveBeenCalledTimes(2);
    expect(store.getState().nearBoardIds[0]).toBe('photo-60');
    expect(store.getState().nearBoardIds).not.toContain('photo-2');

    stop();
    livePose.position = [...besideBoard('photo-90')];
    vi.advanceTimersByTime(1000);
    expect(updates).toHaveBeenCalledTimes(2);
  });

  it('sets the text of the boards within 30 m, fewer than all of a long corridor, and moves them with the visitor', () => {
    const store = createExhibitionStore();
    expect(store.getState().textBoardIds).toBeNull(); // until sampled: every board
    const stop = startTextureStreaming(store);
    store.getState().contentLoaded(exhibitionOf(100), []);
    const atEntrance = store.getState().textBoardIds ?? [];
    expect(atEntrance).toEqual(nearBoardIds(layout, layout.start.position, [], TEXT_BOARDS));
    // Wider than the photos' neighbourhood, narrower than a 100-board corridor.
    expect(atEntrance.length).toBeGreaterThan(store.getState().nearBoardIds.length);
    expect(atEntrance.length).toBeLessThan(100);
    for (const id of atEntrance) expect(boardDistance(at(id), layout.start.position)).toBeLessThanOrEqual(TEXT_BOARDS.loadRadius);

    livePose.position = [...besideBoard('photo-80')];
    vi.advanceTimersByTime(300);
    const later = store.getState().textBoardIds ?? [];
    expect(later[0]).toBe('photo-80');
    expect(later).not.toContain(atEntrance[0]);
    stop();
  });

  it('starts a deep link with the boards around its panel, not around the entrance', () => {
    const store = createExhibitionStore();
    const stop = startTextureStreaming(store);
    livePose.position = [0, 1.6, 0]; // the camera has not moved yet
    store.getState().applyRoute({ kind: 'panel', id: 'photo-70' });
    store.getState().contentLoaded(exhibitionOf(100), []);
    expect(store.getState().nearBoardIds[0]).toBe('photo-70');
    expect(store.getState().nearBoardIds).not.toContain('photo-0');
    stop();
  });
});

describe('textBoardOptions', () => {
  it('sets text within the device’s radius and releases it 8 m farther, the default being 30 m', () => {
    expect(textBoardOptions(18)).toEqual({ loadRadius: 18, releaseRadius: 26, maxBoards: 90 });
    expect(TEXT_BOARDS).toEqual(textBoardOptions(30));
  });
});
