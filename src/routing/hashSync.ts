/**
 * Keeps the URL hash and the store in step, in both directions:
 * - the visitor follows a link or presses back/forward → `hashchange` → `applyRoute`;
 * - an action opens or closes a card → the store changes → the hash is pushed, so opening a
 *   panel makes a history entry and closing goes to `#/` (closing an oath's ceremony goes back to
 *   its card's `#/panel/<id>`; closing a card opened from a quiz, 去看展板, goes back to `#/quiz/<id>`).
 * `pushState` fires no `hashchange`, so the two directions cannot chase each other.
 */
import type { ExhibitionStore } from '../store/store.ts';
import type { ExhibitionState, Route } from '../store/types.ts';
import { formatHash, parseHash } from './routes.ts';

/** The route the store's state stands for; null while it says nothing (e.g. a notice is up). */
export function routeOfState(
  state: Pick<ExhibitionState, 'openPanelId' | 'view' | 'status'> &
    Partial<Pick<ExhibitionState, 'textPanelId' | 'oath' | 'quizScreen' | 'openQuizId'>>,
): Route | null {
  if (state.status !== 'ready') return null;
  if (state.view === 'problems') return { kind: 'problems' };
  // What is on top wins: the ceremony over its card, a card over the quiz (去看展板), the quiz over
  // the text twin.
  if (state.oath) return { kind: 'oath', id: state.oath.panelId };
  if (state.openPanelId && (state.view !== 'text' || state.quizScreen)) return { kind: 'panel', id: state.openPanelId };
  if (state.quizScreen === 'quiz' && state.openQuizId) return { kind: 'quiz', id: state.openQuizId };
  if (state.quizScreen === 'list') return { kind: 'quizList' };
  if (state.view === 'text') return state.textPanelId ? { kind: 'text', panelId: state.textPanelId } : { kind: 'text' };
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
      state.quizScreen === previous.quizScreen &&
      state.openQuizId === previous.openQuizId &&
      state.status === previous.status
    )
      return;
    const route = routeOfState(state);
    if (!route) return;
    const wanted = formatHash(route);
    const current = parseHash(win.location.hash);
    // An unknown link stays in the address bar while its notice explains it.
    if (
      current.kind === 'unknown' ||
      (current.kind === 'panel' && state.notice?.kind === 'unknown-panel') ||
      (current.kind === 'quiz' && state.notice?.kind === 'unknown-quiz')
    ) {
      if (route.kind === 'home') return;
    }
    if (formatHash(current) !== wanted) win.history.pushState(null, '', wanted);
  });

  return () => {
    win.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
