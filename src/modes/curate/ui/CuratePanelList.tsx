/**
 * The draft's sections with their panels in the corridor's order (展板编辑's list): each panel a
 * button that opens it, its 未发送 mark, 上移 / 下移, and 移到栏目… (to another section's end,
 * said in the status line: 已把「标题」移到「栏目」末尾); or dragged by its handle within its
 * section or into another (usePanelDrag: a drop line shows where; Esc cancels); and who else has
 * a panel open beside it. The move itself is the editor's (it asks the server and reloads the
 * draft); the list keeps the keyboard's focus on the control that moved the panel, found again
 * once the reloaded list is drawn. Titles are only ever React text.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { type SectionListing, textIn } from '../draftModel.ts';
import type { SectionBox } from '../panelDrop.ts';
import { CuratePanelListItem } from './CuratePanelListItem.tsx';
import { usePanelDrag } from './usePanelDrag.ts';

/** The list's controls that move a panel; after a move the focus goes back to the same one. */
export type PanelMoveControl = 'up' | 'down' | 'section';

export interface CuratePanelListProps {
  lang: Lang;
  /** The sections in the exhibition's order. */
  sections: readonly SectionListing[];
  /** The panel open in the editor. */
  picked: string | null;
  /** Panels with an edit kept in the browser, not yet sent. */
  pending: readonly string[];
  /** Who else has each panel open (their names), from the presence beats. */
  editors: ReadonlyMap<string, readonly string[]>;
  onPick(panelId: string): void;
  /**
   * Moves the panel to `index` among `sectionId`'s panels after its removal (the server's
   * arithmetic), saying `announcement` once done; true when it moved and the list was reloaded.
   */
  onMove(panelId: string, sectionId: string, index: number, announcement: string | null): Promise<boolean>;
}

const NO_ONE: readonly string[] = [];

interface FocusWanted {
  panelId: string;
  control: PanelMoveControl;
}

export function CuratePanelList({ lang, sections, picked, pending, editors, onPick, onMove }: CuratePanelListProps) {
  const list = useRef<HTMLDivElement>(null);
  const [focusWanted, setFocusWanted] = useState<FocusWanted | null>(null);
  /** The panel whose 移到栏目… form is open (one at a time). */
  const [moveToFor, setMoveToFor] = useState<string | null>(null);
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
    const other = focusWanted.control === 'up' ? find('down') : focusWanted.control === 'down' ? find('up') : undefined;
    (same && !same.disabled ? same : other)?.focus();
    setFocusWanted(null);
  }, [focusWanted]);

  const move = async (
    panelId: string,
    sectionId: string,
    index: number,
    control: PanelMoveControl,
    announcement: string | null = null,
  ) => {
    await onMove(panelId, sectionId, index, announcement);
    // Moved or refused, the keyboard goes back to the control (the 移到栏目… form is gone either way).
    setFocusWanted({ panelId, control });
  };

  // The sections and rows as drawn, for the drag (the drop line has no data-drop-row: it is not counted).
  const measure = (): SectionBox[] =>
    [...(list.current?.querySelectorAll<HTMLElement>('[data-drop-section]') ?? [])].map((element) => {
      const box = element.getBoundingClientRect();
      return {
        sectionId: element.dataset.dropSection ?? '',
        top: box.top,
        bottom: box.bottom,
        rows: [...element.querySelectorAll<HTMLElement>('[data-drop-row]')].map((row) => {
          const rowBox = row.getBoundingClientRect();
          return { top: rowBox.top, bottom: rowBox.bottom };
        }),
      };
    });
  const { drag, handleFor } = usePanelDrag({
    measure,
    onDrop(panel, to) {
      const target = sections.find((section) => section.id === to.sectionId);
      if (!target) return;
      const announcement = curateText('movedToPlace', lang, {
        title: panel.title,
        section: titleOf(target.title),
        n: to.index + 1,
      });
      void onMove(panel.panelId, to.sectionId, to.index, announcement);
    },
  });
  const dropLine = <li key="drop-line" className="curate-drop-line" aria-hidden="true" />;

  const toggleMoveTo = (panelId: string) => {
    if (moveToFor === panelId) {
      // Closed (取消, Esc, or the button again): the keyboard is back on the button that opened it.
      setMoveToFor(null);
      setFocusWanted({ panelId, control: 'section' });
    } else setMoveToFor(panelId);
  };

  const moveTo = (panelId: string, title: string, sectionId: string) => {
    const target = sections.find((section) => section.id === sectionId);
    if (!target) return;
    setMoveToFor(null);
    // At its end: the server's index is among the panels after the move, so the section's length.
    void move(
      panelId,
      sectionId,
      target.panels.length,
      'section',
      curateText('movedToSectionEnd', lang, { title, section: titleOf(target.title) }),
    );
  };

  return (
    <div ref={list} className="curate-panel-list">
      {sections.map((section) => {
        const otherSections = sections
          .filter((other) => other.id !== section.id)
          .map((other) => ({ id: other.id, title: titleOf(other.title) }));
        return (
          <section
            key={section.id}
            className="curate-editor__section"
            aria-label={titleOf(section.title)}
            data-drop-section={section.id}
          >
            <h4>{titleOf(section.title)}</h4>
            <ul>
              {section.panels.map((panel, index) => {
                const title = titleOf(panel.title);
                const lineHere = drag?.slot?.sectionId === section.id && drag.slot.slot === index;
                return [
                  lineHere && dropLine,
                  <CuratePanelListItem
                    key={panel.id}
                    lang={lang}
                    panelId={panel.id}
                    title={title}
                    index={index}
                    count={section.panels.length}
                    picked={picked === panel.id}
                    pending={pending.includes(panel.id)}
                    otherSections={otherSections}
                    moveToOpen={moveToFor === panel.id}
                    onPick={() => onPick(panel.id)}
                    onMoveUp={() => void move(panel.id, section.id, index - 1, 'up')}
                    onMoveDown={() => void move(panel.id, section.id, index + 1, 'down')}
                    onToggleMoveTo={() => toggleMoveTo(panel.id)}
                    onMoveTo={(sectionId) => moveTo(panel.id, title, sectionId)}
                    dragHandle={handleFor({ panelId: panel.id, sectionId: section.id, index, title })}
                    dragging={drag?.panel.panelId === panel.id}
                    editors={editors.get(panel.id) ?? NO_ONE}
                  />,
                ];
              })}
              {drag?.slot?.sectionId === section.id && drag.slot.slot === section.panels.length && dropLine}
            </ul>
            {section.panels.length === 0 && <p className="curate-hint">{curateText('sectionHasNoPanels', lang)}</p>}
          </section>
        );
      })}
    </div>
  );
}
