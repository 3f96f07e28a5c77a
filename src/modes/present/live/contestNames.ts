/** How the projector names a contest's players: the nickname, or 学员 N where nicknames are hidden (or none was given). */
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { LiveContestEntry } from '../../../live/protocol.ts';

export function contestName(entry: LiveContestEntry, lang: Lang): string {
  return entry.nickname ?? presentText('contestParticipant', lang, { n: entry.participantNumber });
}

/** 冠军, 亚军, 季军 for the first three places; null below. */
export function podiumPlace(rank: number, lang: Lang): string | null {
  if (rank === 1) return presentText('contestPlace1', lang);
  if (rank === 2) return presentText('contestPlace2', lang);
  if (rank === 3) return presentText('contestPlace3', lang);
  return null;
}
