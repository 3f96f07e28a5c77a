/**
 * The kiosk's own state, created by its install (src/modes/kiosk/index.ts) and handed to its
 * screens through this context: the kiosk store (phase, idle warning, attract stop, cache status)
 * and the running services the admin screen and the touch controls call.
 */
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import type { KioskController } from './kioskController.ts';
import type { KioskStore } from './kioskStore.ts';
import type { OfflineSupport } from './offline.ts';
import type { KioskStatsRecorder } from './stats.ts';

export interface KioskServices {
  /** Null until the content has loaded (the controller needs the corridor's layout). */
  controller: KioskController | null;
  idleSeconds: number;
  offline: OfflineSupport | null;
  stats: KioskStatsRecorder;
}

export interface KioskContextValue {
  kiosk: KioskStore;
  services: StoreApi<KioskServices>;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKioskContext(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('a kiosk screen was rendered outside the kiosk mode (no KioskContext)');
  return value;
}

/** The kiosk store's state, as a hook (re-renders on a change of the selected part). */
export function useKiosk<T>(selector: Parameters<KioskStore>[0] & ((state: ReturnType<KioskStore['getState']>) => T)): T {
  return useKioskContext().kiosk(selector);
}
