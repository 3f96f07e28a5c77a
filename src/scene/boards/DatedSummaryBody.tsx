import { formatDate } from '../../content/localize.ts';
import { EVENT_BODY as AT, TEXT_Z } from '../../layout/boardBodies.ts';
import { BoardText } from '../BoardText.tsx';
import { PALETTE } from '../corridorMaterials.ts';
import { FittedText } from './FittedText.tsx';
import type { BoardBodyProps } from './types.ts';

/**
 * A date line (where the panel has a date), then the summary: an event's board, and the board
 * of the oath wall (its phrases are read on its card).
 */
export function DatedSummaryBody({
  panel,
  lang,
  plan,
  left,
  bodyTop,
  summary,
}: BoardBodyProps<'event'> | BoardBodyProps<'oath'>) {
  const date = panel.date ? formatDate(panel.date, lang) : '';
  return (
    <>
      {date && (
        <BoardText bold position={[left, bodyTop + AT.dateRise, TEXT_Z]} fontSize={AT.dateSize} color={PALETTE.red}>
          {date}
        </BoardText>
      )}
      <FittedText text={summary} box={plan.summary} position={[left, bodyTop - plan.summaryOffset, TEXT_Z]} color={PALETTE.ink} />
    </>
  );
}
