/**
 * 知识问答 (#/quiz, #/quiz/<id>, the kiosk's 知识问答 button): a modal dialog named by the quiz's
 * title, like the card — Esc, × or a click on the backdrop close it. It shows the list of quizzes,
 * or one quiz a question at a time, then its result. Everything it shows comes from the store (the
 * attempt too), so a card opened from it (去看展板) can stand in its place and, once closed, hand
 * back the same question in the same state. Loaded lazily, with quiz.json, when first opened.
 */
import { useId, useRef } from 'react';
import { localize } from '../../content/localize.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import { useExhibition } from '../../store/store.ts';
import { CloseButton } from '../CloseButton.tsx';
import { LanguageToggle } from '../LanguageToggle.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { QuizList } from './QuizList.tsx';
import { QuizQuestionForm } from './QuizQuestionForm.tsx';
import { QuizResult } from './QuizResult.tsx';
import { QUIZ_FOCUS_ATTRIBUTE } from './quizFocus.ts';
import './quiz.css';

export default function QuizScreen() {
  const screen = useExhibition((state) => state.quizScreen);
  const quizId = useExhibition((state) => state.openQuizId);
  const status = useExhibition((state) => state.quizStatus);
  const quizzes = useExhibition((state) => state.quizzes);
  const attempt = useExhibition((state) => state.quizAttempt);
  const round = useExhibition((state) => state.quizRound);
  const lang = useExhibition((state) => state.lang);
  // A card (去看展板) or the oath's ceremony over the quiz: the quiz steps aside until it closes.
  const covered = useExhibition((state) => state.openPanelId !== null || state.oath !== null);
  const titleId = useId();
  /** The control that opened a card from here: it has the focus again when the quiz comes back. */
  const returnFocus = useRef<HTMLElement | null>(null);

  const { closeQuiz, openQuizList, requestQuizzes } = useExhibition.getState();
  const dialog = useModalDialog({
    open: screen !== null && !covered,
    onClose: closeQuiz,
    onOpened() {
      const back = returnFocus.current;
      returnFocus.current = null;
      const element = dialog.ref.current;
      if (back?.isConnected && element?.contains(back)) back.focus();
      else element?.querySelector<HTMLElement>(`[${QUIZ_FOCUS_ATTRIBUTE}]`)?.focus();
    },
    restoreFocus(previous) {
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
      // What had the focus is gone (the card the quiz came back from): the HUD's way in, else the corridor.
      if (document.activeElement === null || document.activeElement === document.body) {
        const fallback = document.getElementById('quiz-toggle') ?? document.querySelector<HTMLElement>('.exhibit-canvas canvas');
        fallback?.focus();
        if (document.activeElement === fallback) return;
        document.querySelector<HTMLElement>('.exhibit-canvas canvas')?.focus();
      }
    },
  });

  const quiz = screen === 'quiz' ? quizzes.find((candidate) => candidate.id === quizId) : undefined;
  const ownAttempt = attempt && quiz && attempt.source.id === quiz.id ? attempt : null;
  const rememberFocus = () => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  const body = () => {
    if (status === 'failed') {
      return (
        <div className="quiz__message">
          <p role="alert">{quizText('quizLoadFailed', lang)}</p>
          <button type="button" className="quiz__button" onClick={requestQuizzes}>
            {quizText('quizRetry', lang)}
          </button>
        </div>
      );
    }
    if (status !== 'ready') {
      return (
        <p className="quiz__message" role="status">
          {quizText('quizLoading', lang)}
        </p>
      );
    }
    if (screen === 'list' || !ownAttempt) return <QuizList quizzes={quizzes} attempt={attempt} lang={lang} />;
    if (ownAttempt.phase === 'finished')
      return <QuizResult key={round} attempt={ownAttempt} lang={lang} onLeave={rememberFocus} />;
    const question = ownAttempt.quiz.questions[ownAttempt.index];
    return <QuizQuestionForm key={`${round}-${question?.id}`} attempt={ownAttempt} lang={lang} onLeave={rememberFocus} />;
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes it, as Esc (the dialog's cancel) does from the keyboard
    <dialog ref={dialog.ref} className="quiz" aria-labelledby={titleId} onCancel={dialog.onCancel} onClick={dialog.onClick}>
      {screen !== null && (
        <div className="quiz__frame" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <header className="quiz__header">
            {quiz && <p className="quiz__kicker">{quizText('quiz', lang)}</p>}
            <h2 id={titleId} className="quiz__title">
              {quiz ? localize(quiz.title, lang) : quizText('quiz', lang)}
            </h2>
            <div className="quiz__tools">
              {quiz && (
                <button type="button" className="quiz__tool" onClick={openQuizList}>
                  {quizText('quizList', lang)}
                </button>
              )}
              <LanguageToggle className="quiz__tool" />
            </div>
            <CloseButton className="quiz__close" onClick={closeQuiz} label={quizText('quizClose', lang)} />
          </header>
          <div className="quiz__body">{body()}</div>
        </div>
      )}
    </dialog>
  );
}
