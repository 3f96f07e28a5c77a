/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline support for the lobby kiosk: a service worker (generated at build time by
 * vite-plugin-pwa, see vite.config.ts) precaches the whole built site — app, content JSON, fonts,
 * photos — so the kiosk starts and runs with the network or the local server gone.
 *
 * Updates never land mid-visit. The worker is registered with `registerType: 'prompt'`: a new
 * version (new content or code, after `npm run build`) installs in the background and then WAITS.
 * The kiosk asks for new versions every `checkEveryMs` and at resets; the controller calls
 * `applyUpdate()` at the next idle reset, which activates the waiting worker and reloads the page
 * onto the attract screen. A kiosk tab never closes, so without this the new version would wait
 * forever.
 *
 * Registered only in kiosk mode: visitors on the web always get the site as the server has it.
 */
import { registerSW } from 'virtual:pwa-register';
import type { OfflineStatus } from './kioskStore.ts';

export interface OfflineSupport {
  /** Activates a waiting new version and reloads; false (and nothing happens) when none waits. */
  applyUpdate(): boolean;
  /** Asks the server for a new version (when it can be reached); resolves once asked. */
  checkForUpdate(): Promise<void>;
  /**
   * The admin's "reload content": looks for a new version, takes it if there is one, and reloads
   * the page either way. `onStep` hears whether a new version was found.
   */
  reloadContent(onStep?: (step: 'checking' | 'updating' | 'none') => void): Promise<void>;
  readonly updateWaiting: boolean;
  stop(): void;
}

export interface OfflineOptions {
  onStatus(status: Partial<OfflineStatus>): void;
  /** How often to look for a new version while the kiosk runs. */
  checkEveryMs?: number;
}

const inert = (onStatus: OfflineOptions['onStatus']): OfflineSupport => {
  onStatus({ cache: 'unsupported' });
  return {
    applyUpdate: () => false,
    checkForUpdate: async () => {},
    reloadContent: async () => window.location.reload(),
    updateWaiting: false,
    stop() {},
  };
};

export function startOfflineSupport({ onStatus, checkEveryMs = 15 * 60_000 }: OfflineOptions): OfflineSupport {
  if (import.meta.env.DEV || !window.isSecureContext || !('serviceWorker' in navigator)) return inert(onStatus);

  let registration: ServiceWorkerRegistration | null = null;
  let scriptUrl = '';
  let waiting = false;
  let applying = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  const markWaiting = () => {
    waiting = true;
    onStatus({ updateWaiting: true });
  };

  const updateSW = registerSW({
    onOfflineReady: () => onStatus({ cache: 'ready' }),
    onNeedRefresh: markWaiting,
    onRegisterError: (error: unknown) => {
      console.warn('[kiosk] the service worker could not be registered', error);
      onStatus({ cache: 'error' });
    },
    onRegisteredSW(url, found) {
      scriptUrl = url;
      registration = found ?? null;
      // An earlier start already filled the cache: 'installed' is not announced again.
      if (found?.active) onStatus({ cache: 'ready' });
      if (found?.waiting && navigator.serviceWorker.controller) markWaiting();
      timer = setInterval(() => void support.checkForUpdate(), checkEveryMs);
    },
  });

  const support: OfflineSupport = {
    get updateWaiting() {
      return waiting;
    },

    applyUpdate() {
      if (!waiting || applying) return false;
      applying = true;
      // The worker takes control and workbox-window reloads the page; should that not happen, reload anyway.
      void updateSW(true);
      setTimeout(() => window.location.reload(), 10_000);
      return true;
    },

    async checkForUpdate() {
      if (!registration || !scriptUrl || !navigator.onLine || registration.installing) return;
      try {
        // Only ask when the server answers: an update() that cannot fetch the worker script rejects.
        const response = await fetch(scriptUrl, { cache: 'no-store', headers: { 'cache-control': 'no-cache' } });
        if (response.ok) await registration.update();
      } catch {
        // offline: the cached version carries on
      }
    },

    async reloadContent(onStep) {
      onStep?.('checking');
      await support.checkForUpdate();
      // A new version installs (downloads everything) before it waits; give it time.
      const deadline = Date.now() + 60_000;
      while (!waiting && registration?.installing && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      if (!waiting && registration?.waiting && navigator.serviceWorker.controller) markWaiting();
      if (waiting) {
        onStep?.('updating');
        support.applyUpdate();
      } else {
        onStep?.('none');
        setTimeout(() => window.location.reload(), 800);
      }
    },

    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
  return support;
}
