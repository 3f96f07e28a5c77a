/**
 * Draws the walk at fewer pixels when the device is too slow for all of them, and every still
 * frame at the full ratio (the rule: scene/walkResolution.ts). It follows the camera rig's pose,
 * told once a frame from inside the rig's frame once the rig knows whether the camera moves, and
 * before that frame is drawn: so the frame in which the camera comes to rest is itself drawn at
 * the full ratio, and asks for no other (the canvas then stays idle, as before).
 *
 * The canvas keeps its size: a walking frame is drawn into a corner and stretched over it
 * (scene/reducedResolutionRender.ts says why). R3F's ratio stays the canvas's configured, full
 * one, and a change of ratio asks for no frame of its own.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { livePose, onLivePose } from '../store/live.ts';
import { ReducedResolutionRender, registerReducedRender } from './reducedResolutionRender.ts';
import { createWalkResolution, leastWalkPixelRatio, walkFrame } from './walkResolution.ts';

export function AdaptiveResolution() {
  const gl = useThree((state) => state.gl);
  const get = useThree((state) => state.get);
  const walk = useRef(createWalkResolution(get().viewport.dpr));
  /** The ratio the next frame is drawn at: the full one unless the walk asked for fewer pixels. */
  const ratio = useRef(get().viewport.dpr);
  const draw = useRef<ReducedResolutionRender | null>(null);

  useLayoutEffect(() => {
    const reduced = new ReducedResolutionRender(gl.getPixelRatio());
    draw.current = reduced;
    registerReducedRender(gl, reduced);
    // The quad's program is linked before the first frame, while the GPU process has nothing else
    // queued, not in the walk's first frame (scene/gpuWarmup.ts says why).
    reduced.compile(gl);
    return () => {
      registerReducedRender(gl, null);
      draw.current = null;
      reduced.dispose();
    };
  }, [gl]);

  useEffect(
    () =>
      onLivePose(() => {
        const { viewport, size } = get();
        const full = viewport.dpr;
        ratio.current = walkFrame(walk.current, performance.now(), livePose.moving, {
          full,
          least: leastWalkPixelRatio(full, size.width, size.height),
        });
      }),
    [get],
  );

  // Priority 1: this draws every frame (R3F then draws none itself), after the rig has moved the
  // camera and told the pose. At rest, or where the device keeps up, it is R3F's own render.
  useFrame(({ gl: renderer, scene, camera }) => {
    const reduced = draw.current;
    if (reduced) reduced.render(renderer, scene, camera, ratio.current);
    else renderer.render(scene, camera);
  }, 1);

  return null;
}
