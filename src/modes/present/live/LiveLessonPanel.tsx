/**
 * The projector's live-lesson screens: the PIN dialog that starts a lesson, and the join card
 * (the station's QR of the join link, the link in large type, the six-digit code, how many have
 * joined, the room's list with 移出) with 集合, 隐藏 and 结束课堂. Nicknames are shown as text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../../content/localize.ts';
import { liveErrorText, liveText } from '../../../i18n/liveStrings.ts';
import { joinQrSrc, type PresenterLive } from './presenterLive.ts';
import { RemoveParticipantButton } from './RemoveParticipantButton.tsx';
import './live.css';

export interface LiveLessonPanelProps {
  live: PresenterLive;
  lang: Lang;
}

export function LiveLessonPanel({ live, lang }: LiveLessonPanelProps) {
  const phase = useStore(live.store, (state) => state.phase);
  return (
    <>
      {(phase === 'asking-pin' || phase === 'starting') && <PinDialog live={live} lang={lang} />}
      {(phase === 'live' || phase === 'reconnecting') && <JoinCard live={live} lang={lang} />}
    </>
  );
}

function PinDialog({ live, lang }: LiveLessonPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const error = useStore(live.store, (state) => state.error);
  const starting = useStore(live.store, (state) => state.phase === 'starting');
  const [pin, setPin] = useState('');
  const titleId = useId();
  const pinId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="present-live-pin"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        live.cancelPin();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void live.start(pin);
        }}
      >
        <h2 id={titleId}>{liveText('pinTitle', lang)}</h2>
        {error && (
          <p className="present-live__error" role="alert">
            {liveErrorText(error, lang)}
          </p>
        )}
        <label htmlFor={pinId}>{liveText('pinLabel', lang)}</label>
        <input
          id={pinId}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={64}
          value={pin}
          onChange={(event) => setPin(event.target.value)}
        />
        <div className="present-live-pin__buttons">
          <button type="button" onClick={() => live.cancelPin()}>
            {liveText('cancel', lang)}
          </button>
          <button type="submit" disabled={starting}>
            {liveText('pinStart', lang)}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function JoinCard({ live, lang }: LiveLessonPanelProps) {
  const { lesson, snapshot, roster, cardShown, phase } = useStore(live.store);
  const headingId = useId();
  if (!lesson) return null;
  // The room sees the projector: the presenter may keep nicknames off it (the server remembers).
  const nicknamesVisible = snapshot?.nicknamesVisible ?? true;
  return (
    <section
      className="present-live-card"
      aria-labelledby={headingId}
      hidden={!cardShown}
      data-join-code={lesson.code}
      data-live-phase={phase}
    >
      <h2 id={headingId}>{liveText('joinHeading', lang)}</h2>
      {phase === 'reconnecting' && (
        <p className="present-live__error" role="status">
          {liveText('reconnecting', lang)}
        </p>
      )}
      <div className="present-live-card__join">
        <img
          className="present-live-card__qr"
          src={joinQrSrc(lesson.sessionId)}
          alt={liveText('qrAlt', lang)}
          width={240}
          height={240}
        />
        <div>
          <p className="present-live-card__url">{lesson.joinUrl}</p>
          <p className="present-live-card__code">
            <span className="present-live-card__code-label">{liveText('joinCodeLabel', lang)} </span>
            <span className="present-live-card__digits">{lesson.code}</span>
          </p>
          <p className="present-live-card__count" data-joined={snapshot?.participantCount ?? 0}>
            {liveText('joinedCount', lang, { n: snapshot?.participantCount ?? 0 })} ·{' '}
            {liveText('followingCount', lang, { n: snapshot?.followingCount ?? 0 })}
          </p>
        </div>
      </div>
      {roster && roster.participants.length > 0 && (
        <details className="present-live-card__roster">
          <summary>
            {liveText('roster', lang)} ({roster.participants.length})
          </summary>
          <ul>
            {roster.participants.map((participant, index) => {
              const number = liveText('participantNumber', lang, { n: index + 1 });
              // The room reads the projector: with nicknames hidden, the buttons name the number too.
              const who = nicknamesVisible ? (participant.nickname ?? number) : number;
              return (
                <li key={participant.participantId} data-participant-id={participant.participantId}>
                  <span className="present-live-card__nickname">
                    {!nicknamesVisible ? number : (participant.nickname ?? liveText('anonymous', lang))}
                  </span>{' '}
                  <span className="present-live-card__state">
                    {!participant.connected
                      ? liveText('rosterOffline', lang)
                      : participant.following
                        ? liveText('rosterFollowing', lang)
                        : liveText('rosterFree', lang)}
                  </span>{' '}
                  <RemoveParticipantButton
                    who={who}
                    lang={lang}
                    block="present-live-card"
                    onRemove={() => live.remove(participant.participantId)}
                  />
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <div className="present-live-card__buttons">
        <button type="button" onClick={() => live.gather()}>
          {liveText('gather', lang)}
        </button>
        <button type="button" aria-pressed={!nicknamesVisible} onClick={() => live.setNicknamesVisible(!nicknamesVisible)}>
          {liveText('hideNicknames', lang)}
        </button>
        <button type="button" onClick={() => live.toggle()}>
          {liveText('hideCard', lang)}
        </button>
        <button type="button" onClick={() => live.end()}>
          {liveText('endLesson', lang)}
        </button>
      </div>
    </section>
  );
}
