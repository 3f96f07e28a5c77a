/**
 * A question's countdown on the projector: the seconds left in large figures, and a ring that
 * empties (a CSS animation over the time left, so nothing re-renders per frame; the figures
 * re-render once a second, at each whole second). Paused or held, the ring stands still where it
 * was. With `prefers-reduced-motion` the ring is not shown at all (present.css): the figures stay.
 *
 * Screen readers do not hear it tick: the figures are hidden from them, and the slide's live
 * region says the last ten seconds and the time-up instead (RoomQuizSlide).
 */
import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import { type Countdown, countdownLeft, LAST_CALL_MS } from '../roomQuiz.ts';

export interface RoomQuizCountdownProps {
  countdown: Countdown;
  paused: boolean;
  lang: Lang;
}

export function RoomQuizCountdown({ countdown, paused, lang }: RoomQuizCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  const running = countdown.endsAt !== null;
  const left = countdownLeft(countdown, running ? now : 0);
  const seconds = Math.ceil(left / 1000);

  // Re-read the clock as the next whole second goes (again after each re-read: `now`; a timer
  // that fires a moment early only sets one more, a moment later).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `now` changing is what sets the next second's timer
  useEffect(() => {
    if (countdown.endsAt === null) return;
    const untilNextSecond = countdownLeft(countdown, Date.now()) % 1000 || 1000;
    const timer = setTimeout(() => setNow(Date.now()), untilNextSecond);
    return () => clearTimeout(timer);
  }, [countdown, now]);

  // The ring's starting point, read once each time the countdown starts or stops (not per second,
  // or the running animation would jump).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the countdown's own values say when it started or stopped
  const ring = useMemo(() => {
    const leftNow = countdownLeft(countdown, Date.now());
    return { from: 1 - leftNow / countdown.totalMs, ms: leftNow };
  }, [countdown.endsAt, countdown.leftMs, countdown.totalMs]);
  const ringStyle = { '--ring-from': ring.from, animationDuration: `${ring.ms}ms` } as CSSProperties;

  return (
    <div
      className={`room-quiz__countdown${left <= LAST_CALL_MS ? ' room-quiz__countdown--last' : ''}`}
      data-testid="room-quiz-countdown"
      data-seconds-left={seconds}
      data-running={running}
    >
      <svg className="room-quiz__ring" viewBox="0 0 100 100" aria-hidden="true">
        <circle className="room-quiz__ring-track" cx="50" cy="50" r="44" pathLength={1} />
        <circle
          key={`${countdown.endsAt}-${countdown.leftMs}`}
          className={running ? 'room-quiz__ring-fill room-quiz__ring-fill--running' : 'room-quiz__ring-fill'}
          cx="50"
          cy="50"
          r="44"
          pathLength={1}
          style={running ? ringStyle : { strokeDashoffset: ring.from }}
        />
      </svg>
      <span className="room-quiz__seconds" aria-hidden="true">
        {seconds}
      </span>
      {paused && <span className="room-quiz__paused">{presentText('roomQuizPaused', lang)}</span>}
    </div>
  );
}
