/**
 * What the kiosk sets up before React renders anything (called first by the kiosk's install, src/modes/kiosk/index.ts, before main.tsx renders),
 * so it holds even when the React tree is gone: the lock-down, the recovery from errors and from
 * content that failed to load, and the heartbeat.
 */
import { parseHash } from '../../routing/routes.ts';
import type { ExhibitionStore } from '../../store/store.ts';
import { startHeartbeat } from './heartbeat.ts';
import type { KioskStore } from './kioskStore.ts';
import { installKioskLockdown } from './lockdown.ts';
import { installKioskRecovery } from './recovery.ts';

let booted = false;

export function bootKiosk(win: Window, useExhibition: ExhibitionStore, useKiosk: KioskStore): void {
  if (booted) return;
  booted = true;
  const recovery = installKioskRecovery(win);

  // Links on a card (相关展板) open their panel in place; nothing is pushed to the history.
  installKioskLockdown(win, { onRoute: (hash) => useExhibition.getState().applyRoute(parseHash(hash)) });

  // The content could not be read (server gone before the offline cache was filled): try again.
  useExhibition.subscribe((state, previous) => {
    if (state.status === 'failed' && previous.status !== 'failed') recovery.recover('the exhibition content could not be loaded');
  });

  const heartbeat = startHeartbeat(win, {
    status: () => {
      // A kiosk waiting for its reload is not healthy: let the beat go stale.
      if (recovery.reloading) return null;
      const kiosk = useKiosk.getState();
      const phase = kiosk.contextLost ? 'context-lost' : useExhibition.getState().status === 'ready' ? kiosk.phase : 'loading';
      return { phase, frames: win.__exhibit?.frames() };
    },
  });

  // The phase changes between beats: beat at once, so the stored phase is never a stale one.
  useKiosk.subscribe((state, previous) => {
    if (state.phase !== previous.phase || state.contextLost !== previous.contextLost) heartbeat.beat();
  });
  useExhibition.subscribe((state, previous) => {
    if (state.status !== previous.status) heartbeat.beat();
  });
}
