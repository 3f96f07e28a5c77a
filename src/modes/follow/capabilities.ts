import type { ModeCapabilities } from '../../store/types.ts';

/**
 * An audience phone following a live lesson (`?mode=follow&code=…`): the mode's own page only
 * (no shared screens, no 3D corridor: phones and CPU tests stay cheap), no hash routes (the
 * lesson, not the URL, says which board shows), touch, and the phone's own language kept.
 */
export const FOLLOW_CAPABILITIES: ModeCapabilities = {
  screens: new Set(),
  history: 'none',
  input: 'touch',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'none',
  remembersLanguage: true,
  remembersQuizAttempt: false,
};
