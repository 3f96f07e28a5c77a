/**
 * The visitor in a browser: walking keys, reduced motion followed, the HUD as the mode's overlay,
 * and on the station server the cards' share QR.
 */

import { installReducedMotion } from '../../input/reducedMotion.ts';
import { servedByStation } from '../../live/stationDetect.ts';
import type { ModeModule } from '../types.ts';
import { VISITOR_CAPABILITIES } from './capabilities.ts';
import { VisitorOverlay } from './VisitorOverlay.tsx';
import { installVisitorKeys } from './visitorInput.ts';

export const visitorMode: ModeModule = {
  id: 'visitor',
  capabilities: VISITOR_CAPABILITIES,
  install(store, win, { hasWebgl }) {
    const stopKeys = installVisitorKeys(store, win, { scene: hasWebgl });
    // The visitor's camera cuts instead of gliding when the system asks for reduced motion.
    const stopReducedMotion = installReducedMotion(store, win);
    // On the station server each card carries a QR of its link, for a phone on the same Wi-Fi.
    let installed = true;
    void servedByStation(win).then((served) => {
      if (installed) store.getState().setStationServed(served);
    });
    return {
      Overlay: VisitorOverlay,
      standalone: false,
      uninstall() {
        installed = false;
        stopReducedMotion();
        stopKeys();
      },
    };
  },
};
