/**
 * The kiosk's own discrete state, apart from the exhibition's: which phase the kiosk is in, the
 * idle warning's countdown, the offline cache's status. Only the kiosk controller changes it,
 * through these actions; the kiosk's overlays read it.
 *
 *   attract ──touch──▶ visit ──idle──▶ (warning, 10 s) ──▶ reset ──▶ attract
 *      │                 ▲                 │ touch
 *      │                 └─────────────────┘
 *      └──5 s corner press──▶ admin (PIN) ──back / idle──▶ reset ──▶ attract
 */
import { create } from 'zustand';

export type KioskPhase = 'attract' | 'visit' | 'admin';

export interface OfflineStatus {
  /** 'unsupported': no service worker (not https/localhost); 'pending': still caching. */
  cache: 'unsupported' | 'pending' | 'ready' | 'error';
  /** A new version is downloaded and waits for the next reset. */
  updateWaiting: boolean;
}

export interface KioskState {
  phase: KioskPhase;
  /** Seconds left before the reset while the 还在参观吗？ warning shows; null when it does not. */
  warning: number | null;
  /** The panel the attract tour rests on (null: the entrance view). */
  attractPanelId: string | null;
  /** Where the attract tour is going: the stop it glides to, or rests on once there (null: the entrance). */
  attractHeading: string | null;
  /** WebGL lost its context and the kiosk waits for it to come back. */
  contextLost: boolean;
  offline: OfflineStatus;
  /** Bumped at every reset, so overlays can drop their local state (PIN digits, scroll). */
  resets: number;

  setPhase(phase: KioskPhase): void;
  setWarning(secondsLeft: number | null): void;
  setAttractPanel(panelId: string | null): void;
  setAttractHeading(panelId: string | null): void;
  setContextLost(lost: boolean): void;
  setOffline(status: Partial<OfflineStatus>): void;
  countReset(): void;
}

/**
 * Whether the entrance arch, with the exhibition's title and slogan in 3D, is in the attract
 * view: the tour rests at the entrance, or glides away from it or back to it. The attract
 * screen's own title then stays hidden, so the two never print over each other.
 */
export function entranceInAttractView(state: Pick<KioskState, 'attractPanelId' | 'attractHeading'>): boolean {
  return state.attractPanelId === null || state.attractHeading === null;
}

export function createKioskStore() {
  return create<KioskState>()((set, get) => ({
    phase: 'attract',
    warning: null,
    attractPanelId: null,
    attractHeading: null,
    contextLost: false,
    offline: { cache: 'pending', updateWaiting: false },
    resets: 0,

    setPhase(phase) {
      if (get().phase !== phase) set({ phase });
    },
    setWarning(secondsLeft) {
      if (get().warning !== secondsLeft) set({ warning: secondsLeft });
    },
    setAttractPanel(panelId) {
      if (get().attractPanelId !== panelId) set({ attractPanelId: panelId });
    },
    setAttractHeading(panelId) {
      if (get().attractHeading !== panelId) set({ attractHeading: panelId });
    },
    setContextLost(lost) {
      if (get().contextLost !== lost) set({ contextLost: lost });
    },
    setOffline(status) {
      set({ offline: { ...get().offline, ...status } });
    },
    countReset() {
      set({ resets: get().resets + 1 });
    },
  }));
}

export type KioskStore = ReturnType<typeof createKioskStore>;
