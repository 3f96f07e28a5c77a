/**
 * Every mode, by its id: what it allows (read before anything loads, to put the store in its mode)
 * and how to load its module. The visitor's is in the main chunk; projector, kiosk, follower and
 * curator code loads only in their own mode (the initial-JS budget).
 */
import type { Mode, ModeCapabilities } from '../store/types.ts';
import { CURATE_CAPABILITIES } from './curate/capabilities.ts';
import { FOLLOW_CAPABILITIES } from './follow/capabilities.ts';
import { KIOSK_CAPABILITIES } from './kiosk/capabilities.ts';
import { PRESENT_CAPABILITIES } from './present/capabilities.ts';
import type { ModeModule } from './types.ts';
import { VISITOR_CAPABILITIES } from './visitor/capabilities.ts';
import { visitorMode } from './visitor/index.ts';

export interface ModeEntry {
  capabilities: ModeCapabilities;
  load(): Promise<ModeModule>;
}

export const MODES: Record<Mode, ModeEntry> = {
  visitor: { capabilities: VISITOR_CAPABILITIES, load: async () => visitorMode },
  present: { capabilities: PRESENT_CAPABILITIES, load: () => import('./present/index.ts').then((module) => module.presentMode) },
  kiosk: { capabilities: KIOSK_CAPABILITIES, load: () => import('./kiosk/index.ts').then((module) => module.kioskMode) },
  follow: { capabilities: FOLLOW_CAPABILITIES, load: () => import('./follow/index.ts').then((module) => module.followMode) },
  curate: { capabilities: CURATE_CAPABILITIES, load: () => import('./curate/index.ts').then((module) => module.curateMode) },
};
