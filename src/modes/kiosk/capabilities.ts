import type { ModeCapabilities } from '../../store/types.ts';

/**
 * The lobby kiosk, unattended: the card and the oath's ceremony only (its own HUD and attract tour), no links or history,
 * touch only, nothing to print or download, a wider card, and every visit starting in Chinese.
 */
export const KIOSK_CAPABILITIES: ModeCapabilities = {
  screens: new Set(['card', 'oathCeremony']),
  history: 'none',
  input: 'touch',
  printAndDownload: false,
  cameraTransitions: 'glide',
  cardRoom: 'kiosk',
  remembersLanguage: false,
};
