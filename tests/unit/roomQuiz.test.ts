/**
 * The room quiz's state machine on its own, with plain numbers for the clock: reveal, next, back,
 * the countdown with its pause and hold kept exactly, the last call and time-up, the end.
 */
import { describe, expect, it } from 'vitest';
import {
  countdownLeft,
  LAST_CALL_MS,
  nextDueAt,
  type RoomQuizEvent,
  type RoomQuizState,
  resumeRoomQuiz,
  roomQuizPosition,
  roomQuizReducer,
  startRoomQuiz,
} from '../../src/modes/present/roomQuiz.ts';
import { optionLetter } from '../../src/quiz/optionLetter.ts';
import { ROOM_QUIZ } from './presentFixtures.ts';

const step = (state: RoomQuizState, ...events: RoomQuizEvent[]) => events.reduce(roomQuizReducer, state);
const leftAt = (state: RoomQuizState, now: number) => (state.countdown ? countdownLeft(state.countdown, now) : null);
const where = (state: RoomQuizState) => `${state.phase}:${state.index}`;

describe('the room quiz', () => {
  it('goes title → question → its answer → the next question … → the closing slide', () => {
    let state = startRoomQuiz(ROOM_QUIZ);
    const seen = [where(state)];
    for (let i = 0; i < 8; i++) {
      state = roomQuizReducer(state, { type: 'next', now: 0 });
      seen.push(where(state));
    }
    expect(seen).toEqual([
      'title:0',
      'answering:0',
      'revealed:0',
      'answering:1',
      'revealed:1',
      'answering:2',
      'revealed:2',
      'finished:2',
      'finished:2', // the closing slide: what comes after it is the session's
    ]);
  });

  it('goes back one slide at a time, the same way, to the title', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), ...Array.from({ length: 7 }, () => ({ type: 'next', now: 0 }) as const));
    expect(where(state)).toBe('finished:2');
    const seen = [where(state)];
    for (let i = 0; i < 8; i++) {
      state = roomQuizReducer(state, { type: 'previous', now: 0 });
      seen.push(where(state));
    }
    expect(seen).toEqual([
      'finished:2',
      'revealed:2',
      'answering:2',
      'revealed:1',
      'answering:1',
      'revealed:0',
      'answering:0',
      'title:0',
      'title:0', // leaving the quiz is the session's
    ]);
  });

  it("a timed question's countdown starts with the question; an untimed one has none", () => {
    const first = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 1_000 });
    expect(first.countdown).toEqual({ totalMs: 20_000, endsAt: 21_000, leftMs: null });
    expect(leftAt(first, 6_000)).toBe(15_000);
    const untimed = step(first, { type: 'next', now: 2_000 }, { type: 'next', now: 3_000 });
    expect(where(untimed)).toBe('answering:1');
    expect(untimed.countdown).toBeNull();
    expect(nextDueAt(untimed)).toBeNull();
  });

  it('the presenter reveals early: the countdown stops, the answer shows (not as time-up)', () => {
    const state = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 }, { type: 'next', now: 4_000 });
    expect(state).toMatchObject({ phase: 'revealed', index: 0, countdown: null, timeUp: false });
    expect(nextDueAt(state)).toBeNull();
  });

  it('P pauses and resumes with the time left kept exactly, not restarted', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 });
    state = roomQuizReducer(state, { type: 'pause', now: 7_250 });
    expect(state.paused).toBe(true);
    expect(state.countdown).toEqual({ totalMs: 20_000, endsAt: null, leftMs: 12_750 });
    expect(nextDueAt(state)).toBeNull();
    // Time passing while paused changes nothing.
    expect(leftAt(state, 60_000)).toBe(12_750);
    expect(roomQuizReducer(state, { type: 'tick', now: 60_000 })).toBe(state);
    state = roomQuizReducer(state, { type: 'pause', now: 100_000 });
    expect(state.paused).toBe(false);
    expect(state.countdown).toEqual({ totalMs: 20_000, endsAt: 112_750, leftMs: null });
  });

  it('a blanked screen holds the countdown like a pause; a pause and a hold together wait for both', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 }, { type: 'hold', held: true, now: 5_000 });
    expect(state.countdown?.leftMs).toBe(15_000);
    state = step(state, { type: 'pause', now: 6_000 }, { type: 'hold', held: false, now: 9_000 });
    expect(state.countdown?.endsAt).toBeNull(); // still paused
    state = roomQuizReducer(state, { type: 'pause', now: 10_000 });
    expect(state.countdown?.endsAt).toBe(25_000);
  });

  it('a question put on a blanked screen waits with its whole time', () => {
    const state = step(startRoomQuiz(ROOM_QUIZ, true), { type: 'next', now: 0 });
    expect(state.countdown).toEqual({ totalMs: 20_000, endsAt: null, leftMs: 20_000 });
  });

  it('calls the last ten seconds once, then reveals the answer at time-up', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 });
    expect(nextDueAt(state)).toBe(20_000 - LAST_CALL_MS);
    // A timer that fires early (or a stale one) does nothing.
    expect(roomQuizReducer(state, { type: 'tick', now: 9_000 })).toBe(state);
    state = roomQuizReducer(state, { type: 'tick', now: 10_000 });
    expect(state).toMatchObject({ phase: 'answering', lastCall: true });
    expect(nextDueAt(state)).toBe(20_000);
    state = roomQuizReducer(state, { type: 'tick', now: 20_000 });
    expect(state).toMatchObject({ phase: 'revealed', index: 0, timeUp: true, countdown: null });
    // On to the next question; the time-up mark does not carry over.
    state = step(state, { type: 'next', now: 21_000 });
    expect(state).toMatchObject({ phase: 'answering', index: 1, timeUp: false, lastCall: false });
  });

  it('a question of ten seconds or less gets no last call, only time-up', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), ...Array.from({ length: 5 }, () => ({ type: 'next', now: 0 }) as const));
    expect(state).toMatchObject({ phase: 'answering', index: 2, countdown: { totalMs: 8_000 } });
    expect(nextDueAt(state)).toBe(8_000);
    state = roomQuizReducer(state, { type: 'tick', now: 8_000 });
    expect(state).toMatchObject({ phase: 'revealed', timeUp: true, lastCall: false });
  });

  it('asks a question again with its whole time when the presenter goes back to it', () => {
    let state = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 }, { type: 'pause', now: 15_000 });
    state = step(state, { type: 'next', now: 16_000 }, { type: 'previous', now: 30_000 });
    expect(state).toMatchObject({ phase: 'answering', index: 0, paused: false, lastCall: false });
    expect(state.countdown).toEqual({ totalMs: 20_000, endsAt: 50_000, leftMs: null });
  });

  it('P does nothing on the title, an answer or an untimed question', () => {
    const title = startRoomQuiz(ROOM_QUIZ);
    expect(roomQuizReducer(title, { type: 'pause', now: 0 })).toBe(title);
    const revealed = step(title, { type: 'next', now: 0 }, { type: 'next', now: 0 });
    expect(roomQuizReducer(revealed, { type: 'pause', now: 0 })).toBe(revealed);
    const untimed = step(revealed, { type: 'next', now: 0 });
    expect(roomQuizReducer(untimed, { type: 'pause', now: 0 })).toBe(untimed);
  });

  it('labels options A, B, C, D', () => {
    expect([0, 1, 2, 3].map(optionLetter)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('the room quiz resumed at a kept position (a reload of the projector window)', () => {
  it('comes back to the same slide: a question with its whole time again, an answer, the closing slide', () => {
    const asked = step(startRoomQuiz(ROOM_QUIZ), { type: 'next', now: 0 });
    const back = resumeRoomQuiz(ROOM_QUIZ, roomQuizPosition(asked), 50_000);
    expect(where(back)).toBe('answering:0');
    expect(leftAt(back, 50_000)).toBe((ROOM_QUIZ.questions[0]?.seconds ?? 0) * 1000);
    const revealed = resumeRoomQuiz(ROOM_QUIZ, { quizId: ROOM_QUIZ.id, phase: 'revealed', index: 1 }, 0);
    expect(where(revealed)).toBe('revealed:1');
    expect(revealed.countdown).toBeNull();
    expect(where(step(revealed, { type: 'next', now: 0 }))).toBe('answering:2');
    const last = ROOM_QUIZ.questions.length - 1;
    expect(where(resumeRoomQuiz(ROOM_QUIZ, { quizId: ROOM_QUIZ.id, phase: 'finished', index: last }, 0))).toBe(
      `finished:${last}`,
    );
    // Held (a blank screen): the countdown waits with its whole time.
    const held = resumeRoomQuiz(ROOM_QUIZ, { quizId: ROOM_QUIZ.id, phase: 'answering', index: 0 }, 0, true);
    expect(held.countdown?.endsAt).toBeNull();
  });

  it('a position the quiz does not have (another quiz, a question past its end) is its title slide', () => {
    for (const position of [
      { quizId: 'another', phase: 'revealed' as const, index: 0 },
      { quizId: ROOM_QUIZ.id, phase: 'answering' as const, index: ROOM_QUIZ.questions.length },
      { quizId: ROOM_QUIZ.id, phase: 'answering' as const, index: 0.5 },
    ]) {
      expect(where(resumeRoomQuiz(ROOM_QUIZ, position, 0))).toBe('title:0');
    }
  });
});
