/**
 * One panel's row in the panel list (CuratePanelList): the button that opens it, its 未发送 mark,
 * who else has it open (张三 正在编辑, also the button's description), 上移 / 下移 within its section, and 移到栏目… (CurateMoveToSection) for another section. The
 * move controls carry `data-move` and `data-panel`, so the list can give the focus back to the
 * one used once the reloaded list is drawn; the row is `data-drop-row` for the drag's measure, and
 * its handle (a grip of dots) starts a drag (usePanelDrag).
 */
import { useId } from 'react';
import { curateText } from '../../../i18n/curateStrings.ts';
import type { Lang } from '../../../i18n/lang.ts';
import { joinNames } from '../presenceHeartbeat.ts';
import { CurateMoveToSection, type SectionChoice } from './CurateMoveToSection.tsx';
import type { DragHandleProps } from './usePanelDrag.ts';

export interface CuratePanelListItemProps {
  lang: Lang;
  panelId: string;
  /** The panel's title as shown. */
  title: string;
  /** Its place in its section, and how many panels the section has. */
  index: number;
  count: number;
  picked: boolean;
  pending: boolean;
  /** The other sections, for 移到栏目… (none: the control is not shown). */
  otherSections: readonly SectionChoice[];
  /** 移到栏目…'s form is open for this panel. */
  moveToOpen: boolean;
  onPick(): void;
  onMoveUp(): void;
  onMoveDown(): void;
  onToggleMoveTo(): void;
  onMoveTo(sectionId: string): void;
  /** The drag handle's pointer handlers (usePanelDrag). */
  dragHandle: DragHandleProps;
  /** This panel is the one being dragged. */
  dragging: boolean;
  /** Who else has this panel open (their names). */
  editors: readonly string[];
}

export function CuratePanelListItem(props: CuratePanelListItemProps) {
  const { lang, panelId, title, index, count } = props;
  const editorsId = useId();
  const edited = props.editors.length > 0;
  return (
    <li className={props.dragging ? 'curate-editor__item curate-editor__item--dragging' : 'curate-editor__item'} data-drop-row>
      {/* For pointers only (mouse, pen, touch): the keyboard has 上移 / 下移 and 移到栏目…, so screen readers skip it.
          Its grip is drawn by CSS: a character for it might be missing from the page's font subset. */}
      <span className="curate-drag-handle" aria-hidden="true" title={curateText('dragHandle', lang)} {...props.dragHandle} />
      <button
        type="button"
        className="curate-editor__pick"
        aria-current={props.picked ? 'true' : undefined}
        aria-describedby={edited ? editorsId : undefined}
        onClick={props.onPick}
      >
        {title}
      </button>
      {props.pending && <span className="curate-hint">{curateText('pendingMark', lang)}</span>}
      {edited && (
        <span id={editorsId} className="curate-presence-mark">
          {curateText('presenceMark', lang, { names: joinNames(props.editors, lang) })}
        </span>
      )}
      <span className="curate-editor__moves">
        <button
          type="button"
          className="curate-button curate-button--small"
          data-move="up"
          data-panel={panelId}
          aria-label={curateText('moveUpOf', lang, { title })}
          disabled={index === 0}
          onClick={props.onMoveUp}
        >
          {curateText('moveUp', lang)}
        </button>
        <button
          type="button"
          className="curate-button curate-button--small"
          data-move="down"
          data-panel={panelId}
          aria-label={curateText('moveDownOf', lang, { title })}
          disabled={index === count - 1}
          onClick={props.onMoveDown}
        >
          {curateText('moveDown', lang)}
        </button>
        {props.otherSections.length > 0 && (
          <button
            type="button"
            className="curate-button curate-button--small"
            data-move="section"
            data-panel={panelId}
            aria-label={curateText('moveToSectionOf', lang, { title })}
            aria-expanded={props.moveToOpen}
            onClick={props.onToggleMoveTo}
          >
            {curateText('moveToSection', lang)}
          </button>
        )}
      </span>
      {props.moveToOpen && (
        <CurateMoveToSection
          lang={lang}
          title={title}
          choices={props.otherSections}
          onMove={props.onMoveTo}
          onCancel={props.onToggleMoveTo}
        />
      )}
    </li>
  );
}
