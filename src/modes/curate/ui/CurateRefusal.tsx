/**
 * A refused change of the draft in words (a delete refused `in-use`, an id taken…), with the
 * content check's problems that say why, each as text.
 */
import { curateErrorText, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import type { CurateError } from '../curateClient.ts';

export interface Refusal {
  text: string;
  problems: DraftProblem[];
}

/** A draft refusal's code in words (the draft's own codes, then the API's). */
export function draftRefusalText(error: string, lang: Lang): string {
  switch (error) {
    case 'in-use':
      return curateText('documentInUse', lang);
    case 'bad-id':
      return curateText('refusalBadId', lang);
    case 'id-taken':
      return curateText('refusalIdTaken', lang);
    case 'not-editable':
      return curateText('refusalNotEditable', lang);
    case 'not-empty':
      return curateText('refusalNotEmpty', lang);
    default:
      return curateErrorText(error as CurateError, lang);
  }
}

export function refusalOf(answer: { error: string }, lang: Lang, inUseText?: string): Refusal {
  const problems = 'problems' in answer && Array.isArray(answer.problems) ? (answer.problems as DraftProblem[]) : [];
  return {
    text: answer.error === 'in-use' && inUseText ? inUseText : draftRefusalText(answer.error, lang),
    problems,
  };
}

export interface CurateRefusalProps {
  refusal: Refusal;
  lang: Lang;
}

export function CurateRefusal({ refusal, lang }: CurateRefusalProps) {
  return (
    <div className="curate-error" role="alert">
      <p>{refusal.text}</p>
      {refusal.problems.length > 0 && (
        <ul>
          {refusal.problems.map((problem, index) => (
            <li key={`${index}-${problem.message.zh}`}>{problem.message[lang] || problem.message.zh}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
