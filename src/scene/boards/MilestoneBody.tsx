import { formatDate, localize } from '../../content/localize.ts';
import { MILESTONE_BODY as AT, TEXT_Z } from '../../layout/boardBodies.ts';
import { BOARD_PAD, YEAR_COLUMN } from '../../layout/boardText.ts';
import { BoardText } from '../BoardText.tsx';
import { PALETTE } from '../corridorMaterials.ts';
import { useSceneResources } from '../SceneResources.tsx';
import { FittedText } from './FittedText.tsx';
import type { BoardBodyProps } from './types.ts';

/** A milestone of the timeline: the year in display type, the full date, the summary beside, a lead paragraph under a gold rule. */
export function MilestoneBody({ panel, lang, plan, width, left, bodyTop, summary }: BoardBodyProps<'milestone'>) {
  const { materials } = useSceneResources();
  const year = panel.date.slice(0, 4);
  /** The first paragraph of the card's text, printed small where the board has room. */
  const lead = localize(panel.body[0], lang);
  return (
    <>
      <BoardText
        bold
        position={[left, bodyTop + AT.yearRise, TEXT_Z]}
        fontSize={AT.yearSize}
        color={PALETTE.red}
        letterSpacing={AT.yearLetterSpacing}
      >
        {year}
      </BoardText>
      {panel.date.length > 4 && (
        <BoardText
          position={[left + AT.dateIndent, bodyTop - AT.dateDrop, TEXT_Z]}
          fontSize={AT.dateSize}
          color="#6b4a33"
          maxWidth={YEAR_COLUMN - AT.dateColumnMargin}
        >
          {formatDate(panel.date, lang)}
        </BoardText>
      )}
      <FittedText text={summary} box={plan.summary} position={[left + YEAR_COLUMN, bodyTop, TEXT_Z]} color={PALETTE.ink} />
      {lead && plan.lead && (
        <>
          <mesh
            position={[0, bodyTop - plan.leadOffset + AT.leadRuleRise, TEXT_Z - AT.leadRuleBehind]}
            scale={[width - 2 * BOARD_PAD, AT.leadRuleThickness, 1]}
            geometry={materials.plane}
            material={materials.gold}
          />
          <FittedText text={lead} box={plan.lead} position={[left, bodyTop - plan.leadOffset, TEXT_Z]} color="#4a3628" />
        </>
      )}
    </>
  );
}
