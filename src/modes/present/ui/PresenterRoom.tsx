/**
 * 课堂互动 in the presenter view: how many have joined, the join code, and the room's list (each
 * one's nickname and whether they follow, look around or are offline) with 移出, 集合 and
 * 隐藏昵称. It shows the projector window's copy of the room; every button sends a room command
 * back there, run by its live client as the projector's own buttons are.
 */
import { useId } from 'react';
import type { Lang } from '../../../content/localize.ts';
import { liveText } from '../../../i18n/liveStrings.ts';
import type { PresentRoom, RoomCommand } from '../live/liveRoom.ts';
import { PresenterRoomParticipant } from './PresenterRoomParticipant.tsx';

export interface PresenterRoomProps {
  room: PresentRoom;
  lang: Lang;
  send(command: RoomCommand): void;
}

export function PresenterRoom({ room, lang, send }: PresenterRoomProps) {
  const headingId = useId();
  // The view's buttons keep the focus where it was, so the clicker's keys go on driving the lesson.
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  return (
    <section className="presenter-room" aria-labelledby={headingId} data-join-code={room.code} data-live-phase={room.phase}>
      <div className="presenter-room__head">
        <h3 id={headingId} className="presenter__label">
          {liveText('liveButton', lang)}
        </h3>
        <div className="presenter-room__buttons">
          <button type="button" onMouseDown={keepFocus} onClick={() => send({ kind: 'gather' })}>
            {liveText('gather', lang)}
          </button>
          <button
            type="button"
            onMouseDown={keepFocus}
            aria-pressed={!room.nicknamesVisible}
            onClick={() => send({ kind: 'nicknames', visible: !room.nicknamesVisible })}
          >
            {liveText('hideNicknames', lang)}
          </button>
        </div>
      </div>
      {room.phase === 'reconnecting' && (
        <p className="presenter-room__warning" role="status">
          {liveText('reconnecting', lang)}
        </p>
      )}
      <p className="presenter-room__summary">
        <span className="presenter-room__count" data-joined={room.participantCount}>
          {liveText('joinedCount', lang, { n: room.participantCount })}
        </span>{' '}
        · {liveText('followingCount', lang, { n: room.followingCount })} · {liveText('joinCodeLabel', lang)}{' '}
        <span className="presenter-room__code">{room.code}</span>
      </p>
      {!room.nicknamesVisible && <p className="presenter-room__warning">{liveText('nicknamesHiddenOnProjector', lang)}</p>}
      {room.participants.length > 0 ? (
        // Named, not headed: the count above says how many already, and the side has little room.
        <ul className="presenter-room__list" aria-label={`${liveText('roster', lang)} (${room.participants.length})`}>
          {room.participants.map((participant, index) => (
            <PresenterRoomParticipant
              key={participant.id}
              participant={participant}
              number={index + 1}
              nicknamesVisible={room.nicknamesVisible}
              lang={lang}
              onRemove={(participantId) => send({ kind: 'remove', participantId })}
            />
          ))}
        </ul>
      ) : (
        <p className="presenter-room__empty">{liveText('noParticipants', lang)}</p>
      )}
    </section>
  );
}
