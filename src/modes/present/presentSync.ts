/**
 * Keeps the projector window and the presenter window in step over a `BroadcastChannel`.
 *
 * The projector window owns the session: it runs every command (its own keys, and those the
 * presenter window sends) and broadcasts its state after each change. The presenter window only
 * mirrors that state and sends commands, so the two can never disagree about the stop.
 * Each lesson has its own channel (`dangshi-present:<session>`), so two lessons in two tabs do
 * not drive each other.
 *
 * A live lesson (课堂互动) runs in the projector window too: its connection and presenter secret
 * stay there. It broadcasts the room ({@link PresentRoom}: the join code, the counts, who has
 * joined) in a message of its own, and runs the room commands the presenter window sends (移出,
 * 隐藏昵称, 集合) through its live client.
 */
import { z } from 'zod';
import type { Lang } from '../../content/localize.ts';
import { quizSchema } from '../../content/quizSchema.ts';
import type { ExhibitionStore } from '../../store/store.ts';
import {
  type PresentRoom,
  presentRoomSchema,
  type RoomCommand,
  type RoomControl,
  roomCommandSchema,
  roomOf,
  runRoomCommand,
} from './live/liveRoom.ts';
import { PRESENT_COMMANDS, type PresentCommand, type PresentSession, type PresentState } from './presentSession.ts';
import type { RoomQuizSlot } from './roomQuiz.ts';

export const CHANNEL_PREFIX = 'dangshi-present:';

/** What the presenter window sees: the session's state, the language, and when it was sent. */
export interface PresentSnapshot extends PresentState {
  lang: Lang;
}

export type PresentMessage =
  | { type: 'state'; snapshot: PresentSnapshot }
  | { type: 'command'; command: PresentCommand }
  | { type: 'goto'; index: number }
  /** The live lesson's room; null while none runs (or this projector is not on the station). */
  | { type: 'room'; room: PresentRoom | null }
  | { type: 'room-command'; command: RoomCommand }
  | { type: 'hello' }
  | { type: 'bye' };

/**
 * The room quiz in a state message: it carries the quiz itself (questions, answers, explanations),
 * which the presenter view shows as it is, so it is checked in full, with the content's own schema.
 */
const countdownSchema = z.strictObject({
  totalMs: z.number().nonnegative(),
  endsAt: z.number().nullable(),
  leftMs: z.number().nonnegative().nullable(),
});
const roomQuizSlotSchema = z
  .discriminatedUnion('status', [
    z.strictObject({ status: z.literal('loading'), quizId: z.string() }),
    z.strictObject({ status: z.literal('unavailable'), quizId: z.string() }),
    z.strictObject({
      status: z.literal('ready'),
      quizId: z.string(),
      run: z.strictObject({
        quiz: quizSchema,
        phase: z.enum(['title', 'answering', 'revealed', 'finished']),
        index: z.number().int().nonnegative(),
        countdown: countdownSchema.nullable(),
        paused: z.boolean(),
        held: z.boolean(),
        lastCall: z.boolean(),
        timeUp: z.boolean(),
      }),
    }),
  ])
  .nullable() satisfies z.ZodType<RoomQuizSlot | null>;

/** The snapshot's room quiz, checked; undefined when it is not well-formed. */
function parseQuizPart(snapshot: PresentSnapshot): Pick<PresentSnapshot, 'quizId' | 'quiz'> | undefined {
  if (snapshot.quizId !== null && typeof snapshot.quizId !== 'string') return undefined;
  const quiz = roomQuizSlotSchema.safeParse(snapshot.quiz);
  return quiz.success ? { quizId: snapshot.quizId, quiz: quiz.data } : undefined;
}

/** Only well-formed messages are acted on: the channel is the origin's, but be strict anyway. */
export function parseMessage(data: unknown): PresentMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'hello':
    case 'bye':
      return { type: message.type };
    case 'command':
      return PRESENT_COMMANDS.includes(message.command as PresentCommand)
        ? { type: 'command', command: message.command as PresentCommand }
        : null;
    case 'goto':
      return typeof message.index === 'number' && Number.isInteger(message.index) ? { type: 'goto', index: message.index } : null;
    case 'room': {
      const room = presentRoomSchema.nullable().safeParse(message.room);
      return room.success ? { type: 'room', room: room.data } : null;
    }
    case 'room-command': {
      const command = roomCommandSchema.safeParse(message.command);
      return command.success ? { type: 'room-command', command: command.data } : null;
    }
    case 'state': {
      const snapshot = message.snapshot as PresentSnapshot | undefined;
      if (!snapshot || typeof snapshot !== 'object' || typeof snapshot.index !== 'number' || typeof snapshot.tourId !== 'string')
        return null;
      const quizPart = parseQuizPart(snapshot);
      return quizPart ? { type: 'state', snapshot: { ...snapshot, ...quizPart } } : null;
    }
    default:
      return null;
  }
}

export function channelName(sessionId: string): string {
  return `${CHANNEL_PREFIX}${sessionId}`;
}

/**
 * The projector window's side: broadcasts the session's state whenever it or the language
 * changes, and the live lesson's room (when `live` is given) whenever it changes; answers a
 * presenter window that says hello with both; runs the commands it sends.
 * Returns the uninstaller, which tells the presenter window the projector has gone.
 */
export function publishSession(
  session: PresentSession,
  exhibition: ExhibitionStore,
  channel: BroadcastChannel,
  live: RoomControl | null = null,
): () => void {
  const snapshot = (): PresentSnapshot => ({ ...session.store.getState(), lang: exhibition.getState().lang });
  const send = () => channel.postMessage({ type: 'state', snapshot: snapshot() } satisfies PresentMessage);
  // The live store also changes for the projector's own sake (its join card shown or hidden):
  // only a room that differs from the last one sent is sent again.
  let lastRoom: string | null = null;
  const sendRoom = (always: boolean) => {
    if (!live) return;
    const room = roomOf(live.store.getState());
    const serialized = JSON.stringify(room);
    if (!always && serialized === lastRoom) return;
    lastRoom = serialized;
    channel.postMessage({ type: 'room', room } satisfies PresentMessage);
  };
  const onMessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (!message) return;
    if (message.type === 'hello') {
      send();
      sendRoom(true);
    } else if (message.type === 'command') session.run(message.command);
    else if (message.type === 'goto') session.goTo(message.index);
    else if (message.type === 'room-command' && live) runRoomCommand(live, message.command);
  };
  channel.addEventListener('message', onMessage);
  const stopSession = session.store.subscribe(send);
  const stopLang = exhibition.subscribe((state, previous) => {
    if (state.lang !== previous.lang) send();
  });
  const stopRoom = live?.store.subscribe(() => sendRoom(false)) ?? (() => undefined);
  send();
  sendRoom(true);
  let stopped = false;
  return () => {
    if (stopped) return; // pagehide and the app's own cleanup may both call it
    stopped = true;
    channel.postMessage({ type: 'bye' } satisfies PresentMessage);
    channel.removeEventListener('message', onMessage);
    stopSession();
    stopLang();
    stopRoom();
  };
}

export type RemoteStatus = 'connecting' | 'connected' | 'closed';

export interface SessionFollower {
  send(command: PresentCommand): void;
  goTo(index: number): void;
  /** 移出, 隐藏昵称, 集合: run by the projector window's live client. */
  room(command: RoomCommand): void;
  dispose(): void;
}

/**
 * The presenter window's side: says hello (so the projector sends its state at once), hands
 * every state it receives to `onState` and every room to `onRoom`, and sends commands.
 */
export function followSession(
  channel: BroadcastChannel,
  onState: (snapshot: PresentSnapshot) => void,
  onStatus: (status: RemoteStatus) => void,
  onRoom: (room: PresentRoom | null) => void = () => undefined,
): SessionFollower {
  const onMessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (message?.type === 'state') {
      onStatus('connected');
      onState(message.snapshot);
    } else if (message?.type === 'room') onRoom(message.room);
    else if (message?.type === 'bye') {
      onStatus('closed');
      onRoom(null);
    }
  };
  channel.addEventListener('message', onMessage);
  onStatus('connecting');
  channel.postMessage({ type: 'hello' } satisfies PresentMessage);
  return {
    send: (command) => channel.postMessage({ type: 'command', command } satisfies PresentMessage),
    goTo: (index) => channel.postMessage({ type: 'goto', index } satisfies PresentMessage),
    room: (command) => channel.postMessage({ type: 'room-command', command } satisfies PresentMessage),
    dispose: () => channel.removeEventListener('message', onMessage),
  };
}
