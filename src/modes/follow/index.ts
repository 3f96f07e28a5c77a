/**
 * Follow mode: an audience phone following a live lesson on the station server
 * (`?mode=follow&code=<code>`, where `/join/<code>` leads). Its page is standalone: the guide's stop
 * as a card, and the corridor in 3D only when the phone asks for it (followViewChoice.ts). The
 * socket client lives as long as the mode.
 */
import { createElement } from 'react';
import { installReducedMotion } from '../../input/reducedMotion.ts';
import { LIVE_ERRORS, type LiveErrorCode } from '../../live/protocol.ts';
import { safeStorage } from '../../store/safeStorage.ts';
import type { ModeModule } from '../types.ts';
import { FOLLOW_CAPABILITIES } from './capabilities.ts';
import { createFollowClient } from './followClient.ts';
import { createFollowViewChoice } from './followViewChoice.ts';
import { FollowView } from './ui/FollowView.tsx';

/** The follower page's parameters: the join code, and the error `/join/<code>` redirected with. */
export function parseFollowParams(search: string): { code: string | null; error: LiveErrorCode | null } {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  return {
    code: params.get('code'),
    error: error && (LIVE_ERRORS as readonly string[]).includes(error) ? (error as LiveErrorCode) : null,
  };
}

export const followMode: ModeModule = {
  id: 'follow',
  capabilities: FOLLOW_CAPABILITIES,
  install(store, win, { hasWebgl }) {
    const { code, error } = parseFollowParams(win.location.search);
    const storage = safeStorage(win, 'sessionStorage');
    const client = createFollowClient({ code, error, storage, origin: win.location.origin });
    // A phone that joined in this tab before (a reload) resumes at once, as the same participant.
    if (client.hasToken()) client.join(client.savedNickname());
    const viewChoice = createFollowViewChoice(storage, hasWebgl);
    // The 3D view's camera cuts from stop to stop when the phone asks for reduced motion.
    const stopReducedMotion = installReducedMotion(store, win);
    const FollowOverlay = () => createElement(FollowView, { client, viewChoice });
    return {
      Overlay: FollowOverlay,
      standalone: true,
      boardsWanted: viewChoice.boardsWanted,
      uninstall() {
        stopReducedMotion();
        client.dispose();
      },
    };
  },
};
