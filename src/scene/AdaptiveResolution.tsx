/**
 * Draws the walk at fewer pixels when the device is too slow for all of them, and every still
 * frame at the full ratio (the rule: scene/walkResolution.ts). It follows the camera rig's pose,
 * told once a frame from inside the rig's frame once the rig knows whether the camera moves, and
 * before that frame is drawn: so the frame in which the camera comes to rest is itself drawn at
 * the full ratio, and asks for no other (the canvas then stays idle, as before).
 *
 * It sets the renderer's ratio directly rather than R3F's `setDpr`: R3F's ratio stays the
 * canvas's configured, full one (a resize or a new configuration puts the full ratio back, the
 * safe side), and a change of the store would ask for one frame more after the rest frame.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { livePose, onLivePose } from '../store/live.ts';
import { createWalkResolution, leastWalkPixelRatio, walkFrame } from './walkResolution.ts';

export function AdaptiveResolution() {
  const gl = useThree((state) => state.gl);
  const get = useThree((state) => state.get);
  const walk = useRef(createWalkResolution(get().viewport.dpr));

  useEffect(
    () =>
      onLivePose(() => {
        const { viewport, size } = get();
        const full = viewport.dpr;
        const ratio = walkFrame(walk.current, performance.now(), livePose.moving, {
          full,
          least: leastWalkPixelRatio(full, size.width, size.height),
        });
        if (gl.getPixelRatio() !== ratio) gl.setPixelRatio(ratio);
      }),
    [gl, get],
  );

  // Leaving the scene (or a new renderer) restores the full ratio.
  useEffect(() => () => gl.setPixelRatio(get().viewport.dpr), [gl, get]);

  return null;
}
