/**
 * The presenter's own screen (opened with S from the projector): the current stop, a preview of
 * the next, the talking points, the lesson's elapsed time and the time at this stop, and the state
 * of the projector (blank, paused), and the live lesson's room while one runs (课堂互动). It mirrors the projector window's session over a
 * BroadcastChannel; its keys and buttons are sent back there, so either window drives both.
 */
import './present.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatDate, type Lang, localize } from '../../../content/localize.ts';
import { type PresentStop, resolveTour } from '../../../content/tours.ts';
import { type PresentTextKey, presentText } from '../../../i18n/presentStrings.ts';
import { useExhibition } from '../../../store/store.ts';
import { ResponsiveImage } from '../../../ui/ResponsiveImage.tsx';
import { PresenterResults } from '../live/PresenterResults.tsx';
import { presentRuntime } from '../presentMode.ts';
import type { PresentCommand } from '../presentSession.ts';
import type { PresentSnapshot } from '../presentSync.ts';
import { countdownLeft, type RoomQuizSlot } from '../roomQuiz.ts';
import { PresenterContest } from './PresenterContest.tsx';
import { PresenterQuiz } from './PresenterQuiz.tsx';
import { PresenterQuizNext } from './PresenterQuizNext.tsx';
import { PresenterRoom } from './PresenterRoom.tsx';

/** "4:05", "1:02:09". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The time now, re-read every second (a small clock for this view only, not store state). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function PresenterView() {
  const remote = useStore(presentRuntime, (runtime) => runtime.remote);
  const status = useStore(presentRuntime, (runtime) => runtime.remoteStatus);
  const follower = useStore(presentRuntime, (runtime) => runtime.follower);
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  const tourId = remote?.tourId ?? null;
  const tour = useMemo(() => (exhibition && tourId ? resolveTour(exhibition, tourId).tour : null), [exhibition, tourId]);
  const tourTitle = tour ? localize(tour.title, lang) : '';

  useEffect(() => {
    document.title = presentText('presenterWindowTitle', lang, { title: tourTitle || presentText('appName', lang) });
  }, [lang, tourTitle]);

  if (!remote || !tour || status !== 'connected') {
    return (
      <main className="presenter presenter--waiting" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <h1>{presentText('presentPresenter', lang)}</h1>
        <p role="status">{presentText(status === 'closed' ? 'presenterClosed' : 'presenterWaiting', lang)}</p>
      </main>
    );
  }
  const send = (command: PresentCommand) => follower?.send(command);
  return <PresenterScreen remote={remote} stops={tour.stops} tourTitle={tourTitle} lang={lang} send={send} />;
}

interface ScreenProps {
  remote: PresentSnapshot;
  stops: PresentStop[];
  tourTitle: string;
  lang: Lang;
  send(command: PresentCommand): void;
}

function PresenterScreen({ remote, stops, tourTitle, lang, send }: ScreenProps) {
  const now = useNow();
  const follower = useStore(presentRuntime, (runtime) => runtime.follower);
  const room = useStore(presentRuntime, (runtime) => runtime.room);
  const stopList = useRef<HTMLOListElement>(null);
  // The list of stops keeps the current one in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the stop changes, to find its new place in the list
  useEffect(() => {
    stopList.current?.querySelector('[aria-current="step"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [remote.index]);
  const current = stops[remote.index];
  const next = stops[remote.index + 1];
  const projector: PresentTextKey =
    remote.blank === 'black' ? 'presentBlack' : remote.blank === 'white' ? 'presentWhite' : 'presenterShowing';
  const hasAuto = current?.duration != null;
  const autoLeft = remote.advanceAt !== null ? remote.advanceAt - now : remote.advanceLeft;
  // Buttons keep the focus where it was, so the keys go on working as before the click.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const button = (command: PresentCommand, label: string, pressed?: boolean) => (
    <button type="button" onMouseDown={keepFocus} onClick={() => send(command)} aria-pressed={pressed}>
      {label}
    </button>
  );
  if (!current) return null;
  // The room quiz stands in for the stop (the end slide after it is the lesson's again).
  const quiz = remote.quiz !== null && !remote.ended ? remote.quiz : null;
  // P is the question's countdown's while one runs (or waits, paused).
  const quizRun = quiz?.status === 'ready' && quiz.run.phase === 'answering' ? quiz.run : null;

  return (
    <main className="presenter" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="presenter__head">
        <div>
          <h1 className="presenter__tour">{tourTitle}</h1>
          <p className="presenter__position">
            {remote.ended ? (
              presentText('presentEnd', lang)
            ) : quiz ? (
              <QuizPosition slot={quiz} lang={lang} />
            ) : (
              <>
                {presentText('presentStopOf', lang, { n: remote.index + 1, total: stops.length })}
                {remote.pages > 1 && <> · {presentText('presenterScreen', lang, { n: remote.page, total: remote.pages })}</>}
              </>
            )}
          </p>
        </div>
        <p className={remote.blank === 'none' ? 'presenter__projector' : 'presenter__projector presenter__projector--blank'}>
          {presentText('presenterOnScreen', lang, { state: presentText(projector, lang) })}
        </p>
        <dl className="presenter__timers">
          <div>
            <dt>{presentText('presenterElapsed', lang)}</dt>
            <dd data-testid="presenter-elapsed">{formatClock(now - remote.startedAt)}</dd>
          </div>
          <div>
            <dt>{presentText('presenterAtStop', lang)}</dt>
            <dd data-testid="presenter-at-stop">{formatClock(now - remote.stopStartedAt)}</dd>
          </div>
          {quiz && (
            <div>
              <dt>{presentText('presenterQuizCountdown', lang)}</dt>
              <dd data-testid="presenter-quiz-countdown">{quizCountdownText(quiz, now, lang)}</dd>
            </div>
          )}
          <div>
            <dt>{presentText('presenterAutoIn', lang)}</dt>
            <dd data-testid="presenter-auto">
              {!hasAuto
                ? presentText('presenterAutoOff', lang)
                : remote.paused
                  ? presentText('presentPaused', lang)
                  : autoLeft !== null
                    ? formatClock(autoLeft + 999)
                    : presentText('presenterAutoOff', lang)}
            </dd>
          </div>
        </dl>
      </header>

      {quiz ? (
        <PresenterQuiz slot={quiz} lang={lang} />
      ) : remote.ended ? (
        <section className="presenter__now" aria-label={presentText('presenterNow', lang)}>
          <p className="presenter__section">{tourTitle}</p>
          <h2 className="presenter__title">{presentText('presentEnd', lang)}</h2>
          <p className="presenter__notes presenter__notes--none">{presentText('presenterEnded', lang)}</p>
        </section>
      ) : (
        <section className="presenter__now" aria-label={presentText('presenterNow', lang)}>
          <p className="presenter__section">{localize(current.section.title, lang)}</p>
          <h2 className="presenter__title">{localize(current.panel.title, lang)}</h2>
          {current.panel.date && <p className="presenter__date">{formatDate(current.panel.date, lang)}</p>}
          <h3 className="presenter__label">{presentText('presenterNotes', lang)}</h3>
          {current.notes.length > 0 ? (
            <ol className="presenter__notes">
              {current.notes.map((note, index) => (
                <li key={`${index}-${localize(note, 'zh').slice(0, 12)}`}>{localize(note, lang)}</li>
              ))}
            </ol>
          ) : (
            <div className="presenter__notes presenter__notes--none">
              <p>{presentText('presenterNoNotes', lang)}</p>
              {current.panel.summary && <p>{localize(current.panel.summary, lang)}</p>}
            </div>
          )}
        </section>
      )}

      <aside className="presenter__side">
        {quiz ? (
          <PresenterQuizNext slot={quiz} lang={lang} />
        ) : (
          <section className="presenter__next" aria-label={presentText('presenterUpNext', lang)}>
            <h3 className="presenter__label">{presentText('presenterUpNext', lang)}</h3>
            {next ? (
              <>
                <p className="presenter__section">{localize(next.section.title, lang)}</p>
                <h2 className="presenter__next-title">{localize(next.panel.title, lang)}</h2>
                {next.panel.summary && <p className="presenter__next-summary">{localize(next.panel.summary, lang)}</p>}
                {next.panel.images[0] && (
                  <div className="presenter__thumb">
                    <ResponsiveImage
                      src={next.panel.images[0].src}
                      alt={localize(next.panel.images[0].alt ?? next.panel.images[0].caption, lang)}
                      sizes="320px"
                      crop={next.panel.images[0].crop}
                    />
                  </div>
                )}
              </>
            ) : remote.ended ? (
              <p className="presenter__next-title">{presentText('presentEnd', lang)}</p>
            ) : (
              <p className="presenter__next-title">
                {presentText('presenterLastStop', lang)}{' '}
                {presentText(remote.quizId ? 'presenterQuizAfterLast' : 'presenterEndNext', lang)}
              </p>
            )}
          </section>
        )}
        {room && remote.quizId && <PresenterContest contest={room.contest} lang={lang} send={send} />}
        {room && <PresenterRoom room={room} lang={lang} send={(command) => follower?.room(command)} />}
        <section className="presenter__stops" aria-label={presentText('presenterAllStops', lang)}>
          <h3 className="presenter__label">{presentText('presenterAllStops', lang)}</h3>
          <ol ref={stopList}>
            {stops.map((stop, index) => (
              <li key={`${index}-${stop.panel.id}`}>
                <button
                  type="button"
                  onMouseDown={keepFocus}
                  onClick={() => follower?.goTo(index)}
                  aria-current={index === remote.index && !remote.ended ? 'step' : undefined}
                >
                  <span className="presenter__stop-number">{index + 1}</span> {localize(stop.panel.title, lang)}
                </button>
              </li>
            ))}
          </ol>
        </section>
        {/* 竞赛成绩: past lessons' results with the station's PIN (on the station server only). */}
        <PresenterResults lang={lang} />
      </aside>

      <footer className="presenter__foot">
        <div className="presenter__buttons">
          {button('previous', `‹ ${presentText('presentPrevious', lang)}`)}
          {button('next', `${presentText('presentNext', lang)} ›`)}
          {button('black', `B · ${presentText('presentBlack', lang)}`, remote.blank === 'black')}
          {button('white', `W · ${presentText('presentWhite', lang)}`, remote.blank === 'white')}
          {quizRun?.countdown
            ? button('pause', `P · ${presentText(quizRun.paused ? 'roomQuizResume' : 'roomQuizPause', lang)}`, quizRun.paused)
            : !quiz &&
              stops.some((stop) => stop.duration !== null) &&
              button('pause', `P · ${presentText(remote.paused ? 'presentResume' : 'presentPause', lang)}`, remote.paused)}
          {button('motion', `M · ${presentText(remote.motion === 'cut' ? 'presentMotionCut' : 'presentMotionGlide', lang)}`)}
          {remote.quizId && button('quiz', `Q · ${presentText(quiz ? 'roomQuizLeave' : 'roomQuizStart', lang)}`, quiz !== null)}
          {button('lang', presentText('language', lang))}
        </div>
        <p className="presenter__keys">{presentText('presenterKeys', lang)}</p>
      </footer>
    </main>
  );
}

/** "知识问答 · 第 2 / 14 题" in the presenter's head line. */
function QuizPosition({ slot, lang }: { slot: RoomQuizSlot; lang: Lang }) {
  const run = slot.status === 'ready' ? slot.run : null;
  const asking = run && (run.phase === 'answering' || run.phase === 'revealed');
  return (
    <>
      {presentText('roomQuizStart', lang)}
      {asking && <> · {presentText('roomQuizQuestionOf', lang, { n: run.index + 1, total: run.quiz.questions.length })}</>}
      {run?.phase === 'finished' && <> · {presentText('roomQuizOver', lang)}</>}
    </>
  );
}

/** The question's countdown as the presenter reads it: "0:23", paused, time-up, untimed. */
function quizCountdownText(slot: RoomQuizSlot, now: number, lang: Lang): string {
  const run = slot.status === 'ready' ? slot.run : null;
  if (run?.phase === 'revealed' && run.timeUp) return presentText('roomQuizTimeUp', lang);
  if (run?.phase !== 'answering') return presentText('presenterAutoOff', lang);
  if (!run.countdown) return presentText('presenterQuizUntimed', lang);
  if (run.paused) return presentText('roomQuizPaused', lang);
  return formatClock(countdownLeft(run.countdown, now) + 999);
}
