/** The smaller overlays: HUD, loading screen, notices, the problems list, the failure screen. */
import { useEffect, useState } from 'react';
import { localize } from '../content/localize.ts';
import { formatProblem } from '../content/problems.ts';
import { t } from '../i18n/strings.ts';
import { isFullyLoaded, progressFraction } from '../store/progress.ts';
import { useExhibition } from '../store/store.ts';
import { LanguageToggle } from './LanguageToggle.tsx';

/**
 * The floor plan sits just below the HUD's top bar, whose height depends on the language and the
 * screen (a title in two lines on a phone): the bar's height is published for the CSS as
 * `--hud-top-height`, and followed as it changes. A ref callback (with React 19's cleanup).
 */
function publishTopBarHeight(element: HTMLElement | null) {
  if (!element || typeof ResizeObserver === 'undefined') return;
  const root = document.documentElement;
  const observer = new ResizeObserver(() => root.style.setProperty('--hud-top-height', `${element.offsetHeight}px`));
  observer.observe(element);
  return () => {
    observer.disconnect();
    root.style.removeProperty('--hud-top-height');
  };
}

export function Hud() {
  const lang = useExhibition((state) => state.lang);
  const exhibition = useExhibition((state) => state.exhibition);
  const directoryOpen = useExhibition((state) => state.directoryOpen);
  const searchOpen = useExhibition((state) => state.searchOpen);
  const quizOffered = useExhibition((state) => state.capabilities.screens.has('quiz'));
  const quizShown = useExhibition((state) => state.quizScreen !== null);
  if (!exhibition) return null;
  const { stepPanel, setDirectoryOpen, setSearchOpen, openQuizList } = useExhibition.getState();
  return (
    <>
      <header ref={publishTopBarHeight} className="hud hud--top">
        <div className="hud__title">
          <h1>{localize(exhibition.title, lang)}</h1>
          <p>{localize(exhibition.host, lang)}</p>
        </div>
        <div className="hud__actions">
          <LanguageToggle />
          <button
            type="button"
            id="search-toggle"
            aria-haspopup="dialog"
            aria-expanded={searchOpen}
            aria-keyshortcuts="/"
            aria-label={t('search', lang)}
            onClick={() => setSearchOpen(true)}
          >
            {t('search', lang)} <kbd>/</kbd>
          </button>
          {quizOffered && (
            <button type="button" id="quiz-toggle" aria-haspopup="dialog" aria-expanded={quizShown} onClick={openQuizList}>
              {t('quizOpen', lang)}
            </button>
          )}
          <button
            type="button"
            id="directory-toggle"
            aria-expanded={directoryOpen}
            aria-controls="directory"
            onClick={() => setDirectoryOpen(!directoryOpen)}
          >
            ≡ {t('directory', lang)}
          </button>
        </div>
      </header>
      <div className="hud hud--bottom">
        <div className="hud__stepper">
          <button type="button" onClick={() => stepPanel(-1)} aria-label={t('previousPanel', lang)}>
            ‹ {t('previous', lang)}
          </button>
          <button type="button" onClick={() => stepPanel(1)} aria-label={t('nextPanel', lang)}>
            {t('next', lang)} ›
          </button>
        </div>
        <p className="hud__hint">{t('walkHint', lang)}</p>
      </div>
    </>
  );
}

/** Real progress: content, fonts, photos, then each board's text as troika typesets it. */
export function LoadingScreen() {
  const lang = useExhibition((state) => state.lang);
  const progress = useExhibition((state) => state.progress);
  const status = useExhibition((state) => state.status);
  // Latched: the boards behind the visitor join after the first view is set (scene/Corridor.tsx),
  // and their texts must not bring the loading screen back or hold it.
  const [everDone, setEverDone] = useState(false);
  const done = everDone || isFullyLoaded(progress);
  useEffect(() => {
    if (done && !everDone) setEverDone(true);
  }, [done, everDone]);
  const [gone, setGone] = useState(false);
  // Never hold the visit hostage: if a board's text cannot be typeset, open anyway (the store's
  // one loading clock, started with the content: src/boot/content.ts).
  const timedOut = useExhibition((state) => state.loadingGaveUp);
  useEffect(() => {
    if (!done && !timedOut) return;
    const timer = window.setTimeout(() => setGone(true), 450);
    return () => window.clearTimeout(timer);
  }, [done, timedOut]);
  if (gone || status === 'failed') return null;
  const fraction = done ? 1 : progressFraction(progress);
  const percent = Math.round(fraction * 100);
  const stage = !progress.contentReady
    ? t('loadingContent', lang)
    : !progress.fontReady
      ? t('loadingFonts', lang)
      : progress.texturesLoaded < progress.texturesTotal
        ? t('loadingImages', lang)
        : t('loadingBoards', lang);
  return (
    <div className={done || timedOut ? 'loading loading--done' : 'loading'} data-testid="loading">
      <div className="loading__inner">
        <p className="loading__title">{t('appName', lang)}</p>
        <div
          className="loading__bar"
          role="progressbar"
          aria-label={t('loading', lang)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="loading__fill" style={{ transform: `scaleX(${fraction})` }} />
        </div>
        <p className="loading__stage" aria-live="polite">
          {stage} · {percent}%
        </p>
      </div>
    </div>
  );
}

export function NoticeBanner() {
  const notice = useExhibition((state) => state.notice);
  const lang = useExhibition((state) => state.lang);
  if (!notice) return null;
  const { dismissNotice, setDirectoryOpen, openQuizList } = useExhibition.getState();
  const quiz = notice.kind === 'unknown-quiz';
  const message =
    notice.kind === 'unknown-panel'
      ? t('unknownPanel', lang, { id: notice.id })
      : notice.kind === 'unknown-quiz'
        ? t('quizUnknown', lang, { id: notice.id })
        : t('unknownRoute', lang);
  return (
    <div className="notice" role="alert">
      <p>
        <strong>{message}</strong> {quiz ? t('quizUnknownHint', lang) : t('unknownPanelHint', lang)}
      </p>
      <div className="notice__actions">
        <button
          type="button"
          onClick={() => {
            dismissNotice();
            if (quiz) openQuizList();
            else setDirectoryOpen(true);
          }}
        >
          {quiz ? t('quizList', lang) : t('openDirectory', lang)}
        </button>
        <button type="button" onClick={dismissNotice}>
          {t('dismiss', lang)}
        </button>
      </div>
    </div>
  );
}

export function ProblemsView() {
  const view = useExhibition((state) => state.view);
  const contentProblems = useExhibition((state) => state.problems);
  const quizProblems = useExhibition((state) => state.quizProblems);
  const quizStatus = useExhibition((state) => state.quizStatus);
  const quizOffered = useExhibition((state) => state.capabilities.screens.has('quiz'));
  const lang = useExhibition((state) => state.lang);
  // quiz.json is fetched only when a quiz screen asks for it; the list of problems asks too, so a
  // question naming a panel that is gone shows here without anyone opening the quiz first.
  useEffect(() => {
    if (view === 'problems' && quizOffered) useExhibition.getState().requestQuizzes();
  }, [view, quizOffered]);
  if (view !== 'problems') return null;
  const problems = [...contentProblems, ...quizProblems];
  const checkingQuizzes = quizOffered && quizStatus === 'loading';
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">内容问题 · Content problems</h2>
      {checkingQuizzes ? <p role="status">正在检查知识问答…… · Checking the quizzes…</p> : null}
      {problems.length === 0 ? (
        checkingQuizzes ? null : (
          <p>没有发现问题。No problems found.</p>
        )
      ) : (
        <ul>
          {problems.map((problem, index) => (
            <li key={`${index}-${problem.file}-${problem.path}`} className={`problem problem--${problem.severity}`}>
              <code>{formatProblem(problem)}</code>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="#/">{t('backToEntrance', lang)}</a>
      </p>
    </section>
  );
}

/** When exhibition.json itself cannot be used: say which file and what is wrong, never a blank page. */
export function LoadFailed() {
  const problems = useExhibition((state) => state.problems);
  const lang = useExhibition((state) => state.lang);
  return (
    <main className="load-failed">
      <h1>{t('loadFailed', lang)}</h1>
      <p>{t('loadFailedHint', lang)}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${index}-${problem.path}`}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => window.location.reload()}>
        {t('retry', lang)}
      </button>
    </main>
  );
}
