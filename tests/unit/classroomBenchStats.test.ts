/** The classroom bench's arithmetic: nearest-rank percentiles, the seeded random source, the RSS line. */
import { describe, expect, it } from 'vitest';
import { between, percentile, seededRandom, summarise, vmRssKb } from '../bench/classroom/stats.ts';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1, unsorted on purpose

  it('is the nearest rank: a value that was measured', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 1)).toBe(1);
    // Ten values: p95 is the tenth (rank ⌈9.5⌉), p50 the fifth.
    expect(percentile([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], 95)).toBe(9);
    expect(percentile([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], 50)).toBe(3);
  });

  it('is the one value of one, and null of none', () => {
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });

  it('leaves its input as it was', () => {
    const values = [5, 1, 3];
    percentile(values, 50);
    expect(values).toEqual([5, 1, 3]);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarise', () => {
  it('gives the count, p50, p95 and the max', () => {
    expect(summarise([10, 250, 30, 20, 40])).toEqual({ count: 5, p50: 30, p95: 250, max: 250 });
  });

  it('gives nulls for no values', () => {
    expect(summarise([])).toEqual({ count: 0, p50: null, p95: null, max: null });
  });

  it('copes with more values than a spread call takes', () => {
    const many = Array.from({ length: 300_000 }, (_, index) => index);
    expect(summarise(many)).toMatchObject({ count: 300_000, max: 299_999, p95: 284_999 });
  });
});

describe('seededRandom', () => {
  it('replays the same floats in [0, 1) for the same seed, and others for another', () => {
    const first = seededRandom(19);
    const again = seededRandom(19);
    const other = seededRandom(20);
    const a = Array.from({ length: 1000 }, first);
    expect(Array.from({ length: 1000 }, again)).toEqual(a);
    expect(Array.from({ length: 1000 }, other)).not.toEqual(a);
    for (const value of a) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    // Spread over the range, not stuck in a corner of it.
    const mean = a.reduce((sum, value) => sum + value, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('scales into a range with between()', () => {
    const random = seededRandom(7);
    for (let index = 0; index < 200; index++) {
      const value = between(random, 20, 400);
      expect(value).toBeGreaterThanOrEqual(20);
      expect(value).toBeLessThan(400);
    }
  });
});

describe('vmRssKb', () => {
  it('reads the VmRSS line of /proc/<pid>/status', () => {
    const status =
      'Name:\tnode\nVmPeak:\t 1200000 kB\nVmSize:\t 1100000 kB\nVmHWM:\t  170000 kB\nVmRSS:\t  158312 kB\nRssAnon:\t   90000 kB\n';
    expect(vmRssKb(status)).toBe(158_312);
  });

  it('is null without one (a zombie, or not Linux)', () => {
    expect(vmRssKb('Name:\tnode\nState:\tZ (zombie)\n')).toBeNull();
    expect(vmRssKb('')).toBeNull();
  });
});
