/**
 * The live lesson's room as the presenter window sees it (课堂互动 in the presenter view).
 *
 * The projector window owns the live connection and its presenter secret; the presenter window
 * gets only this: the join code, the counts, and each participant's id, nickname and status,
 * taken field by field from the projector's live state (never spread from it, so nothing new in
 * that state, least of all the secret, can slip into a broadcast). Its commands come back as
 * {@link RoomCommand}s, which the projector window runs through its own live client, as its own
 * buttons do.
 */
import { z } from 'zod';
import { joinCodeSchema, participantIdSchema } from '../../../live/protocol.ts';
import type { PresenterLive, PresenterLiveState } from './presenterLive.ts';

export const PARTICIPANT_STATUSES = ['following', 'free', 'offline'] as const;
/** 跟随讲解, 自由参观 (looking around on their own), 离线 (joined, not connected now). */
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** The station refuses a lesson's 501st participant; the bound here only keeps a message small. */
const MAX_ROOM_PARTICIPANTS = 1000;

export const roomParticipantSchema = z.strictObject({
  id: participantIdSchema,
  // The server has trimmed it to 12 characters; the bound only keeps a forged message small.
  nickname: z.string().max(200).nullable(),
  status: z.enum(PARTICIPANT_STATUSES),
});
export type RoomParticipant = z.infer<typeof roomParticipantSchema>;

/**
 * Strict objects: a room message with any field more (a secret, say) is refused whole, so a
 * mistake on the projector's side shows at once rather than leaking quietly.
 */
export const presentRoomSchema = z.strictObject({
  /** Reconnecting: the list is the last one the server sent, and may be out of date. */
  phase: z.enum(['live', 'reconnecting']),
  code: joinCodeSchema,
  participantCount: z.int().nonnegative(),
  followingCount: z.int().nonnegative(),
  /** Whether the projector shows the nicknames (when not, it numbers the room 观众 1, 2, …). */
  nicknamesVisible: z.boolean(),
  participants: z.array(roomParticipantSchema).max(MAX_ROOM_PARTICIPANTS),
  /** 知识竞赛 while it shows: where it is and how many have answered (the presenter view's line); else null. */
  contest: z
    .strictObject({
      phase: z.enum(['question', 'revealed', 'leaderboard', 'podium']),
      questionIndex: z.int().nonnegative(),
      questionCount: z.int().positive(),
      answeredCount: z.int().nonnegative(),
      eligibleCount: z.int().nonnegative(),
    })
    .nullable(),
});
export type PresentRoom = z.infer<typeof presentRoomSchema>;

/** What the presenter view may ask the projector's live client to do. */
export const roomCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('remove'), participantId: participantIdSchema }),
  z.strictObject({ kind: z.literal('nicknames'), visible: z.boolean() }),
  z.strictObject({ kind: z.literal('gather') }),
]);
export type RoomCommand = z.infer<typeof roomCommandSchema>;

/** The part of the projector's live client the presenter window reaches. */
export type RoomControl = Pick<PresenterLive, 'store' | 'remove' | 'setNicknamesVisible' | 'gather'>;

export function participantStatus(participant: { connected: boolean; following: boolean }): ParticipantStatus {
  if (!participant.connected) return 'offline';
  return participant.following ? 'following' : 'free';
}

/** The room while a lesson runs (live or reconnecting), else null: the presenter view then shows none. */
export function roomOf(state: PresenterLiveState): PresentRoom | null {
  const { phase, lesson, snapshot, roster } = state;
  if ((phase !== 'live' && phase !== 'reconnecting') || !lesson) return null;
  return {
    phase,
    code: lesson.code,
    participantCount: snapshot?.participantCount ?? 0,
    followingCount: snapshot?.followingCount ?? 0,
    nicknamesVisible: snapshot?.nicknamesVisible ?? true,
    participants: (roster?.participants ?? []).map((participant) => ({
      id: participant.participantId,
      nickname: participant.nickname,
      status: participantStatus(participant),
    })),
    contest: snapshot?.contest
      ? {
          phase: snapshot.contest.phase,
          questionIndex: snapshot.contest.questionIndex,
          questionCount: snapshot.contest.questionCount,
          answeredCount: snapshot.contest.answeredCount,
          eligibleCount: snapshot.contest.eligibleCount,
        }
      : null,
  };
}

/** Runs a presenter-view command on the projector's live client, as the projector's own button would. */
export function runRoomCommand(live: RoomControl, command: RoomCommand): void {
  if (command.kind === 'remove') live.remove(command.participantId);
  else if (command.kind === 'nicknames') live.setNicknamesVisible(command.visible);
  else live.gather();
}
