import { lazy, Suspense, useEffect, useState } from 'react';
import { fetchContentFile, loadExhibition } from './content/load.ts';
import { fetchPhotoManifest } from './content/photoManifest.ts';
import { installReducedMotion, installVisitorKeys } from './modes/visitorInput.ts';
import { startHashSync } from './routing/hashSync.ts';
import { isPresenterWindow } from './routing/presentParams.ts';
import { ExhibitCanvas } from './scene/ExhibitCanvas.tsx';
import { loadInterfaceFont, preloadBoardFonts } from './scene/fonts.ts';
import { useExhibition } from './store/store.ts';
import { BoardProxies } from './ui/BoardProxies.tsx';
import { Directory } from './ui/Directory.tsx';
import { FloorPlan } from './ui/FloorPlan.tsx';
import { Hud, LoadFailed, LoadingScreen, NoticeBanner, ProblemsView } from './ui/Overlays.tsx';

// Code loaded when first needed, not with the 3D visit (the initial-JS budget, issue 7): the
// card (with narration and related links), the text twin and search, and each mode's own screens.
const TextTwin = lazy(() => import('./ui/text/TextTwin.tsx'));
const SearchDialog = lazy(() => import('./ui/SearchDialog.tsx'));
const PanelCard = lazy(() => import('./ui/PanelCard.tsx').then((module) => ({ default: module.PanelCard })));
const KioskMode = lazy(() => import('./ui/kiosk/KioskMode.tsx').then((module) => ({ default: module.KioskMode })));
const ProjectorView = lazy(() => import('./ui/present/ProjectorView.tsx').then((module) => ({ default: module.ProjectorView })));
const PresenterView = lazy(() => import('./ui/present/PresenterView.tsx').then((module) => ({ default: module.PresenterView })));

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Starts the visit: content and fonts load in parallel, the URL and keys are wired to the store. */
export function App() {
  const status = useExhibition((state) => state.status);
  const lang = useExhibition((state) => state.lang);
  const mode = useExhibition((state) => state.mode);
  const view = useExhibition((state) => state.view);
  const searchOpen = useExhibition((state) => state.searchOpen);
  const [hasWebgl] = useState(webglAvailable);

  useEffect(() => {
    const store = useExhibition;
    let cancelled = false;
    loadExhibition(fetchContentFile(import.meta.env.BASE_URL)).then(({ exhibition, problems }) => {
      if (cancelled) return;
      for (const problem of problems) console.warn(`[content] ${problem.file}: ${problem.path}: ${problem.en}`);
      if (exhibition) store.getState().contentLoaded(exhibition, problems);
      else store.getState().contentFailed(problems);
    });
    // Dev mode: the server says the content changed; swap it in without losing the visitor's place.
    const reloadContent = () =>
      loadExhibition(fetchContentFile(import.meta.env.BASE_URL)).then(({ exhibition, problems }) => {
        if (cancelled) return;
        if (exhibition) store.getState().contentReloaded(exhibition, problems);
        else store.getState().contentFailed(problems);
      });
    import.meta.hot?.on('exhibition:content-changed', reloadContent);
    void loadInterfaceFont();
    // The photo sizes made at build time; without a manifest the boards and card use the original files.
    const loadPhotos = () =>
      fetchPhotoManifest(import.meta.env.BASE_URL).then((manifest) => {
        if (!cancelled) store.getState().photosLoaded(manifest);
      });
    void loadPhotos();
    import.meta.hot?.on('exhibition:content-changed', loadPhotos);
    // The boards' glyphs are rendered with WebGL (troika's SDF atlas): without it there are no boards to set.
    if (hasWebgl) {
      preloadBoardFonts().then((metrics) => {
        if (!cancelled) store.getState().fontLoaded(metrics);
      });
    }
    // The lobby kiosk is touch only and keeps no history (src/modes/kiosk/): no hash routes, no keys.
    const kiosk = store.getState().mode === 'kiosk';
    const stopHashSync = kiosk ? () => {} : startHashSync(store);
    // Projector mode has its own keys (a presenter's clicker); see src/modes/presentMode.ts (a lazy chunk).
    let stopKeys = () => {};
    if (store.getState().mode === 'present') {
      void import('./modes/presentMode.ts').then(({ installPresentMode }) => {
        if (!cancelled) stopKeys = installPresentMode(store);
      });
    } else if (!kiosk) {
      stopKeys = installVisitorKeys(store, window, { scene: hasWebgl });
    }
    // The visitor's camera cuts instead of gliding when the system asks for reduced motion.
    const stopReducedMotion = store.getState().mode === 'visitor' ? installReducedMotion(store) : () => {};
    return () => {
      stopReducedMotion();
      cancelled = true;
      import.meta.hot?.off('exhibition:content-changed', loadPhotos);
      import.meta.hot?.off('exhibition:content-changed', reloadContent);
      stopHashSync();
      stopKeys();
    };
  }, [hasWebgl]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // Styles that belong to one mode (the visitor's reduced-motion rules) key on this.
  useEffect(() => {
    document.documentElement.dataset.mode = mode;
  }, [mode]);

  if (status === 'failed') return <LoadFailed />;
  // The presenter's second window (S in projector mode): notes, timers, the next stop; no corridor.
  if (mode === 'present' && isPresenterWindow()) {
    return (
      <Suspense fallback={null}>
        <PresenterView />
      </Suspense>
    );
  }
  // The text twin: asked for (#/text), or the whole visit when this browser has no WebGL.
  const showTwin = mode === 'visitor' && status === 'ready' && (view === 'text' || (!hasWebgl && view === 'corridor'));
  return (
    <>
      {/* First in the tab order: Tab walks the boards in exhibition order, then on to the HUD. */}
      {mode === 'visitor' && hasWebgl && !showTwin && <BoardProxies />}
      {hasWebgl && (
        // Under the twin the corridor stays loaded (a quick way back) but out of reach.
        <div className="scene-layer" inert={showTwin}>
          <ExhibitCanvas />
        </div>
      )}
      <Suspense fallback={null}>
        {mode === 'present' ? <ProjectorView /> : mode === 'kiosk' ? <KioskMode hasWebgl={hasWebgl} /> : !showTwin && <Hud />}
      </Suspense>
      {mode === 'visitor' && hasWebgl && !showTwin && <FloorPlan />}
      {mode !== 'kiosk' && !showTwin && <Directory />}
      {showTwin && (
        <Suspense fallback={null}>
          <TextTwin webglMissing={!hasWebgl} />
        </Suspense>
      )}
      {mode === 'visitor' && searchOpen && (
        <Suspense fallback={null}>
          <SearchDialog inTextTwin={showTwin} />
        </Suspense>
      )}
      <NoticeBanner />
      <ProblemsView />
      {mode !== 'present' && (
        <Suspense fallback={null}>
          <PanelCard />
        </Suspense>
      )}
      {hasWebgl && <LoadingScreen />}
    </>
  );
}
