/**
 * The lobby kiosk (`?mode=kiosk[&idle=SECONDS]`), unattended and offline. Its install starts the
 * kiosk's guards (lock-down, error recovery, heartbeat: src/modes/kiosk/boot.ts) before anything
 * renders, then its services — the offline cache, the watch on the WebGL context, and once the
 * content is in, the controller (attract loop, idle clock, reset, statistics) — and exposes
 * `window.__kiosk` for tests and for anyone looking at the console.
 */
import { createElement } from 'react';
import { createStore } from 'zustand/vanilla';
import { parseModeParams } from '../../routing/modeParams.ts';
import { requestFrame } from '../../store/live.ts';
import { safeStorage } from '../../store/safeStorage.ts';
import type { ModeModule, OverlayProps } from '../types.ts';
import { bootKiosk } from './boot.ts';
import { KIOSK_CAPABILITIES } from './capabilities.ts';
import { KioskContext, type KioskServices } from './kioskContext.ts';
import { DEFAULT_IDLE_SECONDS, startKioskController } from './kioskController.ts';
import { createKioskStore } from './kioskStore.ts';
import { startOfflineSupport } from './offline.ts';
import { kioskRecovery, watchWebglContext } from './recovery.ts';
import { KioskStatsRecorder } from './stats.ts';
import { KioskOverlay } from './ui/KioskOverlay.tsx';

/** A lost WebGL context that has not come back within this long reloads the page. */
export const CONTEXT_RESTORE_MS = 6000;
/** New versions are looked for at a reset when the last look is older than this. */
const UPDATE_CHECK_AT_RESET_MS = 5 * 60_000;

export const kioskMode: ModeModule = {
  id: 'kiosk',
  capabilities: KIOSK_CAPABILITIES,
  install(store, win, { hasWebgl }) {
    const kiosk = createKioskStore();
    // The guards hold even if React dies, so they start before the first render.
    bootKiosk(win, store, kiosk);
    const recovery = kioskRecovery();
    if (!hasWebgl) recovery?.recover('this browser has no WebGL');

    const services = createStore<KioskServices>()(() => ({
      controller: null,
      idleSeconds: DEFAULT_IDLE_SECONDS,
      offline: null,
      stats: new KioskStatsRecorder(safeStorage(win)),
    }));
    const offline = startOfflineSupport({ onStatus: (status) => kiosk.getState().setOffline(status) });
    services.setState({ offline });
    const stopWatch = watchWebglContext(win, {
      restoreWithinMs: CONTEXT_RESTORE_MS,
      onLost: () => {
        console.warn('[kiosk] the WebGL context was lost; waiting for it to come back');
        kiosk.getState().setContextLost(true);
        recovery?.showScreen();
      },
      onRestored: () => {
        console.info('[kiosk] the WebGL context is back');
        kiosk.getState().setContextLost(false);
        recovery?.hideScreen();
        requestFrame();
      },
      onGaveUp: () => recovery?.recover('the WebGL context was not restored'),
    });

    // The controller needs the corridor's layout: it starts once the content is in.
    let stopController = () => {};
    const startController = () => {
      const { stats } = services.getState();
      const params = parseModeParams(win.location.search);
      const idleSeconds = params.idleSeconds ?? store.getState().exhibition?.kiosk?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
      let lastUpdateCheck = Date.now();
      const controller = startKioskController({
        store,
        kiosk,
        idleSeconds,
        warningSeconds: params.warningSeconds,
        attract: params.attractRestSeconds ? { restMs: params.attractRestSeconds * 1000 } : undefined,
        stats,
        inputTarget: win,
        onReset: () => {
          if (win.document.activeElement instanceof HTMLElement) win.document.activeElement.blur();
          if (offline.applyUpdate()) return true;
          if (Date.now() - lastUpdateCheck > UPDATE_CHECK_AT_RESET_MS) {
            lastUpdateCheck = Date.now();
            void offline.checkForUpdate();
          }
          return false;
        },
      });
      services.setState({ controller, idleSeconds });
      win.__kiosk = {
        state: () => {
          const { phase, warning, attractPanelId, contextLost, offline: cache, resets } = kiosk.getState();
          return JSON.parse(JSON.stringify({ phase, warning, attractPanelId, contextLost, offline: cache, resets }));
        },
        stats: () => stats.snapshot(),
        idleSeconds: () => idleSeconds,
        checkForUpdate: () => offline.checkForUpdate(),
      };
      stopController = () => {
        controller.stop();
        services.setState({ controller: null });
        delete win.__kiosk;
      };
    };
    let started = false;
    const startWhenReady = () => {
      if (started || store.getState().status !== 'ready') return;
      started = true;
      startController();
    };
    const stopWaiting = store.subscribe(startWhenReady);
    startWhenReady();

    const context = { kiosk, services };
    const Overlay = (_props: OverlayProps) =>
      createElement(KioskContext.Provider, { value: context }, createElement(KioskOverlay));
    return {
      Overlay,
      standalone: false,
      uninstall() {
        stopWaiting();
        stopController();
        offline.stop();
        stopWatch();
        services.setState({ offline: null });
      },
    };
  },
};
