/** The live lesson's contest on the projector while it shows, and the refusal of a contest command in words. */
import { useStore } from 'zustand';
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import { ContestSlide } from './ContestSlide.tsx';
import type { PresenterLive } from './presenterLive.ts';

export interface LiveContestProps {
  live: PresenterLive;
  lang: Lang;
}

export function LiveContest({ live, lang }: LiveContestProps) {
  const phase = useStore(live.store, (state) => state.phase);
  const contest = useStore(live.store, (state) => state.snapshot?.contest ?? null);
  const players = useStore(live.store, (state) => state.snapshot?.participantCount ?? 0);
  const clockOffset = useStore(live.store, (state) => state.clockOffset);
  const joinCode = useStore(live.store, (state) => state.lesson?.code ?? null);
  const error = useStore(live.store, (state) => state.contestError);
  const running = phase === 'live' || phase === 'reconnecting';
  return (
    <>
      {running && contest && (
        <ContestSlide contest={contest} clockOffset={clockOffset} players={players} joinCode={joinCode} lang={lang} />
      )}
      {error && (
        <p className="present-toast" role="alert" data-testid="contest-error">
          {error === 'no-quiz' ? presentText('contestNoQuiz', lang) : presentText('contestRefused', lang, { error })}
        </p>
      )}
    </>
  );
}
