import { Hud } from '../../ui/Overlays.tsx';
import type { OverlayProps } from '../types.ts';

/** The visitor's HUD over the corridor; the text twin, when shown, has its own header instead. */
export function VisitorOverlay({ textTwinShown }: OverlayProps) {
  return textTwinShown ? null : <Hud />;
}
