/** The contest's leaderboard on the projector after a question: the first ten, their points and right answers. */
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { LiveContestView } from '../../../live/protocol.ts';
import { contestName } from './contestNames.ts';

export interface ContestLeaderboardProps {
  contest: LiveContestView;
  nameId: string;
  lang: Lang;
}

export function ContestLeaderboard({ contest, nameId, lang }: ContestLeaderboardProps) {
  const entries = (contest.leaderboard ?? []).filter((entry) => entry.points > 0 || entry.correct > 0);
  return (
    <div className="contest__board">
      <p className="room-quiz__lesson">
        {presentText('contestAfterQuestion', lang, { n: contest.questionIndex + 1, total: contest.questionCount })}
      </p>
      <h2 id={nameId} className="contest__board-title">
        {presentText('contestLeaderboard', lang)}
      </h2>
      {entries.length === 0 ? (
        <p className="room-quiz__meta">{presentText('contestNobodyScored', lang)}</p>
      ) : (
        <ol className="contest__ranks" data-testid="contest-leaderboard">
          {entries.map((entry) => (
            <li key={entry.participantNumber} className="contest__rank" data-rank={entry.rank} data-points={entry.points}>
              <span className="contest__place">{entry.rank}</span>
              <span className="contest__name">{contestName(entry, lang)}</span>
              <span className="contest__correct">{presentText('contestCorrectCount', lang, { n: entry.correct })}</span>
              <span className="contest__points">{presentText('contestPoints', lang, { n: entry.points })}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
