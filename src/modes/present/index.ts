/**
 * Projector mode: the presenter's keys and the lesson (or, in the presenter's second window, the
 * follower of the lesson), with the projector's slides (or the presenter view) as the overlay.
 */
import { parsePresentParams } from '../../routing/presentParams.ts';
import type { ModeModule } from '../types.ts';
import { PRESENT_CAPABILITIES } from './capabilities.ts';
import { installPresentMode } from './presentMode.ts';
import { PresenterView } from './ui/PresenterView.tsx';
import { ProjectorView } from './ui/ProjectorView.tsx';

export const presentMode: ModeModule = {
  id: 'present',
  capabilities: PRESENT_CAPABILITIES,
  install(store, win) {
    const presenter = parsePresentParams(win.location.search).presenter;
    const uninstall = installPresentMode(store, win);
    return { Overlay: presenter ? PresenterView : ProjectorView, standalone: presenter, uninstall };
  },
};
