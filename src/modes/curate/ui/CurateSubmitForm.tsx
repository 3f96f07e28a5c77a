/**
 * 提交审核: the note for the reviewer (修改说明) and the button, with whether the draft holds edits
 * not submitted yet, and a refusal in words (no changes; the content check's errors, each as
 * text). The note typed stays until a submission took it.
 */
import { type FormEvent, useId, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { CurateRefusal, type Refusal } from './CurateRefusal.tsx';

export interface CurateSubmitFormProps {
  lang: Lang;
  /** From the submissions list (null: not known yet). */
  draftChanged: boolean | null;
  busy: boolean;
  refusal: Refusal | null;
  /** Sends the note; true once submitted (the note is then cleared). */
  onSubmit(note: string): Promise<boolean>;
}

export function CurateSubmitForm({ lang, draftChanged, busy, refusal, onSubmit }: CurateSubmitFormProps) {
  const id = useId();
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (await onSubmit(note)) setNote('');
  };
  return (
    <section className="curate-subsection curate-review__submit" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{curateText('reviewSubmitTitle', lang)}</h3>
      {draftChanged !== null && (
        <p data-testid="curate-draft-changed">{curateText(draftChanged ? 'reviewDraftChanged' : 'reviewDraftSame', lang)}</p>
      )}
      <form className="curate-form curate-review__form" noValidate onSubmit={(event) => void submit(event)}>
        <label htmlFor={`${id}-note`}>{curateText('reviewNoteLabel', lang)}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={4}
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={`${id}-hint`} className="curate-hint">
          {curateText('reviewNoteHint', lang)}
        </p>
        {refusal && <CurateRefusal refusal={refusal} lang={lang} />}
        <button type="submit" className="curate-button curate-button--primary" disabled={busy}>
          {curateText('reviewSubmit', lang)}
        </button>
      </form>
    </section>
  );
}
