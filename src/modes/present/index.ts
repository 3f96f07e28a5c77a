/**
 * Projector mode: the presenter's keys and the lesson (or, in the presenter's second window, the
 * follower of the lesson), with the projector's slides (or the presenter view) as the overlay.
 */
import { createElement } from 'react';
import { parsePresentParams } from '../../routing/presentParams.ts';
import type { ModeModule, OverlayProps } from '../types.ts';
import { PRESENT_CAPABILITIES } from './capabilities.ts';
import { installPresentMode } from './presentMode.ts';
import { PresenterView } from './ui/PresenterView.tsx';
import { ProjectorView } from './ui/ProjectorView.tsx';

export const presentMode: ModeModule = {
  id: 'present',
  capabilities: PRESENT_CAPABILITIES,
  install(store, win, { hasWebgl }) {
    const presenter = parsePresentParams(win.location.search).presenter;
    const uninstall = installPresentMode(store, win);
    const Projector = (_props: OverlayProps) => createElement(ProjectorView, { hasScene: hasWebgl });
    return { Overlay: presenter ? PresenterView : Projector, standalone: presenter, uninstall };
  },
};
