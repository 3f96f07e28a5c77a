/**
 * What is printed on one board, laid out by the panel's kind. Coordinates are in the board's own
 * frame: metres, origin at the board's centre, +z out of the face. The frame, face and title band
 * behind this text are drawn for all boards at once by <BoardFixtures>.
 *
 * Running text is broken into lines here, by the same line-breaker and text plan the content check
 * uses (src/layout/boardText.ts), and handed to troika already broken: Chinese line-breaking rules
 * hold, and what the check calls "too long" is exactly what is cut here with "…".
 */
import { Fragment, memo, useMemo } from 'react';
import { formatDate, type Lang, localize } from '../content/localize.ts';
import type { Panel } from '../content/schema.ts';
import { labelled, t } from '../i18n/strings.ts';
import {
  BOARD_PAD,
  boardTextPlan,
  bodyArea,
  fitBox,
  layoutTitle,
  STAT_LABEL_OFFSET,
  statsBoardLayout,
  type TextBox,
  TITLE_BAND_HEIGHT,
  YEAR_COLUMN,
} from '../layout/boardText.ts';
import type { BoardPlacement } from '../layout/corridor.ts';
import { type Advance, advanceOf } from '../layout/lineBreak.ts';
import { useExhibition } from '../store/store.ts';
import { BoardImage } from './BoardImage.tsx';
import { BoardText, type BoardTextProps } from './BoardText.tsx';
import { PALETTE } from './corridorMaterials.ts';
import { useSceneResources } from './SceneResources.tsx';
import { TextBatch } from './TextBatch.tsx';

export { TITLE_BAND_HEIGHT };

const TEXT_Z = 0.006;

interface BoardContentProps {
  panel: Panel;
  placement: BoardPlacement;
  lang: Lang;
}

type FittedTextProps = Omit<BoardTextProps, 'children' | 'fontSize' | 'maxWidth'> & { text: string; box: TextBox };

/** Running text set into its box: broken by our line-breaker, shrunk a little or cut with "…". */
function FittedText({ text, box, bold, ...props }: FittedTextProps) {
  const metrics = useExhibition((state) => state.fontMetrics);
  const advance: Advance = useMemo(() => advanceOf(metrics, box.bold || Boolean(bold)), [metrics, box.bold, bold]);
  const fitted = useMemo(() => fitBox(text, box, advance), [text, box, advance]);
  return (
    <BoardText bold={box.bold || bold} fontSize={fitted.fontSize} lineHeight={box.lineHeight} whiteSpace="nowrap" {...props}>
      {fitted.lines.join('\n')}
    </BoardText>
  );
}

export const BoardContent = memo(function BoardContent({ panel, placement, lang }: BoardContentProps) {
  const { materials } = useSceneResources();
  const metrics = useExhibition((state) => state.fontMetrics);
  const { width, height } = placement;
  const plan = useMemo(() => boardTextPlan(panel, width, height), [panel, width, height]);
  const left = -width / 2 + BOARD_PAD;
  const { top: bodyTop, bottom: bodyBottom } = bodyArea(height);
  const image = panel.images[0];
  const summary = localize(panel.summary, lang);
  const title = localize(panel.title, lang);
  const titleLayout = useMemo(
    () => layoutTitle(title, advanceOf(metrics, true), plan.title.maxWidth),
    [title, metrics, plan.title.maxWidth],
  );
  /** The first paragraph of the card's text, printed small where the board has room. */
  const lead = localize(panel.body[0], lang);

  let body: React.ReactNode;
  switch (panel.kind) {
    case 'milestone': {
      const year = panel.date.slice(0, 4);
      body = (
        <>
          <BoardText bold position={[left, bodyTop + 0.02, TEXT_Z]} fontSize={0.24} color={PALETTE.red} letterSpacing={-0.02}>
            {year}
          </BoardText>
          {panel.date.length > 4 && (
            <BoardText
              position={[left + 0.01, bodyTop - 0.28, TEXT_Z]}
              fontSize={0.06}
              color="#6b4a33"
              maxWidth={YEAR_COLUMN - 0.05}
            >
              {formatDate(panel.date, lang)}
            </BoardText>
          )}
          <FittedText text={summary} box={plan.summary} position={[left + YEAR_COLUMN, bodyTop, TEXT_Z]} color={PALETTE.ink} />
          {lead && plan.lead && (
            <>
              <mesh
                position={[0, bodyTop - plan.leadOffset + 0.05, TEXT_Z - 0.002]}
                scale={[width - 2 * BOARD_PAD, 0.004, 1]}
                geometry={materials.plane}
                material={materials.gold}
              />
              <FittedText text={lead} box={plan.lead} position={[left, bodyTop - plan.leadOffset, TEXT_Z]} color="#4a3628" />
            </>
          )}
        </>
      );
      break;
    }
    case 'member': {
      const names = panel.people.map((person) => localize(person.name, lang)).join(lang === 'zh' ? '  ·  ' : ' · ');
      const roles = [...new Set(panel.people.map((person) => localize(person.role, lang)))].join(' / ');
      const honours = [...new Set(panel.people.flatMap((person) => person.honours.map((honour) => localize(honour, lang))))];
      body = (
        <>
          <BoardText bold position={[left, bodyTop + 0.01, TEXT_Z]} fontSize={0.12} color={PALETTE.red} maxWidth={plan.textWidth}>
            {names}
          </BoardText>
          <BoardText position={[left, bodyTop - 0.17, TEXT_Z]} fontSize={0.058} color="#5a4636" maxWidth={plan.textWidth}>
            {roles}
          </BoardText>
          {honours.length > 0 && (
            <BoardText bold position={[left, bodyTop - 0.27, TEXT_Z]} fontSize={0.058} color="#a0741f" maxWidth={plan.textWidth}>
              {honours.map((honour) => `★ ${honour}`).join('   ')}
            </BoardText>
          )}
          <FittedText
            text={summary}
            box={plan.summary}
            position={[left, bodyTop - plan.summaryOffset, TEXT_Z]}
            color={PALETTE.ink}
          />
        </>
      );
      break;
    }
    case 'stats': {
      const headerText = panel.since ? labelled(t('since', lang), formatDate(panel.since, lang), lang) : summary;
      const grid = statsBoardLayout(panel.stats, lang, width, height, {
        regular: advanceOf(metrics, false),
        bold: advanceOf(metrics, true),
      });
      body = (
        <>
          <BoardText position={[left, bodyTop + 0.03, TEXT_Z]} fontSize={0.055} color="#6b4a33" maxWidth={width - 2 * BOARD_PAD}>
            {headerText}
          </BoardText>
          {grid.cells.map((cell) => (
            <Fragment key={cell.index}>
              <BoardText bold position={[cell.x, cell.y, TEXT_Z]} fontSize={grid.figureSize} color={PALETTE.red}>
                {cell.figure}
              </BoardText>
              <BoardText
                position={[cell.x, cell.y - STAT_LABEL_OFFSET, TEXT_Z]}
                fontSize={cell.label.fontSize}
                lineHeight={plan.statLabel?.lineHeight}
                whiteSpace="nowrap"
                color={PALETTE.ink}
              >
                {cell.label.lines.join('\n')}
              </BoardText>
            </Fragment>
          ))}
        </>
      );
      break;
    }
    case 'board': {
      const points = panel.points.map((point) => `· ${localize(point, lang)}`).join('\n');
      body = (
        <FittedText
          text={points || summary}
          box={plan.list ?? plan.summary}
          position={[left, bodyTop, TEXT_Z]}
          color={PALETTE.ink}
        />
      );
      break;
    }
    case 'to-fill': {
      body = (
        <>
          <BoardText bold position={[0, bodyTop - 0.02, TEXT_Z]} anchorX="center" fontSize={0.1} color={PALETTE.red}>
            {`【${t('toFill', lang)}】`}
          </BoardText>
          <FittedText
            text={localize(panel.note, lang)}
            box={plan.summary}
            position={[0, bodyTop - plan.summaryOffset, TEXT_Z]}
            anchorX="center"
            textAlign="center"
            color="#5a4636"
          />
        </>
      );
      break;
    }
    default: {
      // 'event': a date line, then the summary.
      const date = panel.date ? formatDate(panel.date, lang) : '';
      body = (
        <>
          {date && (
            <BoardText bold position={[left, bodyTop + 0.02, TEXT_Z]} fontSize={0.07} color={PALETTE.red}>
              {date}
            </BoardText>
          )}
          <FittedText
            text={summary}
            box={plan.summary}
            position={[left, bodyTop - plan.summaryOffset, TEXT_Z]}
            color={PALETTE.ink}
          />
        </>
      );
    }
  }

  return (
    <group position={placement.position} rotation={[0, placement.rotationY, 0]} userData={{ panelId: panel.id }}>
      {/* All of a board's text in one draw call; texts must be direct children (no groups). */}
      <TextBatch>
        <BoardText
          bold
          position={[left, height / 2 - TITLE_BAND_HEIGHT / 2, TEXT_Z]}
          anchorY="middle"
          fontSize={titleLayout.fontSize}
          lineHeight={1.15}
          whiteSpace="nowrap"
          color={PALETTE.brightGold}
        >
          {titleLayout.lines.join('\n')}
        </BoardText>
        {body}
        {image && panel.kind !== 'stats' && panel.kind !== 'to-fill' && (
          <BoardImage
            panelId={panel.id}
            image={image}
            position={[width / 4 + 0.02, (bodyTop + bodyBottom) / 2, 0.004]}
            maxWidth={width / 2 - BOARD_PAD - 0.04}
            maxHeight={bodyTop - bodyBottom + 0.04}
            lang={lang}
          />
        )}
      </TextBatch>
    </group>
  );
});
