/**
 * Everything inside the canvas, drawn from the layout. Separate from the <Canvas> so the scene
 * test can render it in @react-three/test-renderer.
 */
import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PerspectiveCamera } from 'three';
import { allPanels } from '../content/load.ts';
import type { Lang } from '../content/localize.ts';
import type { Exhibition } from '../content/schema.ts';
import { canvasPresses, isTap } from '../input/tapTolerance.ts';
import type { BoardPlacement, CorridorLayout } from '../layout/corridor.ts';
import { typesetOrder } from '../layout/queries.ts';
import { livePose } from '../store/live.ts';
import { useExhibition } from '../store/store.ts';
import { AdaptiveResolution } from './AdaptiveResolution.tsx';
import { BoardContent } from './BoardContent.tsx';
import { BoardFixtures } from './BoardFixtures.tsx';
import { CameraRig } from './CameraRig.tsx';
import { CorridorShell } from './CorridorShell.tsx';
import { FocusRing } from './FocusRing.tsx';
import { GpuWarmup } from './GpuWarmup.tsx';
import { EntranceArch, FarWall, SectionMarkers } from './Landmarks.tsx';
import { PeriodHeadings } from './PeriodHeadings.tsx';
import { SceneResourcesProvider } from './SceneResources.tsx';

/**
 * A click on the scene that is a tap: the pointer stayed put, and a finger was alone and lifted in
 * time (a pinch or a long press ends in a click too, and must neither walk nor open a board).
 */
function isTapClick(event: ThreeEvent<MouseEvent>): boolean {
  const click = event.nativeEvent as Partial<PointerEvent> | undefined;
  return isTap(event.delta, click?.pointerType, canvasPresses.shapeOf(click));
}

export interface CorridorProps {
  exhibition: Exhibition;
  layout: CorridorLayout;
  lang: Lang;
  onOpenPanel(panelId: string): void;
  onWalkTo(x: number, z: number): void;
}

export function Corridor({ exhibition, layout, lang, onOpenPanel, onWalkTo }: CorridorProps) {
  const panelById = useMemo(() => new Map(allPanels(exhibition).map((panel) => [panel.id, panel])), [exhibition]);
  const placementById = useMemo(() => new Map(layout.boards.map((board) => [board.panelId, board])), [layout.boards]);
  // Far boards show frame, face and title band only (see TEXT_BOARDS); null: all of them.
  const textBoardIds = useExhibition((state) => state.textBoardIds);
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  // The boards in view are typeset first, nearest first; the rest join once every text so far is
  // set (then for good), so the visitor's view fills in without waiting for the boards behind.
  const textsAllSet = useExhibition(
    (state) => state.progress.textsTotal > 0 && state.progress.textsReady >= state.progress.textsTotal,
  );
  const [restShown, setRestShown] = useState(false);
  useEffect(() => {
    if (textsAllSet) setRestShown(true);
  }, [textsAllSet]);
  const textBoards = useMemo(() => {
    const candidates = textBoardIds ? new Set(textBoardIds) : null;
    const boards = candidates ? layout.boards.filter((board) => candidates.has(board.panelId)) : layout.boards;
    const verticalFov = ((camera.fov ?? 55) * Math.PI) / 180;
    const horizontalFov = 2 * Math.atan(Math.tan(verticalFov / 2) * (camera.aspect || 16 / 9));
    // Read once when the set changes (never per frame): where the visitor stands and looks now.
    const { inView, rest } = typesetOrder(boards, livePose.position, livePose.yaw, horizontalFov);
    return { inView, rest };
  }, [textBoardIds, layout.boards, camera]);
  // The lettering waits for the font's advance widths (asked for at the start): set without them,
  // every text would be set again when they come.
  const metricsPending = useExhibition((state) => state.fontMetricsPending);
  const shownIds = restShown || textBoards.inView.length === 0 ? [...textBoards.inView, ...textBoards.rest] : textBoards.inView;
  const handleBoardClick = useCallback(
    (board: BoardPlacement, event: ThreeEvent<MouseEvent>) => {
      if (isTapClick(event)) onOpenPanel(board.panelId);
    },
    [onOpenPanel],
  );
  const handleFloorClick = useCallback(
    (x: number, z: number, event: ThreeEvent<MouseEvent>) => {
      if (isTapClick(event)) onWalkTo(x, z);
    },
    [onWalkTo],
  );

  return (
    <SceneResourcesProvider corridorLength={layout.length} corridorWidth={layout.width}>
      <CorridorShell layout={layout} onFloorClick={handleFloorClick} />
      <BoardFixtures layout={layout} onBoardClick={handleBoardClick} />
      <FocusRing layout={layout} />
      {/* The rest of the room shows meanwhile; each text appears once troika has set it. */}
      {!metricsPending && (
        <>
          <EntranceArch exhibition={exhibition} layout={layout} lang={lang} />
          <SectionMarkers exhibition={exhibition} layout={layout} lang={lang} />
          <PeriodHeadings exhibition={exhibition} layout={layout} lang={lang} />
          <FarWall exhibition={exhibition} layout={layout} lang={lang} />
          {shownIds.map((panelId) => {
            const placement = placementById.get(panelId);
            const panel = panelById.get(panelId);
            if (!placement) return null;
            return panel ? <BoardContent key={panel.id} panel={panel} placement={placement} lang={lang} /> : null;
          })}
        </>
      )}
      <CameraRig />
      <AdaptiveResolution />
      <GpuWarmup />
    </SceneResourcesProvider>
  );
}
