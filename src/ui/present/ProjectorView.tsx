/**
 * What the room sees in projector mode: the current stop's panel in the projector layout, over
 * the corridor once the camera has reached its board; a thin progress line with the section's
 * name; black and white screens; a control bar that shows only while the pointer moves.
 *
 * The card is a non-modal `dialog` named by the panel's title, so the blank screens can cover it.
 * Keys are handled for the whole window in src/modes/presentMode.ts, not here.
 */
import './present.css';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { formatDate, type Lang, localize } from '../../content/localize.ts';
import { boardById } from '../../layout/queries.ts';
import { toggleFullscreen } from '../../modes/presentInput.ts';
import { presentRuntime } from '../../modes/presentMode.ts';
import type { Pager, PresentSession, PresentState } from '../../modes/presentSession.ts';
import { cameraArrived, type PresentStop, type PresentTour } from '../../modes/presentTour.ts';
import { livePose, useExhibition } from '../../store/store.ts';
import { t } from '../strings.ts';
import { ProjectorKeyMessage, ProjectorMedia, ProjectorText } from './ProjectorDetails.tsx';

/** If the camera never reports arriving (no WebGL frames, a stalled tab), show the card anyway. */
const ARRIVAL_TIMEOUT_MS = 6000;

export function ProjectorView() {
  const session = useStore(presentRuntime, (runtime) => runtime.session);
  const popupBlocked = useStore(presentRuntime, (runtime) => runtime.popupBlocked);
  const lang = useExhibition((state) => state.lang);
  if (!session) return null;
  return (
    <>
      <Projector session={session} lang={lang} />
      {popupBlocked && (
        <p className="present-toast" role="alert">
          {t('presentPopupBlocked', lang)}
        </p>
      )}
    </>
  );
}

function Projector({ session, lang }: { session: PresentSession; lang: Lang }) {
  const state = useStore(session.store);
  const layout = useExhibition((s) => s.layout);
  const tour = state.ready ? session.tour() : null;
  const stop = tour?.stops[state.index];

  // The stop whose card shows: the current one once the camera is there; while the camera goes to
  // the next board, the previous card fades out as it was.
  const shownIndex = useRef<number | null>(null);
  if (state.ready && state.arrived) shownIndex.current = state.index;
  const shown = shownIndex.current === null ? undefined : tour?.stops[shownIndex.current];

  // Watch the camera (a few times a second, never per frame) until it reaches the board.
  useEffect(() => {
    if (!state.ready || state.arrived || !stop) return;
    const board = layout ? boardById(layout, stop.panel.id) : undefined;
    const started = performance.now();
    const check = () => {
      const noScene = document.querySelector('.exhibit-canvas canvas') === null;
      if (!board || noScene || performance.now() - started > ARRIVAL_TIMEOUT_MS || cameraArrived(livePose, board.viewpoint)) {
        session.markArrived();
      }
    };
    const timer = window.setInterval(check, 100);
    return () => window.clearInterval(timer);
  }, [session, state.ready, state.arrived, stop, layout]);

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
          lang={lang}
        />
      )}
      {state.blank !== 'none' && (
        <div
          className={`present-blank present-blank--${state.blank}`}
          data-testid="present-blank"
          data-blank={state.blank}
          role="img"
          aria-label={t(state.blank === 'black' ? 'presentBlack' : 'presentWhite', lang)}
        />
      )}
      <PresentControls session={session} state={state} lang={lang} />
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
  lang: Lang;
}

function ProjectorCard({ session, state, tour, stop, index, visible, lang }: CardProps) {
  const titleId = useId();
  const content = useRef<HTMLDivElement>(null);
  const { panel, section } = stop;
  // Images stand beside the text; without images the key message does (a board of figures takes the width).
  const hasMedia = panel.images.length > 0 && panel.kind !== 'stats';
  const keyMessage = !hasMedia && panel.kind !== 'stats' && Boolean(panel.summary);
  const more = visible && state.page < state.pages;

  // The card lends its scrolling to the session: "next" shows the rest of a long panel first.
  useEffect(() => {
    const pager: Pager = {
      down: () => pageTo(content.current, session, 1),
      up: () => pageTo(content.current, session, -1),
      toTop: () => {
        const element = content.current;
        if (element) element.scrollTop = 0;
        reportPages(element, session);
      },
    };
    session.setPager(pager);
    return () => session.setPager(null);
  }, [session]);

  // Each stop starts at its first screen; its number of screens follows the screen size and fonts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stop and the language change what the card holds
  useLayoutEffect(() => {
    const element = content.current;
    if (!element) return;
    element.scrollTop = 0;
    reportPages(element, session);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => reportPages(element, session));
    observer.observe(element);
    const inner = element.firstElementChild;
    if (inner) observer.observe(inner);
    return () => observer.disconnect();
  }, [session, index, lang]);

  return (
    <dialog
      open
      className={visible ? 'projector projector--shown' : 'projector'}
      aria-labelledby={titleId}
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
            <span className="visually-hidden">{t('presentStopOf', lang, { n: index + 1, total: tour.stops.length })}</span>
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
        <div className={hasMedia || keyMessage ? 'projector__columns projector__columns--two' : 'projector__columns'}>
          <ProjectorText panel={panel} lang={lang} withSummary={!keyMessage} />
          {hasMedia && <ProjectorMedia images={panel.images} lang={lang} />}
          {keyMessage && <ProjectorKeyMessage panel={panel} lang={lang} />}
        </div>
      </div>
      <p className="projector__more" hidden={!more} aria-hidden={!more}>
        {t('presentMore', lang)} · {state.page} / {state.pages}
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
        {t('presentPaused', lang)}
      </span>
    );
  }
  const left = state.advanceAt === null ? null : Math.max(0, state.advanceAt - Date.now());
  return (
    <span className="projector__auto" role="status">
      {t('presentAuto', lang)}
      {left !== null && (
        <span className="projector__countdown" aria-hidden="true">
          <span key={state.advanceAt} style={{ animationDuration: `${left}ms` }} />
        </span>
      )}
    </span>
  );
}

/** Scrolls the card one screen (less a line, so no line is lost at the fold); false at the end. */
function pageTo(element: HTMLElement | null, session: PresentSession, direction: 1 | -1): boolean {
  if (!element) return false;
  const { page, pages, step, max } = pageGeometry(element);
  const target = page + direction;
  if (target < 1 || target > pages) return false;
  element.scrollTop = Math.min(max, (target - 1) * step);
  reportPages(element, session);
  return true;
}

function reportPages(element: HTMLElement | null, session: PresentSession) {
  if (!element) return;
  const { page, pages } = pageGeometry(element);
  session.reportPage(page, pages);
}

/** The card's screens: how far one page scrolls, how many there are and which one shows. */
export function pageGeometry(element: Pick<HTMLElement, 'scrollHeight' | 'clientHeight' | 'scrollTop'>) {
  const max = Math.max(0, element.scrollHeight - element.clientHeight);
  const line = window.innerHeight * 0.05;
  const step = Math.max(40, element.clientHeight - line);
  const pages = max <= 2 ? 1 : 1 + Math.ceil((max - 2) / step);
  const page = element.scrollTop >= max - 2 ? pages : Math.min(pages, 1 + Math.floor((element.scrollTop + 2) / step));
  return { max, step, pages, page };
}

/** Buttons for a presenter with a mouse; shown while the pointer moves, hidden with it after 2 s. */
function PresentControls({ session, state, lang }: { session: PresentSession; state: PresentState; lang: Lang }) {
  const openPresenter = useStore(presentRuntime, (runtime) => runtime.openPresenter);
  // Leaving goes to the visitor's corridor at the same panel.
  const exitHref = `${window.location.pathname}${window.location.hash}`;
  // A click must not leave the focus on a button, or the clicker's Enter/Space would press it again.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const press = (action: () => void) => ({ onMouseDown: keepFocus, onClick: action });
  return (
    <nav className="present-controls" aria-label={t('presentControls', lang)}>
      <button type="button" {...press(() => session.run('previous'))} disabled={state.index <= 0 && state.page <= 1}>
        ‹ {t('presentPrevious', lang)}
      </button>
      <span className="present-controls__count">{state.count > 0 ? `${state.index + 1} / ${state.count}` : ''}</span>
      <button
        type="button"
        {...press(() => session.run('next'))}
        disabled={state.index >= state.count - 1 && state.page >= state.pages}
      >
        {t('presentNext', lang)} ›
      </button>
      <button type="button" {...press(() => session.run('black'))} aria-pressed={state.blank === 'black'}>
        B · {t('presentBlack', lang)}
      </button>
      <button type="button" {...press(() => openPresenter?.())}>
        S · {t('presentPresenter', lang)}
      </button>
      <button type="button" {...press(() => toggleFullscreen(document))}>
        F · {t('presentFullscreen', lang)}
      </button>
      <button type="button" {...press(() => session.run('motion'))}>
        M · {t(state.motion === 'cut' ? 'presentMotionCut' : 'presentMotionGlide', lang)}
      </button>
      <a className="present-controls__exit" href={exitHref} onMouseDown={keepFocus}>
        {t('presentExit', lang)}
      </a>
      <p className="present-controls__hint">{t('presentKeyHint', lang)}</p>
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
      {t('presentUnknownTour', lang, { id })}
    </p>
  );
}
