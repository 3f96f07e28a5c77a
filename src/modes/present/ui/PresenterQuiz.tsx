/**
 * The presenter's view of the room quiz, in the place of the current stop: the question, its
 * options with the correct one(s) marked and the explanation, shown here before the room sees
 * them (the line above says whether the projector shows the answer yet).
 */
import { type Lang, localize } from '../../../content/localize.ts';
import { type PresentTextKey, presentText } from '../../../i18n/presentStrings.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import { currentRoomQuestion, type RoomQuizSlot } from '../roomQuiz.ts';
import { QUESTION_KIND_LABEL } from './RoomQuizSlide.tsx';

export interface PresenterQuizProps {
  slot: RoomQuizSlot;
  lang: Lang;
}

export function PresenterQuiz({ slot, lang }: PresenterQuizProps) {
  const run = slot.status === 'ready' ? slot.run : null;
  const phase = run?.phase ?? slot.status;
  const question = run && (phase === 'answering' || phase === 'revealed') ? currentRoomQuestion(run) : undefined;
  const count = run?.quiz.questions.length ?? 0;
  const heading = question
    ? presentText('roomQuizQuestion', lang, { n: (run?.index ?? 0) + 1 })
    : phase === 'finished'
      ? presentText('roomQuizOver', lang)
      : phase === 'loading'
        ? presentText('roomQuizLoading', lang)
        : phase === 'unavailable'
          ? presentText('roomQuizUnavailable', lang)
          : run
            ? localize(run.quiz.title, lang)
            : '';
  const room: PresentTextKey | null =
    phase === 'answering'
      ? 'presenterQuizRoomAnswering'
      : phase === 'revealed'
        ? 'presenterQuizRoomRevealed'
        : phase === 'title'
          ? 'presenterQuizRoomTitle'
          : null;

  return (
    <section
      className="presenter__now presenter-quiz"
      aria-label={presentText('presenterNow', lang)}
      data-testid="presenter-quiz"
      data-phase={phase}
    >
      <p className="presenter__section">
        {run ? localize(run.quiz.title, lang) : presentText('roomQuizStart', lang)}
        {question && <> · {presentText('roomQuizQuestionOf', lang, { n: (run?.index ?? 0) + 1, total: count })}</>}
      </p>
      <h2 className="presenter__title">{heading}</h2>
      {room && (
        <p className={phase === 'answering' ? 'presenter-quiz__room presenter-quiz__room--hidden' : 'presenter-quiz__room'}>
          {presentText(room, lang)}
        </p>
      )}
      {phase === 'title' && <p className="presenter__notes presenter__notes--none">{presentText('presenterQuizFirst', lang)}</p>}
      {question && (
        <>
          <p className="presenter-quiz__prompt">
            <span className="presenter-quiz__kind">{presentText(QUESTION_KIND_LABEL[question.kind], lang)}</span>{' '}
            {localize(question.prompt, lang)}
          </p>
          <h3 className="presenter__label">{presentText('presenterQuizAnswer', lang)}</h3>
          <ol className="presenter-quiz__options">
            {question.options.map((option, index) => {
              const correct = question.answer.includes(option.id);
              return (
                <li
                  key={option.id}
                  className={correct ? 'presenter-quiz__option presenter-quiz__option--correct' : 'presenter-quiz__option'}
                  data-option={option.id}
                  data-correct={correct}
                >
                  <span className="presenter-quiz__letter">{optionLetter(index)}</span> {localize(option.text, lang)}
                  {correct && <span className="presenter-quiz__mark"> {presentText('roomQuizCorrect', lang)}</span>}
                </li>
              );
            })}
          </ol>
          <p className="presenter-quiz__explanation" data-testid="presenter-quiz-explanation">
            {localize(question.explanation, lang)}
          </p>
        </>
      )}
    </section>
  );
}
