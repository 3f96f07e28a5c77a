/**
 * One participant in the presenter view's room list: the nickname, the status, and 移出 with a
 * confirmation step (移出 → 确认移出 / 取消), so a stray click or key does not remove anyone.
 */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { ParticipantStatus, RoomParticipant } from '../live/liveRoom.ts';

export interface PresenterRoomParticipantProps {
  participant: RoomParticipant;
  /** Its place in the list, 1-based: the number the projector shows while nicknames are hidden. */
  number: number;
  nicknamesVisible: boolean;
  lang: Lang;
  onRemove(participantId: string): void;
}

const STATUS_KEYS = {
  following: 'rosterFollowing',
  free: 'rosterFree',
  offline: 'rosterOffline',
} as const satisfies Record<ParticipantStatus, string>;

export function PresenterRoomParticipant({
  participant,
  number,
  nicknamesVisible,
  lang,
  onRemove,
}: PresenterRoomParticipantProps) {
  const [confirming, setConfirming] = useState(false);
  // Focus follows a keyboard user into the confirmation and back; a mouse click leaves it where it
  // was (on the page, not a button), since Space and Enter on a focused button would press it
  // while they are also the clicker's "next".
  const [moveFocus, setMoveFocus] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // The list scrolls in a small box: the confirmation, under the row, must not open out of sight.
  useEffect(() => {
    if (confirming) confirmButton.current?.scrollIntoView?.({ block: 'nearest' });
  }, [confirming]);
  useEffect(() => {
    if (!moveFocus) return;
    (confirming ? confirmButton : removeButton).current?.focus();
    setMoveFocus(false);
  }, [confirming, moveFocus]);
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  const byKeyboard = (event: React.MouseEvent) => event.detail === 0;

  const numberLabel = liveText('participantNumber', lang, { n: number });
  // The presenter's own screen shows the nicknames even while the projector hides them: the
  // presenter must see who is who to remove the right one (hiding them is for the room's sake,
  // and the number beside each is what the room sees). Always text, never markup.
  const shownName = participant.nickname ?? liveText('anonymous', lang);
  // The buttons are named for the one they remove: by nickname, or by number when there is none.
  const who = participant.nickname ?? numberLabel;

  return (
    <li className="presenter-room__participant" data-participant-id={participant.id} data-status={participant.status}>
      {!nicknamesVisible && <span className="presenter-room__number">{numberLabel}</span>}
      <span className="presenter-room__nickname">{shownName}</span>
      <span className={`presenter-room__status presenter-room__status--${participant.status}`}>
        {liveText(STATUS_KEYS[participant.status], lang)}
      </span>
      {confirming ? (
        <span className="presenter-room__confirm">
          <button
            ref={confirmButton}
            type="button"
            className="presenter-room__remove presenter-room__remove--confirm"
            onMouseDown={keepFocus}
            onClick={() => onRemove(participant.id)}
          >
            {liveText('confirmRemove', lang, { name: who })}
          </button>
          <button
            type="button"
            onMouseDown={keepFocus}
            onClick={(event) => {
              setMoveFocus(byKeyboard(event));
              setConfirming(false);
            }}
          >
            {liveText('cancel', lang)}
          </button>
        </span>
      ) : (
        <button
          ref={removeButton}
          type="button"
          className="presenter-room__remove"
          aria-label={liveText('removeParticipant', lang, { name: who })}
          onMouseDown={keepFocus}
          onClick={(event) => {
            setMoveFocus(byKeyboard(event));
            setConfirming(true);
          }}
        >
          {liveText('remove', lang)}
        </button>
      )}
    </li>
  );
}
