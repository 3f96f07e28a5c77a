/**
 * What the room sees in projector mode: the current stop's panel as a slide that fills the
 * screen, in type as large as the panel's length allows; a thin progress line with the section's
 * name; the end slide after the last stop; black and white screens; a control bar that shows only
 * while the pointer moves.
 *
 * Between stops with the glide, the room sees the corridor, but never through a slide: the slide
 * fades out fully while the camera waits, the camera then glides, and the next slide fades in
 * once the camera has come to rest. A cut changes one opaque slide for the next.
 *
 * The slide is a non-modal `dialog` named by the panel's title, so the blank screens can cover it.
 * Keys are handled for the whole window in src/modes/present/presentMode.ts, not here.
 */
import './present.css';
import { type RefObject, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { formatDate, type Lang, localize } from '../../../content/localize.ts';
import type { Exhibition } from '../../../content/schema.ts';
import type { PresentStop, PresentTour } from '../../../content/tours.ts';
import { presentText } from '../../../i18n/presentStrings.ts';
import { boardById } from '../../../layout/queries.ts';
import { onLivePose } from '../../../store/live.ts';
import { useExhibition } from '../../../store/store.ts';
import { OathCaptions } from '../../../ui/OathCaptions.tsx';
import { ContestButton } from '../live/ContestButton.tsx';
import { LiveContest } from '../live/LiveContest.tsx';
import { LiveLessonButton } from '../live/LiveLessonButton.tsx';
import { LiveLessonPanel } from '../live/LiveLessonPanel.tsx';
import { contestShowing, type PresenterLiveState } from '../live/presenterLive.ts';
import { toggleFullscreen } from '../presentInput.ts';
import { presentRuntime } from '../presentMode.ts';
import type { Pager, PresentSession, PresentState } from '../presentSession.ts';
import { ProjectorKeyMessage, ProjectorMedia, ProjectorText } from './ProjectorDetails.tsx';
import { type LineBox, largestFit, pageStarts } from './projectorPages.ts';
import { RoomQuizSlide } from './RoomQuizSlide.tsx';

/** The page has painted this often and the corridor not once: it is not being drawn; show the slide. */
const PAINTS_WITHOUT_SCENE = 5;
/** A glide takes a few hundred frames at most; one still moving after this many never comes to rest: show the slide. */
const ARRIVAL_GIVE_UP_FRAMES = 1800;
/** The type scale of a slide: 1 is the smallest (the sizes in present.css); a short panel grows to this. */
const MAX_TYPE_SCALE = 1.6;
const TYPE_SCALE_STEP = 0.05;
/** Blocks that move to the next screen whole (a figure's tile, a person's box), when they fit on one. */
const UNBREAKABLE = '.projector__stat, .projector__person, .projector__to-fill';

/** Where the projector has no live lesson (not on the station): nothing covers the slides. */
const NO_LIVE = createStore<PresenterLiveState | null>(() => null);

export interface ProjectorViewProps {
  /** The corridor is drawn (WebGL): a camera to wait for between stops. */
  hasScene: boolean;
}

export function ProjectorView({ hasScene }: ProjectorViewProps) {
  const session = useStore(presentRuntime, (runtime) => runtime.session);
  const popupBlocked = useStore(presentRuntime, (runtime) => runtime.popupBlocked);
  const lang = useExhibition((state) => state.lang);
  if (!session) return null;
  return (
    <>
      <Projector session={session} lang={lang} hasScene={hasScene} />
      {popupBlocked && (
        <p className="present-toast" role="alert">
          {presentText('presentPopupBlocked', lang)}
        </p>
      )}
    </>
  );
}

function Projector({ session, lang, hasScene }: { session: PresentSession; lang: Lang; hasScene: boolean }) {
  const state = useStore(session.store);
  const live = useStore(presentRuntime, (runtime) => runtime.live);
  const contestShows = useStore((live?.store ?? NO_LIVE) as StoreApi<PresenterLiveState | null>, (liveState) =>
    contestShowing(liveState),
  );
  const layout = useExhibition((s) => s.layout);
  const exhibition = useExhibition((s) => s.exhibition);
  const tour = state.ready ? session.tour() : null;
  const stop = tour?.stops[state.index];

  // The stop whose slide shows: the current one once the camera is there; while the camera goes
  // to the next board, the previous slide (faded out) stays as it was.
  const shownIndex = useRef<number | null>(null);
  if (state.ready && state.arrived) shownIndex.current = state.index;
  const shown = shownIndex.current === null ? undefined : tour?.stops[shownIndex.current];

  // Wait for the rig's word that the camera has come to rest at its current goal (the store's
  // cameraSettled, for the goal's seq). The give-ups count the page's painted frames and the rig's,
  // never the clock, so a machine that draws a frame in many seconds (CPU WebGL, a busy machine)
  // never passes for a camera at rest; without a scene (no WebGL) there is no camera to wait for.
  useEffect(() => {
    if (!state.ready || state.arrived || state.leaving || !stop) return;
    const board = layout ? boardById(layout, stop.panel.id) : undefined;
    if (!board || !hasScene) {
      session.markArrived();
      return;
    }
    const atRest = () => {
      const { cameraGoal, cameraSettled } = useExhibition.getState();
      return cameraGoal !== null && cameraSettled?.seq === cameraGoal.seq;
    };
    if (atRest()) {
      session.markArrived();
      return;
    }
    // The rig says it settled in the frame that drew its last move: the slide fades in from the
    // next frame on, once that still frame is on the screen, so no frame ever shows the new slide
    // (however faint) over a corridor still moving.
    let afterStillFrame = 0;
    const stopWaiting = useExhibition.subscribe(() => {
      if (atRest() && afterStillFrame === 0) afterStillFrame = requestAnimationFrame(() => session.markArrived());
    });
    // The rig's frames since the camera was sent; one still moving after so many never comes to rest.
    let framesDrawn = 0;
    const stopCounting = onLivePose(() => {
      framesDrawn++;
      if (framesDrawn > ARRIVAL_GIVE_UP_FRAMES) session.markArrived();
    });
    // The page's own paints until the rig draws its first frame: the rig's frame is asked for first
    // (when the goal changed), so it comes in the first of them if the corridor draws at all.
    let pagePaints = 0;
    let paint = requestAnimationFrame(function counted() {
      pagePaints++;
      if (framesDrawn > 0) return;
      if (pagePaints > PAINTS_WITHOUT_SCENE) session.markArrived();
      else paint = requestAnimationFrame(counted);
    });
    return () => {
      cancelAnimationFrame(paint);
      cancelAnimationFrame(afterStillFrame);
      stopWaiting();
      stopCounting();
    };
  }, [session, state.ready, state.arrived, state.leaving, stop, layout, hasScene]);

  return (
    <>
      {/* Over the canvas: no stray click walks the camera or opens a board during a lesson. */}
      <div className="present-stage" aria-hidden="true" />
      {tour && shown && shownIndex.current !== null && (
        <ProjectorCard
          session={session}
          state={state}
          tour={tour}
          stop={shown}
          index={shownIndex.current}
          visible={state.arrived}
          covered={contestShows}
          lang={lang}
        />
      )}
      {/* The room quiz goes over the stop it started from; the end slide over the quiz. */}
      {tour && state.quiz && !state.ended && <RoomQuizSlide slot={state.quiz} tour={tour} covered={contestShows} lang={lang} />}
      {tour && exhibition && <EndSlide tour={tour} exhibition={exhibition} visible={state.ended} lang={lang} />}
      {/* 知识竞赛 over everything the lesson shows, under the blank screens. */}
      {live && <LiveContest live={live} lang={lang} />}
      {state.blank !== 'none' && (
        <div
          className={`present-blank present-blank--${state.blank}`}
          data-testid="present-blank"
          data-blank={state.blank}
          role="img"
          aria-label={presentText(state.blank === 'black' ? 'presentBlack' : 'presentWhite', lang)}
        />
      )}
      <PresentControls session={session} state={state} lang={lang} />
      <LiveLesson lang={lang} />
      {state.unknownTourId && <UnknownTourNotice id={state.unknownTourId} lang={lang} />}
    </>
  );
}

interface CardProps {
  session: PresentSession;
  state: PresentState;
  tour: PresentTour;
  stop: PresentStop;
  index: number;
  visible: boolean;
  /** Another slide (the contest's) is over it. */
  covered: boolean;
  lang: Lang;
}

function ProjectorCard({ session, state, tour, stop, index, visible, covered, lang }: CardProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const screens = useRef<Screens>({ starts: [0], index: 0 });
  const { panel, section } = stop;
  // Images stand beside the text; without images the key message does (a board of figures takes the width).
  const hasMedia = panel.images.length > 0 && panel.kind !== 'stats';
  const keyMessage = !hasMedia && panel.kind !== 'stats' && Boolean(panel.summary);
  const more = visible && state.page < state.pages;
  const leaving = state.leaving && !visible;
  // The oath stop is led phrase by phrase: each click of the clicker lights the next phrase (its
  // "screens" are the phrases lit, 0 to all), and only then does the lesson move on or end.
  const oath = panel.kind === 'oath' ? panel : null;
  const oathScreens = oath ? oath.phrases.length + 1 : null;
  const oathLit = oath && visible ? state.page - 1 : 0;

  // The slide lends its screens to the session: "next" shows the rest of a long panel first.
  useEffect(() => {
    const step = (direction: 1 | -1) => {
      const target = screens.current.index + direction;
      if (target < 0 || target >= screens.current.starts.length) return false;
      screens.current.index = target;
      showScreen(dialog.current, content.current, screens.current, session);
      return true;
    };
    const pager: Pager = {
      down: () => step(1),
      up: () => step(-1),
      toTop: () => {
        screens.current.index = 0;
        showScreen(dialog.current, content.current, screens.current, session);
      },
    };
    session.setPager(pager);
    return () => session.setPager(null);
  }, [session]);

  // Each stop starts at its first screen, its type fitted to it; the fit and the screens follow
  // the screen size, the fonts and the photos as they load (measured again a frame later, so a
  // change the fit itself makes is never fed back within one frame).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stop and the language change what the slide holds
  useLayoutEffect(() => {
    const element = content.current;
    if (!element) return;
    screens.current.index = 0;
    layOut(dialog.current, element, screens.current, session, oathScreens);
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => layOut(dialog.current, element, screens.current, session, oathScreens));
    });
    observer.observe(element);
    const inner = element.firstElementChild;
    if (inner) observer.observe(inner);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [session, index, lang, oathScreens]);

  // The camera waits for this slide to fade out before it sets off for the next stop.
  useSlideHidden(dialog, leaving, session);

  return (
    <dialog
      ref={dialog}
      open
      className={visible ? 'projector projector--shown' : leaving ? 'projector projector--leaving' : 'projector'}
      aria-labelledby={titleId}
      // Under the end slide, the quiz or the contest, the stop is not what a screen reader should read.
      aria-hidden={state.ended || state.quiz !== null || covered ? true : undefined}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-stop={index + 1}
      data-page={visible ? state.page : 1}
      data-pages={visible ? state.pages : 1}
    >
      <div className="projector__top">
        <p className="projector__progress">
          <span className="projector__section">{localize(section.title, lang)}</span>
          <AutoAdvance state={state} stop={stop} lang={lang} />
          <span className="projector__count">
            <span aria-hidden="true">
              {index + 1} / {tour.stops.length}
            </span>
            <span className="visually-hidden">
              {presentText('presentStopOf', lang, { n: index + 1, total: tour.stops.length })}
            </span>
          </span>
        </p>
        <div className="projector__bar" aria-hidden="true">
          <div className="projector__bar-fill" style={{ transform: `scaleX(${(index + 1) / tour.stops.length})` }} />
        </div>
      </div>
      <header className="projector__header">
        <h2 id={titleId} className="projector__title">
          {localize(panel.title, lang)}
        </h2>
        {panel.date && <p className="projector__date">{formatDate(panel.date, lang)}</p>}
      </header>
      <div
        ref={content}
        className={visible && state.page > 1 ? 'projector__content projector__content--scrolled' : 'projector__content'}
      >
        {oath ? (
          <div className="projector__columns">
            <OathCaptions panel={oath} lit={oathLit} lang={lang} block="projector" startHint={presentText('oathClicker', lang)} />
          </div>
        ) : (
          <div className={hasMedia || keyMessage ? 'projector__columns projector__columns--two' : 'projector__columns'}>
            <ProjectorText panel={panel} lang={lang} withSummary={!keyMessage} />
            {hasMedia && <ProjectorMedia images={panel.images} lang={lang} />}
            {keyMessage && <ProjectorKeyMessage panel={panel} lang={lang} />}
          </div>
        )}
      </div>
      <p className="projector__more" hidden={!more} aria-hidden={!more}>
        {oath ? presentText('oathClicker', lang) : `${presentText('presentMore', lang)} · ${state.page} / ${state.pages}`}
      </p>
    </dialog>
  );
}

/** The auto-advance indicator: a countdown line that shrinks (a CSS animation, no re-render), or "paused". */
function AutoAdvance({ state, stop, lang }: { state: PresentState; stop: PresentStop; lang: Lang }) {
  if (stop.duration === null) return null;
  if (state.paused) {
    return (
      <span className="projector__auto projector__auto--paused" role="status">
        {presentText('presentPaused', lang)}
      </span>
    );
  }
  const left = state.advanceAt === null ? null : Math.max(0, state.advanceAt - Date.now());
  return (
    <span className="projector__auto" role="status">
      {presentText('presentAuto', lang)}
      {left !== null && (
        <span className="projector__countdown" aria-hidden="true">
          <span key={state.advanceAt} style={{ animationDuration: `${left}ms` }} />
        </span>
      )}
    </span>
  );
}

/** The end slide: the lesson is over. Only the tour's and the exhibition's own words, and a thank-you. */
function EndSlide({
  tour,
  exhibition,
  visible,
  lang,
}: {
  tour: PresentTour;
  exhibition: Exhibition;
  visible: boolean;
  lang: Lang;
}) {
  const titleId = useId();
  return (
    <dialog
      open
      className={visible ? 'projector-end projector-end--shown' : 'projector-end'}
      aria-labelledby={titleId}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-testid="present-end"
    >
      <p className="projector-end__tour">{localize(tour.title, lang)}</p>
      <h2 id={titleId} className="projector-end__title">
        {presentText('presentEnd', lang)}
      </h2>
      <p className="projector-end__thanks">{presentText('presentThanks', lang)}</p>
      {exhibition.motto && (
        <p className="projector-end__motto">
          {localize(exhibition.motto, lang)}
          {exhibition.mottoCaption && (
            <span className="projector-end__motto-caption">{localize(exhibition.mottoCaption, lang)}</span>
          )}
        </p>
      )}
      <p className="projector-end__exhibition">
        {localize(exhibition.title, lang)}
        {exhibition.subtitle && <> · {localize(exhibition.subtitle, lang)}</>}
        <span className="projector-end__host">{localize(exhibition.host, lang)}</span>
      </p>
    </dialog>
  );
}

/**
 * While `leaving`, tells the session once the slide has faded out (its opacity transition has
 * ended, or there is none: reduced motion in the system's settings).
 */
function useSlideHidden(dialog: RefObject<HTMLDialogElement | null>, leaving: boolean, session: PresentSession) {
  useEffect(() => {
    const element = dialog.current;
    if (!leaving) return;
    if (!element || Number.parseFloat(getComputedStyle(element).opacity) === 0) {
      session.slideHidden();
      return;
    }
    // A fade cut short (the slide taken away) counts as done too: the slide is not coming back.
    const onEnd = (event: TransitionEvent) => {
      if (event.target === element && event.propertyName === 'opacity') session.slideHidden();
    };
    element.addEventListener('transitionend', onEnd);
    element.addEventListener('transitioncancel', onEnd);
    return () => {
      element.removeEventListener('transitionend', onEnd);
      element.removeEventListener('transitioncancel', onEnd);
    };
  }, [dialog, leaving, session]);
}

/** A slide's screens: where each starts in the content (px), and which one shows. */
interface Screens {
  starts: number[];
  index: number;
}

/**
 * Fits the slide's type and breaks it into screens: the largest type scale at which the whole
 * panel fits on the screen (from the smallest size up), or the smallest size and as many screens
 * as it takes, each breaking between lines. Then shows the screen it was at (or its last).
 * The oath's steps are its phrases, lit one more at each step, with nothing to scroll.
 */
function layOut(
  card: HTMLElement | null,
  element: HTMLElement,
  screens: Screens,
  session: PresentSession,
  /** A slide whose steps are not screens of text (the oath's phrases): this many, all at the top. */
  fixedSteps: number | null = null,
) {
  const columns = element.firstElementChild as HTMLElement | null;
  if (!card || !columns) return;
  if (fixedSteps !== null) {
    card.style.setProperty('--type-scale', '1');
    card.dataset.typeScale = '1';
    screens.starts = new Array<number>(fixedSteps).fill(0);
    screens.index = Math.min(screens.index, fixedSteps - 1);
    showScreen(card, element, screens, session);
    return;
  }
  // Measure from a clean slate: no room made for the last screen, nothing clipped.
  columns.style.minHeight = '';
  textColumn(element)?.style.removeProperty('clip-path');
  const fits = (scale: number) => {
    card.style.setProperty('--type-scale', String(scale));
    return element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1;
  };
  const scale = largestFit(fits, 1, MAX_TYPE_SCALE, TYPE_SCALE_STEP);
  card.style.setProperty('--type-scale', String(scale));
  card.dataset.typeScale = String(scale);
  const view = element.clientHeight;
  screens.starts = element.scrollHeight > view + 1 ? pageStarts(lineBoxes(element), view) : [0];
  // The last screen scrolls to its own first line even if little follows it.
  const last = screens.starts.at(-1) ?? 0;
  if (last > 0) columns.style.minHeight = `${last + view}px`;
  screens.index = Math.min(screens.index, screens.starts.length - 1);
  showScreen(card, element, screens, session);
}

/** Scrolls to the current screen and hides what belongs to the next one (the line cut at the bottom). */
function showScreen(card: HTMLElement | null, element: HTMLElement | null, screens: Screens, session: PresentSession) {
  if (!card || !element) return;
  const top = screens.starts[screens.index] ?? 0;
  element.scrollTop = top;
  const column = textColumn(element);
  const next = screens.starts[screens.index + 1];
  if (column) {
    if (next === undefined) column.style.removeProperty('clip-path');
    else {
      const columnTop = column.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
      column.style.clipPath = `inset(0 0 ${Math.max(0, columnTop + column.offsetHeight - next)}px 0)`;
    }
  }
  session.reportPage(screens.index + 1, screens.starts.length);
}

/** The column that pages (the images and the key message beside it stay in view). */
function textColumn(element: HTMLElement): HTMLElement | null {
  return element.querySelector<HTMLElement>('.projector__text');
}

/** The text column's lines (and unbreakable blocks), top and bottom in the content's own coordinates. */
function lineBoxes(element: HTMLElement): LineBox[] {
  const column = textColumn(element);
  if (!column) return [];
  const origin = element.getBoundingClientRect().top - element.scrollTop;
  const boxes: LineBox[] = [];
  const add = (rect: DOMRect) => {
    if (rect.height > 0) boxes.push({ top: rect.top - origin, bottom: rect.bottom - origin });
  };
  const blocks = new Set<Element>();
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || parent.closest('.visually-hidden')) continue;
    const block = parent.closest(UNBREAKABLE);
    if (block && column.contains(block) && block.getBoundingClientRect().height <= element.clientHeight) {
      if (!blocks.has(block)) add(block.getBoundingClientRect());
      blocks.add(block);
      continue;
    }
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) add(rect);
  }
  return boxes;
}

/** 课堂互动's PIN dialog and join card, on the station server only. */
function LiveLesson({ lang }: { lang: Lang }) {
  const live = useStore(presentRuntime, (runtime) => runtime.live);
  return live ? <LiveLessonPanel live={live} lang={lang} /> : null;
}

/** Buttons for a presenter with a mouse; shown while the pointer moves, hidden with it after 2 s. */
function PresentControls({ session, state, lang }: { session: PresentSession; state: PresentState; lang: Lang }) {
  const openPresenter = useStore(presentRuntime, (runtime) => runtime.openPresenter);
  const live = useStore(presentRuntime, (runtime) => runtime.live);
  // Leaving goes to the visitor's corridor at the same panel.
  const exitHref = `${window.location.pathname}${window.location.hash}`;
  // A click must not leave the focus on a button, or the clicker's Enter/Space would press it again.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const press = (action: () => void) => ({ onMouseDown: keepFocus, onClick: action });
  return (
    <nav className="present-controls" aria-label={presentText('presentControls', lang)}>
      <button
        type="button"
        {...press(() => session.run('previous'))}
        disabled={state.index <= 0 && state.page <= 1 && !state.ended}
      >
        ‹ {presentText('presentPrevious', lang)}
      </button>
      <span className="present-controls__count">{state.count > 0 ? `${state.index + 1} / ${state.count}` : ''}</span>
      <button type="button" {...press(() => session.run('next'))} disabled={state.ended}>
        {presentText('presentNext', lang)} ›
      </button>
      <button type="button" {...press(() => session.run('black'))} aria-pressed={state.blank === 'black'}>
        B · {presentText('presentBlack', lang)}
      </button>
      <button type="button" {...press(() => openPresenter?.())}>
        S · {presentText('presentPresenter', lang)}
      </button>
      <button type="button" {...press(() => toggleFullscreen(document))}>
        F · {presentText('presentFullscreen', lang)}
      </button>
      <button type="button" {...press(() => session.run('motion'))}>
        M · {presentText(state.motion === 'cut' ? 'presentMotionCut' : 'presentMotionGlide', lang)}
      </button>
      {state.quizId && (
        <button type="button" {...press(() => session.run('quiz'))} aria-pressed={state.quiz !== null}>
          Q · {presentText('roomQuizStart', lang)}
        </button>
      )}
      {live && state.quizId && <ContestButton live={live} lang={lang} press={press} />}
      {live && <LiveLessonButton live={live} lang={lang} press={press} />}
      <a className="present-controls__exit" href={exitHref} onMouseDown={keepFocus}>
        {presentText('presentExit', lang)}
      </a>
      <p className="present-controls__hint">{presentText('presentKeyHint', lang)}</p>
    </nav>
  );
}

function UnknownTourNotice({ id, lang }: { id: string; lang: Lang }) {
  const hidden = useStore(presentRuntime, (runtime) => runtime.tourNoticeHidden);
  useEffect(() => {
    const timer = window.setTimeout(() => presentRuntime.setState({ tourNoticeHidden: true }), 10_000);
    return () => window.clearTimeout(timer);
  }, []);
  if (hidden) return null;
  return (
    <p className="present-toast" role="status">
      {presentText('presentUnknownTour', lang, { id })}
    </p>
  );
}
