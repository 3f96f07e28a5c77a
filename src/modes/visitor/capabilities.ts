import type { ModeCapabilities } from '../../store/types.ts';

/** The visitor in a browser: every shared screen, links and history, keys, reduced motion honoured. */
export const VISITOR_CAPABILITIES: ModeCapabilities = {
  screens: new Set([
    'card',
    'search',
    'textTwin',
    'directory',
    'lessonLinks',
    'floorPlan',
    'boardProxies',
    'oathCeremony',
    'quiz',
  ]),
  history: 'push',
  input: 'keys',
  printAndDownload: true,
  cameraTransitions: 'cutWhenReducedMotion',
  cardRoom: 'visitor',
  remembersLanguage: true,
  remembersQuizAttempt: true,
};
