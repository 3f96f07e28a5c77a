/** The presenter's "up next" during the room quiz: the next question, so the presenter can lead into it. */
import { type Lang, localize } from '../../../content/localize.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { RoomQuizSlot } from '../roomQuiz.ts';

export interface PresenterQuizNextProps {
  slot: RoomQuizSlot;
  lang: Lang;
}

export function PresenterQuizNext({ slot, lang }: PresenterQuizNextProps) {
  const run = slot.status === 'ready' ? slot.run : null;
  // On the title the first question comes next; on a question, the one after it.
  const nextIndex = !run ? null : run.phase === 'title' ? 0 : run.phase === 'finished' ? null : run.index + 1;
  const next = nextIndex === null ? undefined : run?.quiz.questions[nextIndex];
  return (
    <section className="presenter__next" aria-label={presentText('presenterUpNext', lang)}>
      <h3 className="presenter__label">{presentText('presenterQuizNext', lang)}</h3>
      {next && nextIndex !== null ? (
        <>
          <p className="presenter__section">{presentText('roomQuizQuestion', lang, { n: nextIndex + 1 })}</p>
          <p className="presenter__next-summary">{localize(next.prompt, lang)}</p>
        </>
      ) : (
        <p className="presenter__next-title">
          {run?.phase === 'finished' || slot.status === 'unavailable'
            ? presentText('presenterEndNext', lang)
            : run
              ? presentText('presenterQuizLastQuestion', lang)
              : presentText('roomQuizLoading', lang)}
        </p>
      )}
    </section>
  );
}
