/**
 * A contest question on the phone: its kind, its prompt and its options as large buttons, lettered
 * as the projector letters them. A single or true-false answers with one tap; a multiple's taps
 * pick and unpick (aria-pressed), then 提交 sends them. Once sent, or at time-up, the buttons stand
 * still with the choice marked in words; a phone that joined after the question began only reads it.
 *
 * Buttons that stand still are `aria-disabled`, not `disabled`: the button just tapped keeps the
 * focus (a disabled one drops it to the page), and a screen reader still reads the choice marked.
 */
import { useId } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { QuizQuestion } from '../../../content/quizSchema.ts';
import { contestErrorText, type FollowStringKey, followText } from '../../../i18n/followStrings.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';
import type { OwnAnswer } from '../followState.ts';

export interface FollowContestQuestionProps {
  question: QuizQuestion;
  /** False for a phone that joined after the question began: it plays from the next one. */
  eligible: boolean;
  answer: OwnAnswer;
  /** A multiple's options picked and not yet submitted. */
  selection: string[];
  /** No time left on the server's clock (as this phone reckons it). */
  timeUp: boolean;
  lang: Lang;
  onSelect(optionIds: string[]): void;
  onAnswer(optionIds: string[]): void;
}

export const CONTEST_KIND_LABEL: Record<QuizQuestion['kind'], FollowStringKey> = {
  single: 'contestKindSingle',
  multiple: 'contestKindMultiple',
  'true-false': 'contestKindTrueFalse',
};

/** Where the phone's answer stands, for the line under the options (and `data-state` for tests). */
type AnswerLine = 'open' | 'sending' | 'answered' | 'refused' | 'time-up';

function answerLine(answer: OwnAnswer, timeUp: boolean): AnswerLine {
  if (answer.status !== 'none') return answer.status;
  return timeUp ? 'time-up' : 'open';
}

export function FollowContestQuestion({
  question,
  eligible,
  answer,
  selection,
  timeUp,
  lang,
  onSelect,
  onAnswer,
}: FollowContestQuestionProps) {
  const promptId = useId();
  const multiple = question.kind === 'multiple';
  const line = answerLine(answer, timeUp);
  const open = line === 'open';
  const chosen = new Set(answer.status === 'none' ? [] : answer.optionIds);
  const picked = new Set(selection);

  const tap = (optionId: string) => {
    if (!open) return;
    if (!multiple) {
      onAnswer([optionId]);
      return;
    }
    const next = new Set(picked);
    if (next.has(optionId)) next.delete(optionId);
    else next.add(optionId);
    // In the options' own order, whatever order they were tapped in.
    onSelect(question.options.filter((option) => next.has(option.id)).map((option) => option.id));
  };

  let lineText: string | null = null;
  if (line === 'sending') lineText = followText('contestSending', lang);
  else if (line === 'answered') lineText = followText('contestSubmitted', lang);
  else if (line === 'refused' && answer.error) lineText = contestErrorText(answer.error, lang);
  else if (line === 'time-up') lineText = followText('contestTimeUpWaiting', lang);
  // A refusal it may try again after (rate-limited): said, with the buttons still open.
  else if (answer.error) lineText = contestErrorText(answer.error, lang);

  return (
    <div className="follow-contest__question" data-kind={question.kind}>
      <p className="follow-contest__kind">{followText(CONTEST_KIND_LABEL[question.kind], lang)}</p>
      <h3 id={promptId} className="follow-contest__prompt">
        {localize(question.prompt, lang)}
      </h3>
      {!eligible ? (
        <p className="follow-contest__note" data-testid="follow-contest-not-eligible">
          {followText('contestNotEligible', lang)}
        </p>
      ) : (
        <>
          <fieldset className="follow-contest__options" aria-labelledby={promptId}>
            {question.options.map((option, index) => {
              const mine = chosen.has(option.id);
              return (
                <button
                  key={option.id}
                  type="button"
                  className={mine ? 'follow-contest__option follow-contest__option--chosen' : 'follow-contest__option'}
                  data-option={option.id}
                  data-chosen={mine || undefined}
                  aria-pressed={multiple ? (open ? picked.has(option.id) : mine) : undefined}
                  aria-disabled={!open}
                  onClick={() => tap(option.id)}
                >
                  <span className="follow-contest__letter">{optionLetter(index)}</span>
                  <span className="follow-contest__text">{localize(option.text, lang)}</span>
                  {mine && <span className="follow-contest__tag">✓ {followText('contestYourChoice', lang)}</span>}
                </button>
              );
            })}
          </fieldset>
          {multiple && open && (
            <button
              type="button"
              className="follow-contest__submit"
              data-testid="follow-contest-submit"
              aria-disabled={selection.length === 0}
              onClick={() => {
                if (selection.length > 0) onAnswer(selection);
              }}
            >
              {followText('contestSubmit', lang)}
            </button>
          )}
          {multiple && line === 'time-up' && (
            <button type="button" className="follow-contest__submit" data-testid="follow-contest-submit" aria-disabled>
              {followText('contestTimeUp', lang)}
            </button>
          )}
          {lineText && (
            <p className="follow-contest__state" data-testid="follow-contest-state" data-state={line}>
              {lineText}
            </p>
          )}
        </>
      )}
    </div>
  );
}
