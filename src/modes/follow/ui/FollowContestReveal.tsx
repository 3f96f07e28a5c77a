/**
 * A contest question revealed, on the phone: this phone's result first, in words and a sign (not
 * by colour alone), then the options with the correct one(s) and its own choice marked, the
 * explanation, and its points and place so far.
 */
import { useId } from 'react';
import { type Lang, localize } from '../../../content/localize.ts';
import type { QuizQuestion } from '../../../content/quizSchema.ts';
import { followText } from '../../../i18n/followStrings.ts';
import type { ParticipantContest } from '../../../live/protocol.ts';
import { optionLetter } from '../../../quiz/optionLetter.ts';

export interface FollowContestRevealProps {
  question: QuizQuestion;
  /** The correct option ids as the server reveals them (null: the quiz's own). */
  correctIds: string[] | null;
  /** The phone's own part for this question (null: the server has not said). */
  own: ParticipantContest | null;
  lang: Lang;
}

export type ContestResultKind = 'correct' | 'wrong' | 'none' | 'not-eligible';

/** This phone's result for the question revealed, in words. */
export function contestResult(own: ParticipantContest | null, lang: Lang): { kind: ContestResultKind; text: string } {
  if (own && !own.eligible) return { kind: 'not-eligible', text: followText('contestNotEligibleResult', lang) };
  if (own?.correct) return { kind: 'correct', text: followText('contestCorrect', lang, { points: own.questionPoints ?? 0 }) };
  if (own?.answer) return { kind: 'wrong', text: followText('contestWrong', lang) };
  return { kind: 'none', text: followText('contestNoAnswer', lang) };
}

export function FollowContestReveal({ question, correctIds, own, lang }: FollowContestRevealProps) {
  const explanationId = useId();
  const result = contestResult(own, lang);
  const correct = new Set(correctIds ?? question.answer);
  const chosen = new Set(own?.answer ?? []);
  return (
    <div className="follow-contest__reveal">
      <p
        className={`follow-contest__result follow-contest__result--${result.kind}`}
        data-testid="follow-contest-result"
        data-result={result.kind}
        data-correct={result.kind === 'correct'}
      >
        {result.text}
      </p>
      <h3 className="follow-contest__prompt">{localize(question.prompt, lang)}</h3>
      <ol className="follow-contest__answers">
        {question.options.map((option, index) => {
          const right = correct.has(option.id);
          const mine = chosen.has(option.id);
          return (
            <li
              key={option.id}
              className={right ? 'follow-contest__answer follow-contest__answer--correct' : 'follow-contest__answer'}
              data-option={option.id}
              data-correct={right}
              data-chosen={mine || undefined}
            >
              <span className="follow-contest__letter">{optionLetter(index)}</span>
              <span className="follow-contest__text">{localize(option.text, lang)}</span>
              {right && <span className="follow-contest__tag">{followText('contestCorrectOption', lang)}</span>}
              {mine && (
                <span className="follow-contest__tag follow-contest__tag--mine">{followText('contestYourChoice', lang)}</span>
              )}
            </li>
          );
        })}
      </ol>
      <section className="follow-contest__explanation" aria-labelledby={explanationId}>
        <h4 id={explanationId}>{followText('contestExplanation', lang)}</h4>
        <p>{localize(question.explanation, lang)}</p>
      </section>
      {own && (
        <p className="follow-contest__so-far" data-testid="follow-contest-so-far" data-rank={own.rank} data-points={own.points}>
          {followText('contestPoints', lang, { points: own.points })}
          {own.of > 0 && ` · ${followText('contestPlaceOf', lang, { rank: own.rank, of: own.of })}`}
        </p>
      )}
    </div>
  );
}
