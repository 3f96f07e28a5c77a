/**
 * One localized field of a panel (标题, 摘要, a paragraph…): its Chinese and its English side by
 * side (English optional), each labelled — by a curator string, or by the two names the schema
 * form reads from the schema — with its hint and the content check's problems of the field under
 * them in words. What is typed stays text (React text and input values only).
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

/** The field's name: a curator string (its Chinese and English both come from it), or both names given. */
export type LocalizedFieldName =
  | { name: CurateStringKey; values?: Record<string, string | number>; label?: never }
  | { label: { zh: string; en: string }; name?: never; values?: never };

export type LocalizedFieldProps = LocalizedFieldName & {
  lang: Lang;
  value: unknown;
  multiline?: boolean;
  /** What the field is for, under it (the schema's hint, its limits). */
  hint?: string | undefined;
  problems?: readonly DraftProblem[] | undefined;
  onChange(language: 'zh' | 'en', text: string): void;
};

export function LocalizedField(props: LocalizedFieldProps) {
  const { lang, value, multiline = false, hint, problems, onChange } = props;
  const id = useId();
  const problemsId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const parts = localizedParts(value);
  const names = props.label ?? {
    zh: curateText(props.name, 'zh', props.values ?? {}),
    en: curateText(props.name, 'en', props.values ?? {}),
  };
  const labels = {
    zh: curateText('inChinese', lang, { field: lang === 'zh' ? names.zh : names.en }),
    en: curateText('inEnglish', lang, { field: names.en }),
  };
  const described = [hint ? hintId : '', problems?.length ? problemsId : ''].filter(Boolean).join(' ') || undefined;
  const input = (language: 'zh' | 'en') => {
    const attributes = {
      id: `${id}-${language}`,
      value: parts[language],
      lang: language === 'zh' ? 'zh-CN' : 'en',
      'aria-describedby': described,
      'aria-invalid': problems?.some((problem) => problem.severity === 'error') || undefined,
    };
    return multiline ? (
      <textarea {...attributes} rows={3} onChange={(event) => onChange(language, event.target.value)} />
    ) : (
      <input {...attributes} type="text" onChange={(event) => onChange(language, event.target.value)} />
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
      {hint && (
        <p id={hintId} className="curate-hint">
          {hint}
        </p>
      )}
      <FieldProblems lang={lang} id={problemsId} problems={problems} />
    </div>
  );
}
