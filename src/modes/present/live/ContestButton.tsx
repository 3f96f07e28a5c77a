/**
 * 知识竞赛 on the projector's control bar (C), in a live lesson whose tour has a quiz: starts the
 * contest; while it shows, ends it (at the podium at once; before, once the presenter confirms,
 * since the room would lose the question under way).
 */
import { useStore } from 'zustand';
import type { Lang } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { PresenterLive } from './presenterLive.ts';

export interface ContestButtonProps {
  live: PresenterLive;
  lang: Lang;
  press(action: () => void): { onMouseDown(event: React.MouseEvent): void; onClick(): void };
}

export function ContestButton({ live, lang, press }: ContestButtonProps) {
  const phase = useStore(live.store, (state) => state.phase);
  const contestPhase = useStore(live.store, (state) => state.snapshot?.contest?.phase ?? null);
  if (phase !== 'live' && phase !== 'reconnecting') return null;
  const act = () => {
    if (contestPhase === null) live.startContest();
    else if (contestPhase === 'podium' || window.confirm(presentText('contestCloseConfirm', lang))) live.closeContest();
  };
  return (
    <button type="button" className="present-contest-button" {...press(act)} aria-pressed={contestPhase !== null}>
      C · {presentText(contestPhase === null ? 'contestButton' : 'contestClose', lang)}
    </button>
  );
}
