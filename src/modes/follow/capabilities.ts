import type { ModeCapabilities } from '../../store/types.ts';

/**
 * An audience phone following a live lesson (`?mode=follow&code=…`): the mode's own page only
 * (no shared screens; the 3D corridor only when the phone asks for it), no hash routes (the
 * lesson, not the URL, says which board shows), touch, the camera cutting instead of gliding
 * where the phone asks for reduced motion, and the phone's own language kept.
 */
export const FOLLOW_CAPABILITIES: ModeCapabilities = {
  screens: new Set(),
  history: 'none',
  input: 'touch',
  printAndDownload: false,
  cameraTransitions: 'cutWhenReducedMotion',
  cardRoom: 'visitor',
  remembersLanguage: true,
  remembersQuizAttempt: false,
};
