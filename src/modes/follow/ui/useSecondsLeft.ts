/**
 * The whole seconds left of a contest question on the server's clock (serverClock.ts), for the
 * phone's countdown: a render at each whole second and none between (no per-frame renders), and
 * none at all once the time is up or the clock is not wanted (`running` false).
 */
import { useEffect, useState } from 'react';
import { timeLeft } from '../../../live/serverClock.ts';

export function useSecondsLeft(deadline: number, clockOffset: number, running: boolean): number {
  const [tick, setTick] = useState(() => ({ deadline, clockOffset, now: Date.now() }));
  // A new question (or a new reading of the server's clock) is counted from now, not from the
  // last tick of the one before, which may be long gone.
  const current = tick.deadline === deadline && tick.clockOffset === clockOffset;
  const now = current ? tick.now : Date.now();
  const left = timeLeft(deadline, clockOffset, now);

  // Re-read the clock as the next whole second goes (a timer that fires a moment early only sets
  // one more, a moment later).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` changing is what sets the next second's timer
  useEffect(() => {
    if (!running) return;
    const leftNow = timeLeft(deadline, clockOffset, Date.now());
    if (leftNow <= 0 && left <= 0) return;
    const untilNextSecond = leftNow > 0 ? leftNow % 1000 || 1000 : 0;
    const timer = setTimeout(() => setTick({ deadline, clockOffset, now: Date.now() }), untilNextSecond);
    return () => clearTimeout(timer);
  }, [deadline, clockOffset, running, tick]);

  return Math.ceil(left / 1000);
}
