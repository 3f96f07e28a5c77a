/** The benchmark's arithmetic and budgets (tests/bench/budgets.ts), on figures made up here. */
import { describe, expect, it } from 'vitest';
import {
  type BenchFigures,
  checkBudgets,
  formatTable,
  KB,
  type LoadRun,
  MB,
  median,
  summarise,
  tableRows,
} from '../bench/budgets.ts';

const run = (overrides: Partial<LoadRun> = {}): LoadRun => ({
  js: 300 * KB,
  css: 2 * KB,
  font: 80 * KB,
  firstFrameMs: 1000,
  textReadyMs: 4000,
  walkFrameMs: 40,
  longestTaskMs: 120,
  blockingMs: 300,
  calls: 1,
  triangles: 8,
  textures: 2,
  textureBytes: MB,
  buffers: 4,
  bufferBytes: 1000,
  idleFrames: 0,
  heapBefore: 10 * MB,
  heapAfter: 11 * MB,
  ...overrides,
});

const figures = (exhibit: Partial<LoadRun>, rest: Partial<BenchFigures> = {}): BenchFigures => ({
  exhibit: summarise([run(exhibit)]),
  floor: summarise([run()]),
  presentIdleFrames: 0,
  shippedMaxCalls: 90,
  scaledMaxCalls: 180,
  large: { panels: 500, loaded: true, walked: true, maxCalls: 120 },
  cycles: 200,
  phone: { longestTaskMs: 150, blockingMs: 200 },
  ...rest,
});

describe('median and summarise', () => {
  it('take the middle value of each figure, averaging the two middles of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([Number.NaN, 5, 1])).toBe(3);
    expect(median([Number.NaN])).toBeNaN();
    const summary = summarise([run({ firstFrameMs: 900 }), run({ firstFrameMs: 3000 }), run({ firstFrameMs: 1100 })]);
    expect(summary.firstFrameMs).toBe(1100);
    expect(summary.js).toBe(300 * KB);
  });
});

describe('checkBudgets', () => {
  it('holds when every figure is within its budget', () => {
    const results = checkBudgets(figures({ js: 379 * KB, firstFrameMs: 1490 }));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results).toHaveLength(13);
  });

  it('names each budget that does not hold', () => {
    const failing = checkBudgets(
      figures(
        {
          js: 381 * KB,
          firstFrameMs: 1600,
          font: 105 * KB,
          textReadyMs: 10_001,
          idleFrames: 2,
          longestTaskMs: 201,
          walkFrameMs: 101,
          heapAfter: 16 * MB,
        },
        {
          phone: { longestTaskMs: 250, blockingMs: 400 },
          presentIdleFrames: 1,
          shippedMaxCalls: 151,
          scaledMaxCalls: 301,
          large: { panels: 500, loaded: true, walked: false, maxCalls: 0 },
        },
      ),
    ).filter((result) => !result.ok);
    expect(failing.map((result) => result.name)).toEqual([
      'initial JS (gzip) ≤ floor + 80 kB',
      'first frame ≤ 1.5 × floor',
      'initial fonts ≤ 1.3 × floor',
      'all visible text ready ≤ 2.5 × floor',
      'frames in 10 s idle, visitor mode',
      'frames in 10 s idle, projector mode',
      'draw calls, any viewpoint, shipped corridor',
      'draw calls, any viewpoint, 4× the panels',
      'longest task after the first frame, 1280×720',
      'longest task after the first frame, phone',
      'frame time while walking ≤ 2.5 × floor',
      'JS heap growth after 200 card cycles',
      '500-panel pack loads and walks (0 = yes)',
    ]);
    expect(failing[0]?.value).toBeCloseTo(381);
    expect(failing[0]?.limit).toBeCloseTo(380);
  });

  // Issue 20, the walk's adaptive resolution: the walk's frame time against the floor's (40 ms here).
  it('holds the walk to 2.5 × the floor’s frame time, and not a walk that drew no frames', () => {
    const walking = (walkFrameMs: number) =>
      checkBudgets(figures({ walkFrameMs })).find((result) => result.name === 'frame time while walking ≤ 2.5 × floor');
    expect(walking(100)).toMatchObject({ ok: true, value: 2.5, limit: 2.5, unit: '×' });
    expect(walking(101)?.ok).toBe(false);
    expect(walking(Number.NaN)?.ok).toBe(false);
  });

  // Issue 20: the fonts against the floor's (80 kB here) and the text against its time (4 s here).
  it('holds the fonts to 1.3 × the floor’s bytes and the text ready to 2.5 × its time, exactly at the limit', () => {
    const named = (name: string, exhibit: Partial<LoadRun>) =>
      checkBudgets(figures(exhibit)).find((result) => result.name === name);
    expect(named('initial fonts ≤ 1.3 × floor', { font: 104 * KB })).toMatchObject({ ok: true, limit: 1.3, unit: '×' });
    expect(named('initial fonts ≤ 1.3 × floor', { font: 104 * KB })?.value).toBeCloseTo(1.3);
    expect(named('initial fonts ≤ 1.3 × floor', { font: 105 * KB })?.ok).toBe(false);
    expect(named('all visible text ready ≤ 2.5 × floor', { textReadyMs: 10_000 })).toMatchObject({ ok: true, value: 2.5 });
    expect(named('all visible text ready ≤ 2.5 × floor', { textReadyMs: 10_001 })?.ok).toBe(false);
    expect(named('all visible text ready ≤ 2.5 × floor', { textReadyMs: Number.NaN })?.ok).toBe(false);
  });

  it('treats a figure that could not be measured as a failure, not a pass', () => {
    const [js] = checkBudgets(figures({ js: Number.NaN }));
    expect(js?.ok).toBe(false);
    const phone = checkBudgets(figures({}, { phone: { longestTaskMs: Number.NaN, blockingMs: 0 } })).find((result) =>
      result.name.endsWith('phone'),
    );
    expect(phone?.ok).toBe(false);
  });

  it('allows a longest task of 200 ms after the first frame, and not one millisecond more', () => {
    const longest = (ms: number) =>
      checkBudgets(figures({ longestTaskMs: ms })).find(
        (result) => result.name === 'longest task after the first frame, 1280×720',
      );
    expect(longest(200)?.ok).toBe(true);
    expect(longest(201)?.ok).toBe(false);
    expect(longest(201)?.limit).toBe(200);
    // A run with no long task at all (the floor's) holds.
    expect(longest(0)?.ok).toBe(true);
  });
});

describe('the table', () => {
  it('puts each figure beside the floor with its ratio', () => {
    const rows = tableRows(figures({ firstFrameMs: 1500, idleFrames: 0 }, {}));
    expect(rows.find((row) => row.figure === 'first rendered frame')).toEqual({
      figure: 'first rendered frame',
      exhibit: '1500 ms',
      floor: '1000 ms',
      ratio: '1.50×',
    });
    expect(rows.find((row) => row.figure === 'frames in 10 s idle')?.ratio).toBe('—');
    // The main thread's long tasks after the first frame, beside the floor's.
    const longest = tableRows(figures({ longestTaskMs: 600 })).find((row) => row.figure === 'longest task after the first frame');
    expect(longest).toEqual({ figure: 'longest task after the first frame', exhibit: '600 ms', floor: '120 ms', ratio: '5.00×' });
    expect(rows.find((row) => row.figure === 'total blocking time after the first frame')?.exhibit).toBe('300 ms');
    // Issue 20: frames per second while walking, from the median frame time (40 ms: 25 a second).
    expect(tableRows(figures({ walkFrameMs: 80 })).find((row) => row.figure === 'frames per second while walking')).toEqual({
      figure: 'frames per second while walking',
      exhibit: '12.5',
      floor: '25.0',
      ratio: '0.50×',
    });
    const text = formatTable(['a', 'bb'], [['long cell', 'x']]);
    expect(text.split('\n')).toEqual(['| a         | bb |', '|-----------|----|', '| long cell | x  |']);
  });
});
