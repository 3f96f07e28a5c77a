/**
 * 移到栏目…: the keyboard's and the screen reader's way to move a panel into another section (a
 * drag does the same by pointer). A small form under the panel's row: the other sections to
 * choose from and 移动, or 取消 / Esc. The panel goes to the chosen section's end.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';

export interface SectionChoice {
  id: string;
  /** The section's title as shown (already in the page's language). */
  title: string;
}

export interface CurateMoveToSectionProps {
  lang: Lang;
  /** The panel's title as shown. */
  title: string;
  /** The sections it can go to (every one but its own). */
  choices: readonly SectionChoice[];
  onMove(sectionId: string): void;
  onCancel(): void;
}

export function CurateMoveToSection({ lang, title, choices, onMove, onCancel }: CurateMoveToSectionProps) {
  const selectId = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [chosen, setChosen] = useState(choices[0]?.id ?? '');

  // Opened from its button: the choice is where the keyboard goes next.
  useEffect(() => {
    select.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choices.some((choice) => choice.id === chosen)) onMove(chosen);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form
      className="curate-move-to"
      aria-label={curateText('moveToSectionForm', lang, { title })}
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
    >
      <label htmlFor={selectId}>{curateText('moveToSectionChoice', lang)}</label>
      <select id={selectId} ref={select} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.title}
          </option>
        ))}
      </select>
      <button type="submit" className="curate-button curate-button--small curate-button--primary">
        {curateText('moveToSectionGo', lang)}
      </button>
      <button type="button" className="curate-button curate-button--small" onClick={onCancel}>
        {curateText('cancel', lang)}
      </button>
    </form>
  );
}
