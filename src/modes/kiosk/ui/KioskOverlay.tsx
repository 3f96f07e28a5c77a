/**
 * The lobby kiosk's screens, in place of the visitor's HUD and directory: the attract screen, the
 * touch controls, the idle warning, the hidden admin corner and screen. The services they call
 * (the controller, the offline cache, the statistics) are started by the kiosk's install
 * (src/modes/kiosk/index.ts) and reach these screens through the kiosk context.
 */
import { useStore } from 'zustand';
import { useKiosk, useKioskContext } from '../kioskContext.ts';
import { AdminCorner } from './AdminCorner.tsx';
import { AdminPanel } from './AdminPanel.tsx';
import { AttractOverlay } from './AttractOverlay.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { KioskHud } from './KioskHud.tsx';
import './kiosk.css';

export function KioskOverlay() {
  const { kiosk, services } = useKioskContext();
  const phase = useKiosk((state) => state.phase);
  const controller = useStore(services, (state) => state.controller);
  const idleSeconds = useStore(services, (state) => state.idleSeconds);
  const offline = useStore(services, (state) => state.offline);
  const stats = useStore(services, (state) => state.stats);
  return (
    <>
      {phase === 'attract' && <AttractOverlay onStart={() => controller?.startVisit()} />}
      {phase === 'visit' && <KioskHud />}
      {phase === 'admin' && controller && (
        <AdminPanel controller={controller} offline={offline} stats={stats} idleSeconds={idleSeconds} />
      )}
      <IdleWarning onContinue={() => controller?.continueVisit()} />
      <AdminCorner
        onLongPress={() => controller?.openAdmin()}
        onTap={() => {
          if (kiosk.getState().phase === 'attract') controller?.startVisit();
        }}
      />
      {/* Hides the camera's cut when a visit starts or ends. */}
      <div key={phase} className="kiosk-curtain" aria-hidden="true" />
    </>
  );
}
