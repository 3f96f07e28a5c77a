/** 课堂互动 on the projector's control bar (L): absent unless the station server answered. */
import { useStore } from 'zustand';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { PresenterLive } from './presenterLive.ts';

export interface LiveLessonButtonProps {
  live: PresenterLive;
  lang: Lang;
  /** The control bar's own press handling (keeps the focus off the button). */
  press(action: () => void): { onMouseDown(event: React.MouseEvent): void; onClick(): void };
}

export function LiveLessonButton({ live, lang, press }: LiveLessonButtonProps) {
  const available = useStore(live.store, (state) => state.available);
  const phase = useStore(live.store, (state) => state.phase);
  const cardShown = useStore(live.store, (state) => state.cardShown);
  const joined = useStore(live.store, (state) => state.snapshot?.participantCount ?? 0);
  if (!available) return null;
  const running = phase === 'live' || phase === 'reconnecting';
  return (
    <button
      type="button"
      className="present-live-button"
      {...press(() => live.toggle())}
      aria-pressed={running ? cardShown : undefined}
    >
      L · {liveText('liveButton', lang)}
      {running ? ` (${joined})` : ''}
    </button>
  );
}
