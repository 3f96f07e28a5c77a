/**
 * The kiosk's idle clock, on fake timers: the warning's countdown, input before and during it,
 * and the reset at the end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, warningSecondsFor } from '../../src/modes/kiosk/idleTimer.ts';

function makeTimer(idleSeconds = 90, warningSeconds = 10) {
  const events: string[] = [];
  const timer = new IdleTimer({
    idleMs: idleSeconds * 1000,
    warningMs: warningSeconds * 1000,
    onWarning: (seconds) => events.push(`warn ${seconds}`),
    onResume: () => events.push('resume'),
    onIdle: () => events.push('idle'),
  });
  return { timer, events };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-07-01T10:00:00'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('IdleTimer', () => {
  it('warns for the last 10 s, second by second, then goes idle once', () => {
    const { timer, events } = makeTimer(90, 10);
    timer.start();
    vi.advanceTimersByTime(79_999);
    expect(events).toEqual([]);
    expect(timer.state).toBe('counting');
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['warn 10']);
    expect(timer.state).toBe('warning');
    vi.advanceTimersByTime(9_000);
    expect(events).toEqual(['warn 10', 'warn 9', 'warn 8', 'warn 7', 'warn 6', 'warn 5', 'warn 4', 'warn 3', 'warn 2', 'warn 1']);
    vi.advanceTimersByTime(1_000);
    expect(events.at(-1)).toBe('idle');
    expect(timer.state).toBe('stopped');
    vi.advanceTimersByTime(600_000);
    expect(events.filter((event) => event === 'idle')).toHaveLength(1);
  });

  it('input before the warning starts the 90 s again, without warning', () => {
    const { timer, events } = makeTimer(90, 10);
    timer.start();
    vi.advanceTimersByTime(70_000);
    timer.activity();
    vi.advanceTimersByTime(79_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(events).toEqual(['warn 10']);
  });

  it('input during the warning withdraws it and the clock starts over', () => {
    const { timer, events } = makeTimer(90, 10);
    timer.start();
    vi.advanceTimersByTime(85_000);
    expect(events.at(-1)).toBe('warn 5');
    timer.activity();
    expect(events.at(-1)).toBe('resume');
    expect(timer.state).toBe('counting');
    vi.advanceTimersByTime(79_999);
    expect(events.at(-1)).toBe('resume');
    vi.advanceTimersByTime(10_001);
    expect(events.at(-1)).toBe('idle');
  });

  it('many inputs keep one timer pending (no churn per pointermove)', () => {
    const { timer } = makeTimer(90, 10);
    timer.start();
    for (let i = 0; i < 1000; i++) {
      vi.advanceTimersByTime(10);
      timer.activity();
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('counts from the clock: a late timer does not stretch the countdown', () => {
    const { timer, events } = makeTimer(30, 10);
    timer.start();
    // The machine was busy (or asleep) well past the warning: the next check resets at once.
    vi.setSystemTime(Date.now() + 45_000);
    vi.advanceTimersByTime(20_000);
    expect(events).toEqual(['idle']);
  });

  it('does nothing while stopped, and restarts cleanly', () => {
    const { timer, events } = makeTimer(20, 10);
    timer.activity();
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual([]);
    timer.start();
    vi.advanceTimersByTime(15_000);
    timer.stop();
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual(['warn 10', 'warn 9', 'warn 8', 'warn 7', 'warn 6', 'warn 5']);
    expect(vi.getTimerCount()).toBe(0);
    timer.start();
    expect(timer.idleFor).toBe(0);
    vi.advanceTimersByTime(20_000);
    expect(events.at(-1)).toBe('idle');
  });

  it('the warning is 10 s, or half a short test idle time', () => {
    expect(warningSecondsFor(90)).toBe(10);
    expect(warningSecondsFor(15)).toBe(7);
    expect(warningSecondsFor(8)).toBe(4);
    expect(warningSecondsFor(1)).toBe(1);
    expect(() => new IdleTimer({ idleMs: 0, warningMs: 0, onWarning() {}, onResume() {}, onIdle() {} })).toThrow();
  });
});
