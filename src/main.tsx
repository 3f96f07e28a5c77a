/**
 * The page's start: reads the URL once (the mode), puts the store in that mode, starts loading
 * the content, installs the mode's module (src/modes/registry.ts) and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { bootContent } from './boot/content.ts';
import { startQuizLoading } from './boot/quizzes.ts';
import { MODES } from './modes/registry.ts';
import { startHashSync } from './routing/hashSync.ts';
import { parseModeParams } from './routing/modeParams.ts';
import { probeWebgl } from './scene/webglProbe.ts';
import { rememberLanguage, startLanguage } from './store/languagePreference.ts';
import { rememberQuizAttempt } from './store/quizMemory.ts';
import { safeStorage } from './store/safeStorage.ts';
import { startMode, useExhibition } from './store/store.ts';
import './ui/styles.css';

const { mode } = parseModeParams(window.location.search);
const entry = MODES[mode];
const storage = safeStorage(window);
const store = useExhibition;
// The visitor's language survives a reload (not on the kiosk: see languagePreference.ts).
startMode(store, { mode, capabilities: entry.capabilities, lang: startLanguage(entry.capabilities, storage) });
rememberLanguage(store, storage);
// A quiz under way survives a reload of the visitor's tab (not on the kiosk: see quizMemory.ts).
rememberQuizAttempt(store, safeStorage(window, 'sessionStorage'));
const hasWebgl = probeWebgl().available;
// The lobby kiosk guards against exits and dead screens before anything renders (and if React
// dies): its install starts them. Projector and kiosk code are chunks of their own.
const installing = entry.load().then((module) => module.install(store, window, { hasWebgl }));
// A mode's whole page (standalone: the presenter's window, a phone following a lesson) draws no
// corridor: it loads no board fonts and no 3D code, until it asks for them (the phone's 3D view).
const drawsBoards = installing.then(async (installed) => {
  if (!hasWebgl) return false;
  if (!installed.standalone) return true;
  if (!installed.boardsWanted) return false;
  await installed.boardsWanted;
  return true;
});
bootContent(store, { baseUrl: import.meta.env.BASE_URL, drawsBoards, hot: import.meta.hot });
// quiz.json only once a quiz screen asks for it.
startQuizLoading(store, { baseUrl: import.meta.env.BASE_URL, hot: import.meta.hot });
// Modes with history keep the URL hash and the store in step (the kiosk keeps no history).
if (entry.capabilities.history === 'push') startHashSync(store);

void installing.then((installed) => {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App installed={installed} hasWebgl={hasWebgl} />
    </StrictMode>,
  );
});
