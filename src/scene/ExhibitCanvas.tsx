import { Canvas, invalidate } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { t } from '../i18n/strings.ts';
import { installDragLook } from '../input/dragLook.ts';
import { EYE_FOV_DEGREES } from '../layout/corridor.ts';
import { textBoardOptions } from '../layout/queries.ts';
import { setFrameRequester } from '../store/live.ts';
import { useExhibition } from '../store/store.ts';
import { Corridor } from './Corridor.tsx';
import { deviceQuality } from './deviceQuality.ts';
import { exposeTestHooks } from './testHooks.ts';
import { startTextureStreaming } from './textureStreaming.ts';

/** The WebGL canvas: renders only on demand, unlit colours as authored (no tone mapping). */
export function ExhibitCanvas() {
  const exhibition = useExhibition((state) => state.exhibition);
  const layout = useExhibition((state) => state.layout);
  const lang = useExhibition((state) => state.lang);
  const openPanel = useExhibition((state) => state.openPanel);
  const walkTo = useExhibition((state) => state.walkTo);
  const container = useRef<HTMLDivElement>(null);

  // The container exists only once the content has loaded (null is rendered until then): install
  // the drag-to-look handlers when it appears, not at the first, empty render.
  const ready = Boolean(exhibition && layout);
  useEffect(() => {
    const element = ready ? container.current : null;
    return element ? installDragLook(element) : undefined;
  }, [ready]);

  // Input asks for frames through the store's channel (src/store/live.ts): it need not load three.
  useEffect(() => {
    setFrameRequester(() => invalidate());
    return () => setFrameRequester(null);
  }, []);

  // Only boards near the visitor hold a photo texture, and have their text set (as far as the
  // device affords: scene/deviceQuality.ts).
  useEffect(() => startTextureStreaming(useExhibition, { text: textBoardOptions(deviceQuality().textRadius) }), []);

  if (!exhibition || !layout) return null;
  return (
    <div ref={container} className="exhibit-canvas" role="img" aria-label={t('corridorLabel', lang)}>
      <Canvas
        frameloop="demand"
        flat
        // The device's pixel ratio, capped by what it can afford (scene/deviceQuality.ts).
        dpr={deviceQuality().dpr}
        camera={{ fov: EYE_FOV_DEGREES, near: 0.05, far: 120, position: layout.start.position }}
        gl={{ antialias: deviceQuality().antialias, powerPreference: 'high-performance' }}
        onCreated={(root) => exposeTestHooks(root)}
      >
        <color attach="background" args={['#1a0d0b']} />
        <Corridor exhibition={exhibition} layout={layout} lang={lang} onOpenPanel={openPanel} onWalkTo={walkTo} />
      </Canvas>
    </div>
  );
}
