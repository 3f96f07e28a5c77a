import type { ModeCapabilities } from '../../store/types.ts';

/**
 * Projector sessions: the slide is the card (no shared card, search or floor plan), the directory
 * for the lesson's links, the URL follows the stop, a presenter's clicker; the slide covers the
 * whole screen, and the motion between stops is the presenter's (M), sent with each goal.
 */
export const PRESENT_CAPABILITIES: ModeCapabilities = {
  screens: new Set(['directory']),
  history: 'push',
  input: 'keys',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'none',
  remembersLanguage: true,
  remembersQuizAttempt: false,
};
