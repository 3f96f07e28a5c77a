import { Fragment } from 'react';
import { formatDate } from '../../content/localize.ts';
import { labelled, t } from '../../i18n/strings.ts';
import { STATS_BODY as AT, TEXT_Z } from '../../layout/boardBodies.ts';
import { BOARD_PAD, STAT_LABEL_OFFSET, statsBoardLayout } from '../../layout/boardText.ts';
import { advanceOf } from '../../layout/lineBreak.ts';
import { useExhibition } from '../../store/store.ts';
import { BoardText } from '../BoardText.tsx';
import { PALETTE } from '../corridorMaterials.ts';
import type { BoardBodyProps } from './types.ts';

/** Figures: a header (since when, or the summary), then a grid of figures in red over their labels. */
export function StatsBody({ panel, lang, plan, width, height, left, bodyTop, summary }: BoardBodyProps<'stats'>) {
  const metrics = useExhibition((state) => state.fontMetrics);
  const headerText = panel.since ? labelled(t('since', lang), formatDate(panel.since, lang), lang) : summary;
  const grid = statsBoardLayout(panel.stats, lang, width, height, {
    regular: advanceOf(metrics, false),
    bold: advanceOf(metrics, true),
  });
  return (
    <>
      <BoardText
        position={[left, bodyTop + AT.headerRise, TEXT_Z]}
        fontSize={AT.headerSize}
        color="#6b4a33"
        maxWidth={width - 2 * BOARD_PAD}
      >
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
}
