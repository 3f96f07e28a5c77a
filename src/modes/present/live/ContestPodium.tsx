/**
 * The contest's podium at its end: the first three on their steps (second, first, third, as a
 * podium stands), with their points; ties share a step's place. Then back to the lesson.
 */
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { LiveContestView } from '../../../live/protocol.ts';
import { contestName, podiumPlace } from './contestNames.ts';

export interface ContestPodiumProps {
  contest: LiveContestView;
  quizTitle: string;
  players: number;
  nameId: string;
  lang: Lang;
}

/** Second place stands left of the first and third right of it. */
const STEP_ORDER = [1, 0, 2];

export function ContestPodium({ contest, quizTitle, players, nameId, lang }: ContestPodiumProps) {
  const top = (contest.leaderboard ?? []).filter((entry) => entry.rank <= 3 && entry.points > 0).slice(0, 3);
  return (
    <div className="contest__board">
      <p className="room-quiz__lesson">{quizTitle}</p>
      <h2 id={nameId} className="contest__board-title">
        {presentText('contestOver', lang)} · {presentText('contestPodium', lang)}
      </h2>
      {top.length === 0 ? (
        <p className="room-quiz__meta">{presentText('contestNobodyScored', lang)}</p>
      ) : (
        <ol className="contest__podium" data-testid="contest-podium">
          {STEP_ORDER.map((position) => top[position])
            .filter((entry) => entry !== undefined)
            .map((entry) => (
              <li
                key={entry.participantNumber}
                className={`contest__step contest__step--${entry.rank}`}
                data-rank={entry.rank}
                data-points={entry.points}
              >
                <span className="contest__step-place">{podiumPlace(entry.rank, lang)}</span>
                <span className="contest__step-name">{contestName(entry, lang)}</span>
                <span className="contest__step-points">{presentText('contestPoints', lang, { n: entry.points })}</span>
                <span className="contest__step-block" aria-hidden="true">
                  {entry.rank}
                </span>
              </li>
            ))}
        </ol>
      )}
      <p className="room-quiz__meta">{presentText('contestPlayers', lang, { n: players })}</p>
    </div>
  );
}
