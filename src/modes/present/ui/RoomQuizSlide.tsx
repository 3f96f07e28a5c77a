/**
 * The room quiz on the projector (课堂知识问答): one slide over the whole screen, in projector
 * type, for a room answering together with no phones. Its title slide, then each question with
 * its options A, B, C…, its countdown, and, once revealed (by the clicker, or at time-up), the
 * correct option(s) marked and the explanation; at the end the closing slide.
 *
 * Like the stops' slides it is a non-modal `dialog` (the blank screens cover it), named by the
 * quiz's title, by "第 N 题" or by 问答结束. A live region says what a screen reader should hear
 * and nothing more: the answer when it is revealed, ten seconds left, time-up, a pause.
 *
 * Questions come in the lesson's order; each question's options as the loader dealt them from the
 * quiz's id (src/modes/present/roomQuizLoad.ts), lettered in the order shown, so the projector and
 * the presenter's view give the same letters and the right answer is not always 「A」.
 */
import { type RefObject, useId, useLayoutEffect, useRef } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { QuizQuestion } from '../../../content/quizSchema.ts';
import type { PresentTour } from '../../../content/tours.ts';
import { type PresentTextKey, presentText } from '../../../i18n/presentStrings.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import { currentRoomQuestion, type RoomQuizSlot, type RoomQuizState } from '../roomQuiz.ts';
import { RoomQuizCountdown } from './RoomQuizCountdown.tsx';

export interface RoomQuizSlideProps {
  slot: RoomQuizSlot;
  tour: PresentTour;
  /** Another slide (the live contest's) is over it: hidden from screen readers. */
  covered?: boolean;
  lang: Lang;
}

export const QUESTION_KIND_LABEL: Record<QuizQuestion['kind'], PresentTextKey> = {
  single: 'roomQuizKindSingle',
  multiple: 'roomQuizKindMultiple',
  'true-false': 'roomQuizKindTrueFalse',
};

/** "B 1921", "A 甲、C 丙": the correct options as the slide letters them. */
export function answerText(question: QuizQuestion, lang: Lang): string {
  return question.options
    .map((option, index) => ({ option, letter: optionLetter(index) }))
    .filter(({ option }) => question.answer.includes(option.id))
    .map(({ option, letter }) => `${letter} ${localize(option.text, lang)}`)
    .join(lang === 'zh' ? '、' : ', ');
}

/** The type scale's floor: below it the smallest text would pass under 2.9% of the screen height (present.css). */
const MIN_TYPE_SCALE = 0.55;
const TYPE_SCALE_STEP = 0.05;
/** Options longer than this (in characters; Chinese counts double) stand one a line, not two abreast. */
export const PAIRED_OPTION_LENGTH = 28;

export const displayLength = (text: string) => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/**
 * Shrinks the question's type (`--quiz-scale`, 1 down to the floor) until the question, its
 * options and, once revealed, its explanation fit the slide: a long English question with its
 * answer must not run off the bottom of the screen.
 */
export function fitQuizType(body: HTMLElement) {
  let scale = 1;
  body.style.setProperty('--quiz-scale', '1');
  while (body.scrollHeight > body.clientHeight + 1 && scale > MIN_TYPE_SCALE) {
    scale = Math.max(MIN_TYPE_SCALE, Math.round((scale - TYPE_SCALE_STEP) * 100) / 100);
    body.style.setProperty('--quiz-scale', String(scale));
  }
  body.dataset.typeScale = String(scale);
}

/**
 * Keeps a question's type fitted to its slide ({@link fitQuizType}): whenever `what` changes (the
 * question, its phase, the language: what the slide holds) and whenever the slide's own box does.
 */
export function useQuizTypeFit(body: RefObject<HTMLElement | null>, what: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `what` names what the slide holds, which is what the fit depends on
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    fitQuizType(element);
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      // Only the slide's own size: the fit changes what is inside, never the box.
      if (element.clientWidth === width && element.clientHeight === height) return;
      width = element.clientWidth;
      height = element.clientHeight;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitQuizType(element));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [body, what]);
}

/** What the live region says in each state (empty: nothing to announce). */
export function roomQuizAnnouncement(run: RoomQuizState, lang: Lang): string {
  const question = currentRoomQuestion(run);
  if (!question) return '';
  const stop = lang === 'zh' ? '。' : '. ';
  if (run.phase === 'revealed') {
    const answer = `${presentText('roomQuizAnswer', lang, { answer: answerText(question, lang) })}${stop}${localize(question.explanation, lang)}`;
    return run.timeUp ? `${presentText('roomQuizTimeUp', lang)}${stop}${answer}` : answer;
  }
  if (run.phase !== 'answering') return '';
  if (run.paused) return presentText('roomQuizPaused', lang);
  return run.lastCall ? presentText('roomQuizSecondsLeft', lang, { n: 10 }) : '';
}

export function RoomQuizSlide({ slot, tour, covered = false, lang }: RoomQuizSlideProps) {
  const run = slot.status === 'ready' ? slot.run : null;
  const phase = run?.phase ?? slot.status;
  const question = run ? currentRoomQuestion(run) : undefined;
  const count = run?.quiz.questions.length ?? 0;
  const asking = (phase === 'answering' || phase === 'revealed') && question;
  const revealed = phase === 'revealed';
  const body = useRef<HTMLDivElement>(null);
  const nameId = useId();
  const promptId = useId();
  const explanationId = useId();
  const last = run !== null && run.index >= count - 1;
  const hint: PresentTextKey | null =
    phase === 'title'
      ? 'roomQuizStartHint'
      : phase === 'answering'
        ? 'roomQuizRevealHint'
        : phase === 'revealed'
          ? last
            ? 'roomQuizLastHint'
            : 'roomQuizNextHint'
          : phase === 'finished'
            ? 'roomQuizEndHint'
            : null;
  const quizTitle = run ? localize(run.quiz.title, lang) : '';
  // The progress line counts questions answered (the title shows none, the closing slide all).
  const done = !run ? 0 : phase === 'title' ? 0 : phase === 'finished' ? count : run.index + 1;
  const paired = question
    ? question.options.every((option) => displayLength(localize(option.text, lang)) <= PAIRED_OPTION_LENGTH)
    : true;

  // Fitted for each question and its answer, and again when the screen (or the font) changes.
  useQuizTypeFit(body, `${phase}-${run?.index}-${lang}`);

  return (
    <dialog
      open
      className={`room-quiz room-quiz--${phase}`}
      aria-labelledby={nameId}
      aria-describedby={asking ? promptId : undefined}
      aria-hidden={covered ? true : undefined}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-testid="room-quiz"
      data-phase={phase}
      data-question={asking && run ? run.index + 1 : undefined}
      data-questions={count || undefined}
      data-time-up={revealed && run?.timeUp ? true : undefined}
    >
      <div className="room-quiz__top">
        <p className="room-quiz__progress">
          {/* The questions name the quiz here; the title and closing slides say it large, so the lesson. */}
          <span className="room-quiz__quiz">{asking ? quizTitle : localize(tour.title, lang)}</span>
          {asking && run && (
            <span className="room-quiz__count">
              <span aria-hidden="true">
                {run.index + 1} / {count}
              </span>
              <span className="visually-hidden">
                {presentText('roomQuizQuestionOf', lang, { n: run.index + 1, total: count })}
              </span>
            </span>
          )}
        </p>
        <div className="projector__bar" aria-hidden="true">
          <div className="projector__bar-fill" style={{ transform: `scaleX(${count ? done / count : 0})` }} />
        </div>
      </div>

      {slot.status === 'loading' && (
        <div className="room-quiz__cover">
          <p className="room-quiz__lesson">{localize(tour.title, lang)}</p>
          <h2 id={nameId} className="room-quiz__title">
            {presentText('roomQuizLoading', lang)}
          </h2>
        </div>
      )}
      {slot.status === 'unavailable' && (
        <div className="room-quiz__cover">
          <p className="room-quiz__lesson">{localize(tour.title, lang)}</p>
          <h2 id={nameId} className="room-quiz__title room-quiz__title--notice">
            {presentText('roomQuizUnavailable', lang)}
          </h2>
        </div>
      )}
      {run && phase === 'title' && (
        <div className="room-quiz__cover">
          <h2 id={nameId} className="room-quiz__title">
            {quizTitle}
          </h2>
          <p className="room-quiz__meta">{presentText('roomQuizQuestions', lang, { n: count })}</p>
        </div>
      )}
      {run && phase === 'finished' && (
        <div className="room-quiz__cover">
          <p className="room-quiz__lesson">{quizTitle}</p>
          <h2 id={nameId} className="room-quiz__title">
            {presentText('roomQuizOver', lang)}
          </h2>
          <p className="room-quiz__meta">{presentText('roomQuizQuestions', lang, { n: count })}</p>
          <p className="room-quiz__thanks">{presentText('roomQuizThanks', lang)}</p>
        </div>
      )}
      {asking && run && (
        <div ref={body} className="room-quiz__body">
          <header className="room-quiz__head">
            <h2 id={nameId} className="room-quiz__number">
              {presentText('roomQuizQuestion', lang, { n: run.index + 1 })}
            </h2>
            <span className="room-quiz__kind">{presentText(QUESTION_KIND_LABEL[question.kind], lang)}</span>
            {revealed && run.timeUp && <span className="room-quiz__time-up">{presentText('roomQuizTimeUp', lang)}</span>}
            {phase === 'answering' && run.countdown && (
              <RoomQuizCountdown countdown={run.countdown} paused={run.paused} lang={lang} />
            )}
          </header>
          <p id={promptId} className="room-quiz__prompt">
            {localize(question.prompt, lang)}
          </p>
          <ol className={paired ? 'room-quiz__options' : 'room-quiz__options room-quiz__options--stacked'}>
            {question.options.map((option, index) => {
              const correct = question.answer.includes(option.id);
              const mark = revealed ? (correct ? ' room-quiz__option--correct' : ' room-quiz__option--wrong') : '';
              return (
                <li
                  key={option.id}
                  className={`room-quiz__option${mark}`}
                  data-option={option.id}
                  data-correct={revealed ? correct : undefined}
                >
                  <span className="room-quiz__letter">{optionLetter(index)}</span>
                  <span className="room-quiz__option-text">{localize(option.text, lang)}</span>
                  {revealed && correct && (
                    // Not by colour alone: a tick and words say which option is right.
                    <span className="room-quiz__mark">{presentText('roomQuizCorrect', lang)}</span>
                  )}
                </li>
              );
            })}
          </ol>
          {revealed && (
            <section className="room-quiz__explanation" aria-labelledby={explanationId}>
              <h3 id={explanationId} className="room-quiz__explanation-label">
                {presentText('roomQuizExplanation', lang)}
              </h3>
              <p className="room-quiz__explanation-text" data-testid="room-quiz-explanation">
                {localize(question.explanation, lang)}
              </p>
            </section>
          )}
        </div>
      )}
      <p className="room-quiz__hint" aria-hidden={hint === null}>
        {hint ? presentText(hint, lang) : ''}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="room-quiz-announcement">
        {run ? roomQuizAnnouncement(run, lang) : ''}
      </p>
    </dialog>
  );
}
