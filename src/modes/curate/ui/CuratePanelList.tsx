/**
 * The draft's sections with their panels in the corridor's order (展板编辑's list): each panel a
 * button that opens it, its 未发送 mark, and 上移 / 下移. The move itself is the editor's (it
 * asks the server and reloads the draft); the list keeps the keyboard's focus on the control that
 * moved the panel, found again once the reloaded list is drawn. Titles are only ever React text.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { type SectionListing, textIn } from '../draftModel.ts';

/** The list's controls that move a panel; after a move the focus goes back to the same one. */
export type PanelMoveControl = 'up' | 'down';

export interface CuratePanelListProps {
  lang: Lang;
  /** The sections in the exhibition's order (a new array only when the draft changed). */
  sections: readonly SectionListing[];
  /** The panel open in the editor. */
  picked: string | null;
  /** Panels with an edit kept in the browser, not yet sent. */
  pending: readonly string[];
  onPick(panelId: string): void;
  /**
   * Moves the panel to `index` among `sectionId`'s panels after its removal (the server's
   * arithmetic), saying `announcement` once done; true when it moved and the list was reloaded.
   */
  onMove(panelId: string, sectionId: string, index: number, announcement: string | null): Promise<boolean>;
}

interface FocusWanted {
  panelId: string;
  control: PanelMoveControl;
}

export function CuratePanelList({ lang, sections, picked, pending, onPick, onMove }: CuratePanelListProps) {
  const list = useRef<HTMLDivElement>(null);
  const [focusWanted, setFocusWanted] = useState<FocusWanted | null>(null);
  const titleOf = (value: unknown) => textIn(value, lang) || curateText('untitled', lang);

  // Set once the move is through, so this runs after the reloaded list is drawn (the panel's
  // controls may be new elements, in another section).
  useLayoutEffect(() => {
    if (!focusWanted) return;
    const find = (control: PanelMoveControl) =>
      [...(list.current?.querySelectorAll<HTMLButtonElement>(`[data-move="${control}"]`) ?? [])].find(
        (button) => button.dataset.panel === focusWanted.panelId,
      );
    const same = find(focusWanted.control);
    // At a section's end the same button is disabled: the other one keeps the panel moving by keyboard.
    const other = focusWanted.control === 'up' ? find('down') : find('up');
    (same && !same.disabled ? same : other)?.focus();
    setFocusWanted(null);
  }, [focusWanted]);

  const move = async (panelId: string, sectionId: string, index: number, control: PanelMoveControl) => {
    if (await onMove(panelId, sectionId, index, null)) setFocusWanted({ panelId, control });
  };

  return (
    <div ref={list} className="curate-panel-list">
      {sections.map((section) => (
        <section key={section.id} className="curate-editor__section" aria-label={titleOf(section.title)}>
          <h4>{titleOf(section.title)}</h4>
          <ul>
            {section.panels.map((panel, index) => {
              const title = titleOf(panel.title);
              return (
                <li key={panel.id} className="curate-editor__item">
                  <button
                    type="button"
                    className="curate-editor__pick"
                    aria-current={picked === panel.id ? 'true' : undefined}
                    onClick={() => onPick(panel.id)}
                  >
                    {title}
                  </button>
                  {pending.includes(panel.id) && <span className="curate-hint">{curateText('pendingMark', lang)}</span>}
                  <span className="curate-editor__moves">
                    <button
                      type="button"
                      className="curate-button curate-button--small"
                      data-move="up"
                      data-panel={panel.id}
                      aria-label={curateText('moveUpOf', lang, { title })}
                      disabled={index === 0}
                      onClick={() => void move(panel.id, section.id, index - 1, 'up')}
                    >
                      {curateText('moveUp', lang)}
                    </button>
                    <button
                      type="button"
                      className="curate-button curate-button--small"
                      data-move="down"
                      data-panel={panel.id}
                      aria-label={curateText('moveDownOf', lang, { title })}
                      disabled={index === section.panels.length - 1}
                      onClick={() => void move(panel.id, section.id, index + 1, 'down')}
                    >
                      {curateText('moveDown', lang)}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
