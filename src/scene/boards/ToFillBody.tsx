import { localize } from '../../content/localize.ts';
import { t } from '../../i18n/strings.ts';
import { TO_FILL_BODY as AT, TEXT_Z } from '../../layout/boardBodies.ts';
import { BoardText } from '../BoardText.tsx';
import { PALETTE } from '../corridorMaterials.ts';
import { FittedText } from './FittedText.tsx';
import type { BoardBodyProps } from './types.ts';

/** A board for the station to fill: the 【待补充】 tag, centred, over the note of what belongs here. */
export function ToFillBody({ panel, lang, plan, bodyTop }: BoardBodyProps<'to-fill'>) {
  return (
    <>
      <BoardText bold position={[0, bodyTop - AT.tagDrop, TEXT_Z]} anchorX="center" fontSize={AT.tagSize} color={PALETTE.red}>
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
}
