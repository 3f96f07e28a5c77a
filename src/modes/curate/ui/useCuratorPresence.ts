/**
 * Who else has which panel open, for the editor (src/modes/curate/presenceHeartbeat.ts does the
 * beating): started when the editor is drawn, told at once when the open panel changes, stopped
 * when the editor goes (another screen, the logout).
 */
import { useEffect, useRef, useState } from 'react';
import type { PresenceEntry } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi } from '../curateClient.ts';
import { type PresenceHeartbeat, startPresenceHeartbeat } from '../presenceHeartbeat.ts';

export function useCuratorPresence(api: Pick<CurateApi, 'presence'>, openPanelId: string | null): PresenceEntry[] {
  const [others, setOthers] = useState<PresenceEntry[]>([]);
  const heartbeat = useRef<PresenceHeartbeat | null>(null);
  const open = useRef(openPanelId);
  open.current = openPanelId;

  useEffect(() => {
    const started = startPresenceHeartbeat(
      { send: (panelId) => api.presence(panelId), onOthers: setOthers, doc: document },
      open.current,
    );
    heartbeat.current = started;
    return () => {
      started.dispose();
      heartbeat.current = null;
    };
  }, [api]);

  useEffect(() => {
    heartbeat.current?.open(openPanelId);
  }, [openPanelId]);

  return others;
}
