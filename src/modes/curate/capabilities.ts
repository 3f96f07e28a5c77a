import type { ModeCapabilities } from '../../store/types.ts';

/**
 * The station's staff editing the exhibition (布展, `?mode=curate` on the station server): the
 * mode's own page only (no shared screens, no corridor), no hash routes (the page's sections are
 * its own state, and a setup link's token must leave the address, not live in it), a keyboard and
 * a mouse on the station PC, and the curator's own choice of language kept.
 */
export const CURATE_CAPABILITIES: ModeCapabilities = {
  screens: new Set(),
  history: 'none',
  input: 'keys',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'none',
  remembersLanguage: true,
  remembersQuizAttempt: false,
};
