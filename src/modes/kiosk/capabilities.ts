import type { ModeCapabilities } from '../../store/types.ts';

/**
 * The lobby kiosk, unattended: the card, the oath's ceremony and the quizzes only (its own HUD and attract tour), no
 * links or history, touch only, nothing to print or download, a wider card, and every visit starting in Chinese.
 */
export const KIOSK_CAPABILITIES: ModeCapabilities = {
  screens: new Set(['card', 'oathCeremony', 'quiz']),
  history: 'none',
  input: 'touch',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'kiosk',
  remembersLanguage: false,
  remembersQuizAttempt: false,
};
