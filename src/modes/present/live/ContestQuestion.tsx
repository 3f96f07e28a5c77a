/**
 * A contest question on the projector: its number, kind and countdown (on the server's clock),
 * the prompt and the lettered options as the phones show them, and how many have answered. Once
 * revealed, the correct option(s) marked (a tick and words, not colour alone), a bar beside each
 * option for how many chose it, and the explanation.
 */
import { type CSSProperties, useMemo, useRef } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { QuizQuestion } from '../../../content/quizSchema.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import type { LiveContestView } from '../../../live/protocol.ts';
import { toLocalTime } from '../../../live/serverClock.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import { RoomQuizCountdown } from '../ui/RoomQuizCountdown.tsx';
import { displayLength, PAIRED_OPTION_LENGTH, QUESTION_KIND_LABEL, useQuizTypeFit } from '../ui/RoomQuizSlide.tsx';

export interface ContestQuestionProps {
  contest: LiveContestView;
  question: QuizQuestion;
  /** The server's clock ahead of this window's (ms). */
  clockOffset: number;
  nameId: string;
  promptId: string;
  lang: Lang;
}

export function ContestQuestion({ contest, question, clockOffset, nameId, promptId, lang }: ContestQuestionProps) {
  const body = useRef<HTMLDivElement>(null);
  const revealed = contest.phase === 'revealed';
  useQuizTypeFit(body, `${contest.phase}-${contest.questionId}-${lang}`);
  // The countdown is set once per question, on the clock difference of the snapshot that began it
  // (each later snapshot's difference jitters by the milliseconds on the wire; the ring must not jump).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a question's countdown is fixed when it starts
  const countdown = useMemo(
    () => ({
      totalMs: contest.deadline - contest.questionStartedAt,
      endsAt: toLocalTime(contest.deadline, clockOffset),
      leftMs: null,
    }),
    [contest.questionId, contest.deadline, contest.questionStartedAt],
  );
  const paired = question.options.every((option) => displayLength(localize(option.text, lang)) <= PAIRED_OPTION_LENGTH);
  const counts = contest.counts ?? {};
  const most = Math.max(1, ...Object.values(counts));
  return (
    <div ref={body} className="room-quiz__body contest__body">
      <header className="room-quiz__head">
        <h2 id={nameId} className="room-quiz__number">
          {presentText('roomQuizQuestion', lang, { n: contest.questionIndex + 1 })}
        </h2>
        <span className="room-quiz__kind">{presentText(QUESTION_KIND_LABEL[question.kind], lang)}</span>
        <span className="contest__answered" data-testid="contest-answered" data-answered={contest.answeredCount}>
          {presentText('contestAnswered', lang, { n: contest.answeredCount, total: contest.eligibleCount })}
        </span>
        {!revealed && <RoomQuizCountdown countdown={countdown} paused={false} lang={lang} />}
      </header>
      <p id={promptId} className="room-quiz__prompt">
        {localize(question.prompt, lang)}
      </p>
      <ol className={paired && !revealed ? 'room-quiz__options' : 'room-quiz__options room-quiz__options--stacked'}>
        {question.options.map((option, index) => {
          const correct = contest.answer?.includes(option.id) ?? false;
          const chosenBy = counts[option.id] ?? 0;
          const mark = revealed ? (correct ? ' room-quiz__option--correct' : ' room-quiz__option--wrong') : '';
          return (
            <li
              key={option.id}
              className={`room-quiz__option${mark}`}
              data-option={option.id}
              data-correct={revealed ? correct : undefined}
              data-count={revealed ? chosenBy : undefined}
            >
              <span className="room-quiz__letter">{optionLetter(index)}</span>
              <span className="room-quiz__option-text">{localize(option.text, lang)}</span>
              {revealed && correct && <span className="room-quiz__mark">{presentText('roomQuizCorrect', lang)}</span>}
              {revealed && (
                // The bar chart of the answers: each option's bar against the most chosen one.
                <span className="contest__bar" aria-hidden="true">
                  <span className="contest__bar-fill" style={{ '--share': chosenBy / most } as CSSProperties} />
                </span>
              )}
              {revealed && <span className="contest__chosen">{presentText('contestChosenBy', lang, { n: chosenBy })}</span>}
            </li>
          );
        })}
      </ol>
      {revealed && (
        <section className="room-quiz__explanation" aria-label={presentText('roomQuizExplanation', lang)}>
          <p className="contest__rate">
            {presentText('contestCorrectRate', lang, { n: contest.correctCount ?? 0, total: contest.answeredCount })}
          </p>
          <h3 className="room-quiz__explanation-label">{presentText('roomQuizExplanation', lang)}</h3>
          <p className="room-quiz__explanation-text" data-testid="contest-explanation">
            {localize(question.explanation, lang)}
          </p>
        </section>
      )}
    </div>
  );
}
