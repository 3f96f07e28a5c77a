import { lazy, Suspense, useEffect } from 'react';
import type { InstalledMode } from './modes/types.ts';
import { isFullyLoaded } from './store/progress.ts';
import { useExhibition } from './store/store.ts';
import type { Screen } from './store/types.ts';
import { BoardProxies } from './ui/BoardProxies.tsx';
import { Directory } from './ui/Directory.tsx';
import { LoadFailed, LoadingScreen, NoticeBanner, ProblemsView } from './ui/Overlays.tsx';
import { PendingScreenKeys } from './ui/PendingScreenKeys.tsx';
import { useOnceTrue } from './ui/useOnceTrue.ts';

// Code loaded when first needed, not with the 3D visit (the initial-JS budget, issue 7): the
// card (with narration and related links), the text twin, search, the oath's ceremony and the quizzes. Each mode's own screens
// come with its module (src/modes/registry.ts).
// The 3D corridor (three.js, R3F, troika: most of the JavaScript) loads only where it is drawn:
// a phone following a lesson, or a browser without WebGL, never downloads it.
const ExhibitCanvas = lazy(() => import('./scene/ExhibitCanvas.tsx').then((module) => ({ default: module.ExhibitCanvas })));
const TextTwin = lazy(() => import('./ui/text/TextTwin.tsx'));
const SearchDialog = lazy(() => import('./ui/SearchDialog.tsx'));
const OathCeremony = lazy(() => import('./ui/OathCeremony.tsx'));
// The quizzes' screens come with their own chunk, and quiz.json only when one opens.
const QuizScreen = lazy(() => import('./ui/quiz/QuizScreen.tsx'));
const PanelCard = lazy(() => import('./ui/PanelCard.tsx').then((module) => ({ default: module.PanelCard })));
// The floor plan (with the year scrubber) sits under the opaque loading screen until the boards'
// text is set: its code loads once the visit opens, out of the bytes the first view waits for (issue 20).
const FloorPlan = lazy(() => import('./ui/FloorPlan.tsx').then((module) => ({ default: module.FloorPlan })));

// While the search's, the card's or the ceremony's code loads, Esc closes the one on top, as its
// dialog would. The search opens over everything, so its Esc comes first.
function closeSearch(): boolean {
  const state = useExhibition.getState();
  if (!state.searchOpen) return false;
  state.setSearchOpen(false);
  return true;
}
// The ceremony is over its card: its Esc goes back to the card (#/panel/<id>), the card's to #/.
function closeCardOnTop(): boolean {
  const state = useExhibition.getState();
  if (state.openPanelId === null || state.oath?.panelId === state.openPanelId) return false;
  state.closePanel();
  return true;
}
function closeCeremony(): boolean {
  const state = useExhibition.getState();
  if (state.oath === null) return false;
  state.closeOath();
  return true;
}

export interface AppProps {
  /** The running mode's overlay (src/main.tsx installed the mode). */
  installed: Pick<InstalledMode, 'Overlay' | 'standalone'>;
  hasWebgl: boolean;
}

/**
 * Composes the page: the shared canvas, the shared screens the mode offers (its capabilities,
 * from the store) and the mode's own overlay. It asks for no mode by name.
 */
export function App({ installed, hasWebgl }: AppProps) {
  const status = useExhibition((state) => state.status);
  const lang = useExhibition((state) => state.lang);
  const mode = useExhibition((state) => state.mode);
  const view = useExhibition((state) => state.view);
  const searchOpen = useExhibition((state) => state.searchOpen);
  const quizShown = useExhibition((state) => state.quizScreen !== null);
  const screens = useExhibition((state) => state.capabilities.screens);
  // The card and the oath's ceremony mount (their chunks load) when first opened, not with the
  // first frame, and stay mounted after: a visit that never opens one never downloads it (issue 20).
  const cardWanted = useOnceTrue(useExhibition((state) => state.openPanelId !== null));
  const ceremonyWanted = useOnceTrue(useExhibition((state) => state.oath !== null));
  // The visit has opened: the loading screen lifts (everything typeset, or it gave up waiting).
  const visitOpened = useOnceTrue(useExhibition((state) => state.loadingGaveUp || isFullyLoaded(state.progress)));
  const offers = (screen: Screen) => screens.has(screen);
  const { Overlay, standalone } = installed;

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // Styles that belong to one mode (the visitor's reduced-motion rules) key on this.
  useEffect(() => {
    document.documentElement.dataset.mode = mode;
  }, [mode]);

  if (status === 'failed') return <LoadFailed />;
  // A mode's whole page (the presenter's second window: notes, timers, the next stop; no corridor).
  if (standalone) return <Overlay textTwinShown={false} />;
  // The text twin: asked for (#/text), or the whole visit when this browser has no WebGL.
  const showTwin = offers('textTwin') && status === 'ready' && (view === 'text' || (!hasWebgl && view === 'corridor'));
  return (
    <>
      {/* First in the tab order: Tab walks the boards in exhibition order, then on to the HUD. */}
      {offers('boardProxies') && hasWebgl && !showTwin && <BoardProxies />}
      {hasWebgl && (
        // Under the twin the corridor stays loaded (a quick way back) but out of reach.
        <div className="scene-layer" inert={showTwin}>
          <Suspense fallback={null}>
            <ExhibitCanvas />
          </Suspense>
        </div>
      )}
      <Suspense fallback={null}>
        <Overlay textTwinShown={showTwin} />
      </Suspense>
      {offers('floorPlan') && hasWebgl && visitOpened && !showTwin && (
        <Suspense fallback={null}>
          <FloorPlan />
        </Suspense>
      )}
      {offers('directory') && !showTwin && <Directory />}
      {showTwin && (
        <Suspense fallback={null}>
          <TextTwin webglMissing={!hasWebgl} />
        </Suspense>
      )}
      {offers('search') && searchOpen && (
        <Suspense fallback={<PendingScreenKeys context="search" closeAction="closeSearch" close={closeSearch} />}>
          <SearchDialog inTextTwin={showTwin} />
        </Suspense>
      )}
      <NoticeBanner />
      <ProblemsView />
      {offers('card') && cardWanted && (
        <Suspense fallback={<PendingScreenKeys context="card" closeAction="closeCard" close={closeCardOnTop} />}>
          <PanelCard />
        </Suspense>
      )}
      {offers('oathCeremony') && ceremonyWanted && (
        <Suspense fallback={<PendingScreenKeys context="oath" closeAction="closeOath" close={closeCeremony} />}>
          <OathCeremony />
        </Suspense>
      )}
      {offers('quiz') && quizShown && (
        <Suspense fallback={null}>
          <QuizScreen />
        </Suspense>
      )}
      {hasWebgl && <LoadingScreen />}
    </>
  );
}
