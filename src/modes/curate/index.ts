/**
 * Curate mode (布展): the station's staff log in at `?mode=curate` on the station server and edit
 * the exhibition in the browser (src/live/curateProtocol.ts is the API). Its page is standalone:
 * no corridor, no shared screens, no board fonts or 3D code. A setup link
 * (`?mode=curate&setup=<token>`) loses its token from the address bar before anything renders.
 */
import { createElement } from 'react';
import type { ModeModule } from '../types.ts';
import { CURATE_CAPABILITIES } from './capabilities.ts';
import { createCurateClient, takeSetupToken } from './curateClient.ts';
import { CurateView } from './ui/CurateView.tsx';

export const curateMode: ModeModule = {
  id: 'curate',
  capabilities: CURATE_CAPABILITIES,
  install(_store, win) {
    const client = createCurateClient({ win, setupToken: takeSetupToken(win) });
    void client.start();
    const CurateOverlay = () => createElement(CurateView, { client });
    return {
      Overlay: CurateOverlay,
      standalone: true,
      uninstall() {
        client.dispose();
      },
    };
  },
};
