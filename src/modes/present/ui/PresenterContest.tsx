/**
 * 知识竞赛 in the presenter view, in a live lesson whose tour has a quiz: where the contest is
 * (第 2 / 5 题 · 答题中, and how many have answered), and the buttons that start it and step it on.
 * They send the projector the same commands as its keys (C, next), so either window drives it.
 */
import { useId } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { PresentRoom } from '../live/liveRoom.ts';
import type { PresentCommand } from '../presentSession.ts';

export interface PresenterContestProps {
  contest: PresentRoom['contest'];
  lang: Lang;
  send(command: PresentCommand): void;
}

export function PresenterContest({ contest, lang, send }: PresenterContestProps) {
  const headingId = useId();
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const where = contest ? { n: contest.questionIndex + 1, total: contest.questionCount } : null;
  return (
    <section className="presenter-contest" aria-labelledby={headingId} data-contest-phase={contest?.phase ?? 'none'}>
      <h3 id={headingId} className="presenter__label">
        {presentText('presenterContest', lang)}
      </h3>
      {!contest || !where ? (
        <>
          <p className="presenter-contest__state">{presentText('presenterContestNone', lang)}</p>
          <button type="button" onMouseDown={keepFocus} onClick={() => send('contest')}>
            {presentText('presenterContestStart', lang)}
          </button>
        </>
      ) : (
        <>
          <p className="presenter-contest__state" role="status">
            {contest.phase === 'question'
              ? presentText('presenterContestQuestion', lang, where)
              : contest.phase === 'revealed'
                ? presentText('presenterContestRevealed', lang, where)
                : contest.phase === 'leaderboard'
                  ? presentText('presenterContestLeaderboard', lang, where)
                  : presentText('presenterContestPodium', lang)}
            {(contest.phase === 'question' || contest.phase === 'revealed') && (
              <> · {presentText('contestAnswered', lang, { n: contest.answeredCount, total: contest.eligibleCount })}</>
            )}
          </p>
          <button type="button" onMouseDown={keepFocus} onClick={() => send('next')}>
            {presentText('presenterContestNext', lang)} ›
          </button>
        </>
      )}
    </section>
  );
}
