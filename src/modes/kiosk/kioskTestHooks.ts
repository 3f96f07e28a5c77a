import type { KioskState } from './kioskStore.ts';
import type { KioskStats } from './stats.ts';

/** `window.__kiosk`: what tests (and anyone at the console) can ask the running kiosk. */
export interface KioskTestHooks {
  state(): Pick<KioskState, 'phase' | 'warning' | 'attractPanelId' | 'contextLost' | 'offline' | 'resets'>;
  stats(): KioskStats;
  idleSeconds(): number;
  /** Looks for a new version now (what the kiosk does every 15 minutes). */
  checkForUpdate(): Promise<void>;
}

declare global {
  interface Window {
    __kiosk?: KioskTestHooks;
  }
}
