/**
 * The benchmark's figures, how they are summarised, and the budgets they must hold (issue 7).
 * Pure: the benchmark measures, this decides; `tests/unit/benchBudgets.test.ts` tests it.
 */

/** One load of a page, as measured by the GL probe and the network. */
export interface LoadRun {
  /** Initial bytes (gzip) fetched until every visible text was ready, by kind. */
  js: number;
  css: number;
  font: number;
  /** ms from navigation start. */
  firstFrameMs: number;
  textReadyMs: number;
  /** Median ms between frames while walking. */
  walkFrameMs: number;
  /**
   * Main-thread tasks over 50 ms (PerformanceObserver `longtask`) from the first frame to the end
   * of the walk: the longest, and the total blocking time (each task's time past 50 ms, summed).
   */
  longestTaskMs: number;
  blockingMs: number;
  /** Draw calls and triangles of a frame at the start view. */
  calls: number;
  triangles: number;
  textures: number;
  textureBytes: number;
  buffers: number;
  bufferBytes: number;
  /** Frames drawn in 10 s of idle after the scene settled. */
  idleFrames: number;
  /** JS heap (bytes, after GC) before and after the card cycles. */
  heapBefore: number;
  heapAfter: number;
}

export type Summary = { [K in keyof LoadRun]: number };

/** The median of the finite values (a figure a run could not measure is left out), NaN if none. */
export function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of each figure over the runs. */
export function summarise(runs: LoadRun[]): Summary {
  const keys = Object.keys(runs[0] ?? {}) as Array<keyof LoadRun>;
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as Summary;
}

export interface BenchFigures {
  exhibit: Summary;
  floor: Summary;
  /** Frames in 10 s of idle in projector mode, after the first stop settled (median). */
  presentIdleFrames: number;
  /** The most draw calls of any viewpoint sampled, shipped content and 4× its panels. */
  shippedMaxCalls: number;
  scaledMaxCalls: number;
  /** The 500-panel pack: did it load and walk, and what it cost. */
  large: { panels: number; loaded: boolean; walked: boolean; maxCalls: number };
  cycles: number;
  /**
   * Issue 20 (long tasks): the same long-task figures from the first frame to text ready (+3 s)
   * on a phone's viewport (390×844, touch, 3 device pixels per CSS pixel), the median of the runs.
   */
  phone: { longestTaskMs: number; blockingMs: number };
}

export interface BudgetResult {
  name: string;
  value: number;
  limit: number;
  unit: string;
  ok: boolean;
}

export const KB = 1024;
export const MB = 1024 * 1024;

export function checkBudgets(figures: BenchFigures): BudgetResult[] {
  const { exhibit, floor } = figures;
  const budget = (name: string, value: number, limit: number, unit: string): BudgetResult => ({
    name,
    value,
    limit,
    unit,
    ok: Number.isFinite(value) && value <= limit,
  });
  return [
    budget('initial JS (gzip) ≤ floor + 80 kB', exhibit.js / KB, floor.js / KB + 80, 'kB'),
    budget('first frame ≤ 1.5 × floor', exhibit.firstFrameMs / floor.firstFrameMs, 1.5, '×'),
    // Issue 20: the start's fonts (one file per weight for the interface and the boards), and the
    // boards in view typeset first.
    budget('initial fonts ≤ 1.3 × floor', exhibit.font / floor.font, 1.3, '×'),
    budget('all visible text ready ≤ 2.5 × floor', exhibit.textReadyMs / floor.textReadyMs, 2.5, '×'),
    budget('frames in 10 s idle, visitor mode', exhibit.idleFrames, 0, 'frames'),
    budget('frames in 10 s idle, projector mode', figures.presentIdleFrames, 0, 'frames'),
    budget('draw calls, any viewpoint, shipped corridor', figures.shippedMaxCalls, 150, 'calls'),
    budget('draw calls, any viewpoint, 4× the panels', figures.scaledMaxCalls, 300, 'calls'),
    // Issue 20 (long tasks): no main-thread task over 200 ms once the first frame is drawn, 1280×720 and phone.
    budget('longest task after the first frame, 1280×720', exhibit.longestTaskMs, 200, 'ms'),
    budget('longest task after the first frame, phone', figures.phone.longestTaskMs, 200, 'ms'),
    // Issue 20, the walk's adaptive resolution: a CPU rasteriser walks at fewer pixels.
    budget('frame time while walking ≤ 2.5 × floor', exhibit.walkFrameMs / floor.walkFrameMs, 2.5, '×'),
    budget(`JS heap growth after ${figures.cycles} card cycles`, (exhibit.heapAfter - exhibit.heapBefore) / MB, 5, 'MB'),
    budget(
      `${figures.large.panels}-panel pack loads and walks (0 = yes)`,
      figures.large.loaded && figures.large.walked ? 0 : 1,
      0,
      '',
    ),
  ];
}

/** A figure beside the floor: value, floor, ratio. */
export interface Row {
  figure: string;
  exhibit: string;
  floor: string;
  ratio: string;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const count = (value: number) => `${Math.round(value)}`;

export function tableRows({ exhibit, floor, cycles }: BenchFigures): Row[] {
  const row = (figure: string, a: number, b: number, format: (value: number) => string): Row => ({
    figure,
    exhibit: format(a),
    floor: format(b),
    ratio: b > 0 ? `${(a / b).toFixed(2)}×` : a === 0 ? '—' : '∞',
  });
  return [
    row('initial JS (gzip)', exhibit.js, floor.js, kb),
    row('initial CSS (gzip)', exhibit.css, floor.css, kb),
    row('initial fonts', exhibit.font, floor.font, kb),
    row('first rendered frame', exhibit.firstFrameMs, floor.firstFrameMs, ms),
    row('all visible text ready', exhibit.textReadyMs, floor.textReadyMs, ms),
    row('frame time while walking', exhibit.walkFrameMs, floor.walkFrameMs, ms),
    // Issue 20, the walk's adaptive resolution: the same figure as a person counts it.
    row('frames per second while walking', 1000 / exhibit.walkFrameMs, 1000 / floor.walkFrameMs, (fps) => fps.toFixed(1)),
    row('longest task after the first frame', exhibit.longestTaskMs, floor.longestTaskMs, ms),
    row('total blocking time after the first frame', exhibit.blockingMs, floor.blockingMs, ms),
    row('draw calls (start view)', exhibit.calls, floor.calls, count),
    row('triangles (start view)', exhibit.triangles, floor.triangles, count),
    row('textures', exhibit.textures, floor.textures, count),
    row('texture memory', exhibit.textureBytes, floor.textureBytes, mb),
    row('buffers (geometry)', exhibit.buffers, floor.buffers, count),
    row('buffer memory', exhibit.bufferBytes, floor.bufferBytes, mb),
    row(`JS heap after ${cycles} card cycles`, exhibit.heapAfter, floor.heapAfter, mb),
    row(`JS heap growth over ${cycles} cycles`, exhibit.heapAfter - exhibit.heapBefore, floor.heapAfter - floor.heapBefore, mb),
    row('frames in 10 s idle', exhibit.idleFrames, floor.idleFrames, count),
  ];
}

/** A plain-text table, columns padded (CJK-free, so string length is width). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
