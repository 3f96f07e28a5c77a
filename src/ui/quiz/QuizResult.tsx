/**
 * The end of a quiz: the score (`N / M`) on a result card, each question again with the visitor's
 * verdict and its board (去看展板), and 再来一次 (the questions and options in a new order). Where
 * the mode allows printing and downloads (not the kiosk) the visitor may type a name for the card
 * (never pre-filled, kept only with the attempt), save the card as an image, or print it (the
 * print stylesheet prints the card alone: a copy of it outside the app, in a portal).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type Lang, localize } from '../../content/localize.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import { type AttemptState, attemptScore } from '../../quiz/attempt.ts';
import { useExhibition } from '../../store/store.ts';
import { answerText } from './answerText.ts';
import { QuizBoardLink } from './QuizBoardLink.tsx';
import { QuizResultCard } from './QuizResultCard.tsx';
import { focusIfShown, quizFocusProps } from './quizFocus.ts';
import { localDay, resultCardText, saveResultImage } from './resultCard.ts';

export interface QuizResultProps {
  attempt: AttemptState;
  lang: Lang;
  /** Just before a card opens over the quiz (去看展板). */
  onLeave(): void;
}

export function QuizResult({ attempt, lang, onLeave }: QuizResultProps) {
  const exhibition = useExhibition((state) => state.exhibition);
  const name = useExhibition((state) => state.quizName);
  const printAndDownload = useExhibition((state) => state.capabilities.printAndDownload);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const scoreId = useId();
  const nameId = useId();
  // The day it was finished: the card does not change date at midnight while it is shown.
  const [finishedAt] = useState(() => new Date());
  const [saveStatus, setSaveStatus] = useState<string | null>(null);

  useEffect(() => focusIfShown(heading.current), []);

  if (!exhibition) return null;
  const score = attemptScore(attempt);
  const card = resultCardText({
    exhibition,
    quizTitle: attempt.quiz.title,
    score,
    name: printAndDownload ? name : '',
    at: finishedAt,
    lang,
  });
  const { restartQuiz, openQuizList, setQuizName } = useExhibition.getState();

  const save = async () => {
    const fileName = `dangshi-quiz-${attempt.quiz.id}-${localDay(finishedAt)}.png`;
    const saved = await saveResultImage(card, fileName);
    setSaveStatus(saved ? quizText('quizSaved', lang, { name: fileName }) : quizText('quizSaveFailed', lang));
  };

  return (
    <section className="quiz-result" aria-labelledby={headingId} aria-describedby={scoreId}>
      <h3 id={headingId} ref={heading} className="quiz-result__heading" {...quizFocusProps}>
        {quizText('quizFinished', lang)}
      </h3>
      <QuizResultCard card={card} scoreId={scoreId} />
      {printAndDownload && (
        <p className="quiz-result__name">
          <label htmlFor={nameId}>{quizText('quizNameLabel', lang)}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuizName(event.target.value)}
          />
        </p>
      )}
      <div className="quiz__actions">
        <button type="button" className="quiz__button quiz__button--primary" onClick={() => restartQuiz()}>
          {quizText('quizAgain', lang)}
        </button>
        {printAndDownload && (
          <>
            <button type="button" className="quiz__button" onClick={() => void save()}>
              {quizText('quizSaveImage', lang)}
            </button>
            <button type="button" className="quiz__button" onClick={() => window.print()}>
              {quizText('quizPrint', lang)}
            </button>
          </>
        )}
        <button type="button" className="quiz__button" onClick={openQuizList}>
          {quizText('quizBackToList', lang)}
        </button>
      </div>
      <p className="quiz-result__status" role="status">
        {saveStatus}
      </p>
      <h4 className="quiz-result__review-heading">{quizText('quizReview', lang)}</h4>
      <ol className="quiz-result__review">
        {attempt.quiz.questions.map((question, index) => {
          const result = score.results[index];
          return (
            <li
              key={question.id}
              className={result?.correct ? 'quiz-review quiz-review--right' : 'quiz-review quiz-review--wrong'}
            >
              <p className="quiz-review__prompt">
                <span className="quiz-review__verdict">
                  {result?.correct ? quizText('quizReviewCorrect', lang) : quizText('quizReviewWrong', lang)}
                </span>{' '}
                {localize(question.prompt, lang)}
              </p>
              <p className="quiz-review__answer">{quizText('quizAnswerIs', lang, { answer: answerText(question, lang) })}</p>
              <QuizBoardLink panelId={question.panel} lang={lang} onLeave={onLeave} />
            </li>
          );
        })}
      </ol>
      {/* What the printer gets: the card alone (quiz.css hides everything else on paper). */}
      {printAndDownload &&
        createPortal(
          <div className="quiz-print" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            <QuizResultCard card={card} />
          </div>,
          document.body,
        )}
    </section>
  );
}
