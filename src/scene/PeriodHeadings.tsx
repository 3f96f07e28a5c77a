/**
 * The periods of the Party's history on the corridor wall: a red plate with a gold rule over the
 * first milestone board of each period, naming the period and its years (layout/periodHeadings.ts
 * places them). Each plate's mesh and text share one text batch, as the section lintels do.
 */
import { type Lang, localize } from '../content/localize.ts';
import { periodYears } from '../content/periods.ts';
import type { Exhibition } from '../content/schema.ts';
import type { CorridorLayout } from '../layout/corridor.ts';
import { periodHeadings } from '../layout/periodHeadings.ts';
import { fitFontSize } from '../layout/textFit.ts';
import { BoardText } from './BoardText.tsx';
import { PALETTE } from './corridorMaterials.ts';
import { useSceneResources } from './SceneResources.tsx';
import { TextBatch } from './TextBatch.tsx';

interface PeriodHeadingsProps {
  exhibition: Exhibition;
  layout: CorridorLayout;
  lang: Lang;
}

/** Letters no larger than this (m): a heading, but smaller than the board titles under it. */
const MAX_FONT_SIZE = 0.12;
const MIN_FONT_SIZE = 0.06;

export function PeriodHeadings({ exhibition, layout, lang }: PeriodHeadingsProps) {
  const { materials } = useSceneResources();
  const periods = new Map((exhibition.periods ?? []).map((period) => [period.id, period]));
  return (
    <group name="period-headings">
      {periodHeadings(exhibition, layout).map((heading) => {
        const period = periods.get(heading.periodId);
        if (!period) return null;
        const label = `${localize(period.title, lang)}  ${periodYears(period, lang)}`;
        return (
          <TextBatch
            key={`${heading.periodId}-${heading.panelId}`}
            position={heading.position}
            rotation={[0, heading.rotationY, 0]}
          >
            <mesh
              name={`period-heading-${heading.periodId}`}
              geometry={materials.plane}
              material={materials.redPanel}
              scale={[heading.width, heading.height, 1]}
            />
            <mesh
              geometry={materials.plane}
              material={materials.gold}
              position={[0, -heading.height / 2 + 0.012, 0.002]}
              scale={[heading.width, 0.016, 1]}
            />
            <BoardText
              bold
              position={[0, 0.006, 0.006]}
              anchorX="center"
              anchorY="middle"
              fontSize={fitFontSize(label, heading.width - 0.16, MAX_FONT_SIZE, MIN_FONT_SIZE)}
              color={PALETTE.brightGold}
            >
              {label}
            </BoardText>
          </TextBatch>
        );
      })}
    </group>
  );
}
