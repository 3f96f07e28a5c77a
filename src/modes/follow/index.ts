/**
 * Follow mode: an audience phone following a live lesson on the station server
 * (`?mode=follow&code=<code>`, where `/join/<code>` leads). Its page is standalone: no 3D canvas
 * starts on a phone. The socket client lives as long as the mode.
 */
import { createElement } from 'react';
import { LIVE_ERRORS, type LiveErrorCode } from '../../live/protocol.ts';
import { safeStorage } from '../../store/safeStorage.ts';
import type { ModeModule } from '../types.ts';
import { FOLLOW_CAPABILITIES } from './capabilities.ts';
import { createFollowClient } from './followClient.ts';
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
  install(_store, win) {
    const { code, error } = parseFollowParams(win.location.search);
    const client = createFollowClient({ code, error, storage: safeStorage(win, 'sessionStorage'), origin: win.location.origin });
    // A phone that joined in this tab before (a reload) resumes at once, as the same participant.
    if (client.hasToken()) client.join(client.savedNickname());
    const FollowOverlay = () => createElement(FollowView, { client });
    return { Overlay: FollowOverlay, standalone: true, uninstall: () => client.dispose() };
  },
};
