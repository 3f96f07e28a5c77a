/**
 * One localized field of a panel (标题, 摘要, a paragraph…): its Chinese and its English side by
 * side (English optional), each labelled, and the content check's problems of the field under them
 * in words. What is typed stays text (React text and input values only).
 */
import { useId } from 'react';
import { type CurateStringKey, curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import type { DraftProblem } from '../../../live/curateDraftProtocol.ts';
import { localizedParts } from '../draftModel.ts';

export interface FieldProblemsProps {
  lang: Lang;
  id: string;
  problems: readonly DraftProblem[] | undefined;
}

/** The problems of a field, in the page's language (nothing when there are none). */
export function FieldProblems({ lang, id, problems }: FieldProblemsProps) {
  if (!problems?.length) return null;
  return (
    <ul id={id} className="curate-field-problems">
      {problems.map((problem, index) => (
        <li key={`${index}-${problem.message.zh}`} data-severity={problem.severity}>
          {problem.message[lang] || problem.message.zh}
        </li>
      ))}
    </ul>
  );
}

export interface LocalizedFieldProps {
  lang: Lang;
  /** The field's name (its Chinese and English both come from it). */
  name: CurateStringKey;
  values?: Record<string, string | number>;
  value: unknown;
  multiline?: boolean;
  problems?: readonly DraftProblem[] | undefined;
  onChange(language: 'zh' | 'en', text: string): void;
}

export function LocalizedField({ lang, name, values = {}, value, multiline = false, problems, onChange }: LocalizedFieldProps) {
  const id = useId();
  const problemsId = `${id}-problems`;
  const parts = localizedParts(value);
  const labels = {
    zh: curateText('inChinese', lang, { field: curateText(name, lang, values) }),
    en: curateText('inEnglish', lang, { field: curateText(name, 'en', values) }),
  };
  const described = problems?.length ? problemsId : undefined;
  const input = (language: 'zh' | 'en') => {
    const props = {
      id: `${id}-${language}`,
      value: parts[language],
      lang: language === 'zh' ? 'zh-CN' : 'en',
      'aria-describedby': described,
      'aria-invalid': problems?.some((problem) => problem.severity === 'error') || undefined,
    };
    return multiline ? (
      <textarea {...props} rows={3} onChange={(event) => onChange(language, event.target.value)} />
    ) : (
      <input {...props} type="text" onChange={(event) => onChange(language, event.target.value)} />
    );
  };
  return (
    <div className="curate-field">
      <div className="curate-field__pair">
        {(['zh', 'en'] as const).map((language) => (
          <div key={language} className="curate-field__side">
            <label htmlFor={`${id}-${language}`}>{labels[language]}</label>
            {input(language)}
          </div>
        ))}
      </div>
      <FieldProblems lang={lang} id={problemsId} problems={problems} />
    </div>
  );
}
