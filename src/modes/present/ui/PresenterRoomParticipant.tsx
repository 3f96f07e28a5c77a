/**
 * One participant in the presenter view's room list: the nickname, the status, and 移出 with its
 * confirmation step (RemoveParticipantButton).
 */
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { ParticipantStatus, RoomParticipant } from '../live/liveRoom.ts';
import { RemoveParticipantButton } from '../live/RemoveParticipantButton.tsx';

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
      <RemoveParticipantButton who={who} lang={lang} block="presenter-room" onRemove={() => onRemove(participant.id)} />
    </li>
  );
}
