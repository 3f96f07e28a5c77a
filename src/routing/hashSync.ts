/**
 * Keeps the URL hash and the store in step, in both directions:
 * - the visitor follows a link or presses back/forward → `hashchange` → `applyRoute`;
 * - an action opens or closes a card → the store changes → the hash is pushed, so opening a
 *   panel makes a history entry and closing goes to `#/` (closing an oath's ceremony goes back to
 *   its card's `#/panel/<id>`).
 * `pushState` fires no `hashchange`, so the two directions cannot chase each other.
 */
import type { ExhibitionStore } from '../store/store.ts';
import type { ExhibitionState, Route } from '../store/types.ts';
import { formatHash, parseHash } from './routes.ts';

/** The route the store's state stands for; null while it says nothing (e.g. a notice is up). */
export function routeOfState(
  state: Pick<ExhibitionState, 'openPanelId' | 'view' | 'status'> & Partial<Pick<ExhibitionState, 'textPanelId' | 'oath'>>,
): Route | null {
  if (state.status !== 'ready') return null;
  if (state.view === 'problems') return { kind: 'problems' };
  if (state.view === 'text') return state.textPanelId ? { kind: 'text', panelId: state.textPanelId } : { kind: 'text' };
  if (state.oath) return { kind: 'oath', id: state.oath.panelId };
  if (state.openPanelId) return { kind: 'panel', id: state.openPanelId };
  return { kind: 'home' };
}

export function startHashSync(store: ExhibitionStore, win: Window = window): () => void {
  const onHashChange = () => store.getState().applyRoute(parseHash(win.location.hash));
  win.addEventListener('hashchange', onHashChange);
  onHashChange();

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.openPanelId === previous.openPanelId &&
      state.view === previous.view &&
      state.textPanelId === previous.textPanelId &&
      state.oath?.panelId === previous.oath?.panelId &&
      state.status === previous.status
    )
      return;
    const route = routeOfState(state);
    if (!route) return;
    const wanted = formatHash(route);
    const current = parseHash(win.location.hash);
    // An unknown link stays in the address bar while its notice explains it.
    if (current.kind === 'unknown' || (current.kind === 'panel' && state.notice?.kind === 'unknown-panel')) {
      if (route.kind === 'home') return;
    }
    if (formatHash(current) !== wanted) win.history.pushState(null, '', wanted);
  });

  return () => {
    win.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
