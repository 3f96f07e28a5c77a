/**
 * This phone's place in the contest, big: while the projector shows the leaderboard (whose names
 * are read there, not here), and on the podium after the last question, with a thank-you and, for
 * the first three, their medal in words.
 */
import type { Lang } from '../../../content/localize.ts';
import { type FollowStringKey, followText } from '../../../i18n/followStrings.ts';
import type { ParticipantContest } from '../../../live/protocol.ts';

export interface FollowContestStandingProps {
  /** The phone's own part in this contest (null: the server has not said). */
  own: ParticipantContest | null;
  /** The podium (the contest over), not the leaderboard between questions. */
  final: boolean;
  lang: Lang;
}

const MEDALS: readonly FollowStringKey[] = ['contestFirst', 'contestSecond', 'contestThird'];

export function FollowContestStanding({ own, final, lang }: FollowContestStandingProps) {
  // A medal wants points: where nobody has scored, everyone shares first place.
  const medal = final && own && own.points > 0 ? MEDALS[own.rank - 1] : undefined;
  return (
    <div
      className="follow-contest__standing"
      data-testid="follow-contest-standing"
      data-rank={own?.rank}
      data-points={own?.points}
      data-medal={medal ? own?.rank : undefined}
    >
      {final && <p className="follow-contest__over">{followText('contestOver', lang)}</p>}
      {medal && <p className="follow-contest__medal">{followText(medal, lang)}</p>}
      {own && own.of > 0 && (
        <p className="follow-contest__place">
          <span className="follow-contest__rank">{followText('contestPlace', lang, { rank: own.rank })}</span>
          <span className="follow-contest__of">{followText('contestOf', lang, { of: own.of })}</span>
        </p>
      )}
      {own && <p className="follow-contest__points">{followText('contestPoints', lang, { points: own.points })}</p>}
      <p className="follow-contest__hint">{followText(final ? 'contestThanks' : 'contestLeaderboard', lang)}</p>
    </div>
  );
}
