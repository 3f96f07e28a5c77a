/**
 * What is printed on one board: the title band's text, the body by the panel's kind
 * (src/scene/boards/, one component a kind), and the photo. Coordinates are in the board's own
 * frame: metres, origin at the board's centre, +z out of the face. The frame, face and title band
 * behind this text are drawn for all boards at once by <BoardFixtures>.
 *
 * Running text is broken into lines here, by the same line-breaker and text plan the content check
 * uses (src/layout/boardText.ts), and handed to troika already broken: Chinese line-breaking rules
 * hold, and what the check calls "too long" is exactly what is cut here with "…".
 */
import { memo, useMemo } from 'react';
import { type Lang, localize } from '../content/localize.ts';
import type { Panel } from '../content/schema.ts';
import { BOARD_IMAGE, IMAGE_Z, TEXT_Z } from '../layout/boardBodies.ts';
import { BOARD_PAD, boardTextPlan, bodyArea, layoutTitle, TITLE_BAND_HEIGHT } from '../layout/boardText.ts';
import type { BoardPlacement } from '../layout/corridor.ts';
import { advanceOf } from '../layout/lineBreak.ts';
import { useExhibition } from '../store/store.ts';
import { BoardImage } from './BoardImage.tsx';
import { BoardText } from './BoardText.tsx';
import { boardBodyFor } from './boards/index.ts';
import { PALETTE } from './corridorMaterials.ts';
import { TextBatch } from './TextBatch.tsx';

interface BoardContentProps {
  panel: Panel;
  placement: BoardPlacement;
  lang: Lang;
}

export const BoardContent = memo(function BoardContent({ panel, placement, lang }: BoardContentProps) {
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
  const Body = boardBodyFor(panel.kind);

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
        <Body
          panel={panel}
          lang={lang}
          plan={plan}
          width={width}
          height={height}
          left={left}
          bodyTop={bodyTop}
          summary={summary}
        />
        {image && panel.kind !== 'stats' && panel.kind !== 'to-fill' && (
          <BoardImage
            panelId={panel.id}
            image={image}
            position={[width / 4 + BOARD_IMAGE.offsetX, (bodyTop + bodyBottom) / 2, IMAGE_Z]}
            maxWidth={width / 2 - BOARD_PAD - BOARD_IMAGE.widthMargin}
            maxHeight={bodyTop - bodyBottom + BOARD_IMAGE.heightOverhang}
            lang={lang}
          />
        )}
      </TextBatch>
    </group>
  );
});
