/**
 * The lobby kiosk (`?mode=kiosk[&idle=SECONDS]`), in place of the visitor's HUD and directory:
 * the attract screen, the touch controls, the idle warning, the hidden admin corner and screen.
 * It starts the kiosk's services — the controller (attract loop, idle clock, reset, statistics),
 * the offline cache, the watch on the WebGL context — and exposes `window.__kiosk` for tests and
 * for anyone looking at the console. (The lock-down, error recovery and heartbeat start earlier,
 * in main.tsx: see src/modes/kiosk/boot.ts.)
 */
import { invalidate } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_IDLE_SECONDS, type KioskController, startKioskController } from '../../modes/kiosk/kioskController.ts';
import { type KioskState, useKiosk } from '../../modes/kiosk/kioskStore.ts';
import { kioskRecovery, watchWebglContext } from '../../modes/kiosk/recovery.ts';
import { type KioskStats, KioskStatsRecorder } from '../../modes/kiosk/stats.ts';
import { type OfflineSupport, startOfflineSupport } from '../../pwa/offline.ts';
import { parseModeParams } from '../../routing/modeParams.ts';
import { livePose, useExhibition } from '../../store/store.ts';
import { AdminCorner } from './AdminCorner.tsx';
import { AdminPanel } from './AdminPanel.tsx';
import { AttractOverlay } from './AttractOverlay.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { KioskHud } from './KioskHud.tsx';
import './kiosk.css';

/** A lost WebGL context that has not come back within this long reloads the page. */
export const CONTEXT_RESTORE_MS = 6000;
/** New versions are looked for at a reset when the last look is older than this. */
const UPDATE_CHECK_AT_RESET_MS = 5 * 60_000;

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

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function KioskMode({ hasWebgl }: { hasWebgl: boolean }) {
  const ready = useExhibition((state) => state.status === 'ready');
  const phase = useKiosk((state) => state.phase);
  const [stats] = useState(() => new KioskStatsRecorder(localStorageOrNull()));
  const offline = useRef<OfflineSupport | null>(null);
  const [running, setRunning] = useState<{ controller: KioskController; idleSeconds: number } | null>(null);

  // From the first moment: the offline cache, and the WebGL context's health.
  useEffect(() => {
    const recovery = kioskRecovery();
    if (!hasWebgl) recovery?.recover('this browser has no WebGL');
    const support = startOfflineSupport({ onStatus: (status) => useKiosk.getState().setOffline(status) });
    offline.current = support;
    const stopWatch = watchWebglContext(window, {
      restoreWithinMs: CONTEXT_RESTORE_MS,
      onLost: () => {
        console.warn('[kiosk] the WebGL context was lost; waiting for it to come back');
        useKiosk.getState().setContextLost(true);
        recovery?.showScreen();
      },
      onRestored: () => {
        console.info('[kiosk] the WebGL context is back');
        useKiosk.getState().setContextLost(false);
        recovery?.hideScreen();
        invalidate();
      },
      onGaveUp: () => recovery?.recover('the WebGL context was not restored'),
    });
    return () => {
      support.stop();
      stopWatch();
      offline.current = null;
    };
  }, [hasWebgl]);

  // Once the corridor is there: the controller, with the idle time from ?idle= or exhibition.json.
  useEffect(() => {
    if (!ready) return;
    const exhibition = useExhibition.getState().exhibition;
    const idleSeconds =
      parseModeParams(window.location.search).idleSeconds ?? exhibition?.kiosk?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
    let lastUpdateCheck = Date.now();
    const controller = startKioskController({
      store: useExhibition,
      kiosk: useKiosk,
      idleSeconds,
      stats,
      inputTarget: window,
      isMoving: () => livePose.moving,
      onReset: () => {
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        // A new version downloaded during the visit is taken now, between visitors.
        if (offline.current?.applyUpdate()) return true;
        if (Date.now() - lastUpdateCheck > UPDATE_CHECK_AT_RESET_MS) {
          lastUpdateCheck = Date.now();
          void offline.current?.checkForUpdate();
        }
        return false;
      },
    });
    setRunning({ controller, idleSeconds });
    window.__kiosk = {
      state: () => {
        const { phase: current, warning, attractPanelId, contextLost, offline: cache, resets } = useKiosk.getState();
        return JSON.parse(JSON.stringify({ phase: current, warning, attractPanelId, contextLost, offline: cache, resets }));
      },
      stats: () => stats.snapshot(),
      idleSeconds: () => idleSeconds,
      checkForUpdate: () => offline.current?.checkForUpdate() ?? Promise.resolve(),
    };
    return () => {
      controller.stop();
      setRunning(null);
      delete window.__kiosk;
    };
  }, [ready, stats]);

  const controller = running?.controller ?? null;
  return (
    <>
      {phase === 'attract' && <AttractOverlay onStart={() => controller?.startVisit()} />}
      {phase === 'visit' && <KioskHud />}
      {phase === 'admin' && running && (
        <AdminPanel controller={running.controller} offline={offline.current} stats={stats} idleSeconds={running.idleSeconds} />
      )}
      <IdleWarning onContinue={() => controller?.continueVisit()} />
      <AdminCorner
        onLongPress={() => controller?.openAdmin()}
        onTap={() => {
          if (useKiosk.getState().phase === 'attract') controller?.startVisit();
        }}
      />
      {/* Hides the camera's cut when a visit starts or ends. */}
      <div key={phase} className="kiosk-curtain" aria-hidden="true" />
    </>
  );
}
