/**
 * One question of a quiz as a plain form: the prompt as its heading (the focus moves to it with
 * each new question), the options as radios in a radiogroup (single choice, true or false) or as
 * checkboxes (multiple choice), each a large touch target, and one button that submits, then goes
 * on. After submitting, the verdict and the explanation are announced (a polite live region), the
 * options say which was right, and 去看展板 opens the panel that has the answer.
 */
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { type Lang, localize } from '../../content/localize.ts';
import type { QuizQuestion } from '../../content/quizSchema.ts';
import { type QuizTextKey, quizText } from '../../i18n/quizStrings.ts';
import { labelSeparator } from '../../i18n/strings.ts';
import { type AttemptState, currentFeedback } from '../../quiz/attempt.ts';
import { useExhibition } from '../../store/store.ts';
import { answerText } from './answerText.ts';
import { QuizBoardLink } from './QuizBoardLink.tsx';
import { focusIfShown, quizFocusProps } from './quizFocus.ts';

export interface QuizQuestionFormProps {
  attempt: AttemptState;
  lang: Lang;
  /** Just before a card opens over the quiz (去看展板). */
  onLeave(): void;
}

const KIND_LABELS: Record<QuizQuestion['kind'], QuizTextKey> = {
  single: 'quizKindSingle',
  multiple: 'quizKindMultiple',
  'true-false': 'quizKindTrueFalse',
};

export function QuizQuestionForm({ attempt, lang, onLeave }: QuizQuestionFormProps) {
  const question = attempt.quiz.questions[attempt.index];
  const heading = useRef<HTMLHeadingElement>(null);
  const action = useRef<HTMLButtonElement>(null);
  const promptId = useId();
  const inputName = useId();
  const feedback = currentFeedback(attempt);
  const marking = attempt.phase === 'feedback';

  // A new question (this form is keyed by it): its heading takes the focus.
  useEffect(() => focusIfShown(heading.current), []);
  // Submitted: the options are disabled, so the focus must not stay on one of them (it would fall
  // to the page); it goes to the button, which now goes on. The verdict is announced meanwhile.
  useEffect(() => {
    if (marking && document.activeElement !== action.current) focusIfShown(action.current);
  }, [marking]);

  if (!question) return null;
  const { quizEvent } = useExhibition.getState();
  const chosen = marking ? (attempt.answers[question.id] ?? []) : attempt.selected;
  const last = attempt.index >= attempt.quiz.questions.length - 1;
  const multiple = question.kind === 'multiple';

  const options = question.options.map((option) => {
    const selected = chosen.includes(option.id);
    const right = question.answer.includes(option.id);
    const state = !marking ? '' : right ? ' quiz-option--right' : selected ? ' quiz-option--wrong' : '';
    return (
      <label key={option.id} className={`quiz-option${selected ? ' quiz-option--selected' : ''}${state}`}>
        <input
          className="quiz-option__input"
          type={multiple ? 'checkbox' : 'radio'}
          name={inputName}
          value={option.id}
          checked={selected}
          disabled={marking}
          onChange={() => quizEvent({ type: 'select', optionId: option.id })}
        />
        <span className="quiz-option__text">{localize(option.text, lang)}</span>{' '}
        {marking && (right || selected) && (
          <span className="quiz-option__mark">
            {[selected && quizText('quizYourChoice', lang), right && quizText('quizRightOption', lang)]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </label>
    );
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    quizEvent({ type: marking ? 'next' : 'submit' });
  };

  return (
    <form className="quiz-question" onSubmit={onSubmit} aria-labelledby={promptId}>
      <h3 ref={heading} className="quiz-question__heading" {...quizFocusProps}>
        <span className="quiz-question__progress">
          {quizText('quizProgress', lang, { n: attempt.index + 1, total: attempt.quiz.questions.length })} ·{' '}
          {quizText(KIND_LABELS[question.kind], lang)}
        </span>{' '}
        <span id={promptId} className="quiz-question__prompt">
          {localize(question.prompt, lang)}
        </span>
      </h3>
      {multiple ? (
        <fieldset className="quiz-question__options" aria-labelledby={promptId} data-kind={question.kind}>
          {options}
        </fieldset>
      ) : (
        <div className="quiz-question__options" role="radiogroup" aria-labelledby={promptId} data-kind={question.kind}>
          {options}
        </div>
      )}
      {/* Always in the page, so what is written into it is announced. */}
      <div className="quiz-question__feedback" aria-live="polite" data-testid="quiz-feedback">
        {feedback !== undefined && (
          <>
            <p className={feedback ? 'quiz-verdict quiz-verdict--right' : 'quiz-verdict quiz-verdict--wrong'}>
              <strong>{feedback ? quizText('quizCorrect', lang) : quizText('quizWrong', lang)}</strong>
              {!feedback && ` ${quizText('quizAnswerIs', lang, { answer: answerText(question, lang) })}`}
            </p>
            <p className="quiz-question__explanation">
              <span className="quiz-question__explanation-label">
                {quizText('quizExplanation', lang)}
                {labelSeparator(lang)}
              </span>
              {localize(question.explanation, lang)}
            </p>
          </>
        )}
      </div>
      {marking && (
        <p className="quiz-question__board">
          <QuizBoardLink panelId={question.panel} lang={lang} onLeave={onLeave} />
        </p>
      )}
      <div className="quiz__actions">
        <button
          ref={action}
          type="submit"
          className="quiz__button quiz__button--primary"
          disabled={!marking && attempt.selected.length === 0}
        >
          {!marking ? quizText('quizSubmit', lang) : last ? quizText('quizSeeResult', lang) : quizText('quizNext', lang)}
        </button>
      </div>
    </form>
  );
}
