/**
 * The room quiz inside a lesson, against a real session and exhibition store: the next key after
 * the last stop goes into the quiz's title slide (Q from any stop too), the clicker reveals and
 * moves on, the countdown (fake timers) calls the last ten seconds, pauses with P and with a
 * blank screen keeping its time exactly, reveals at time-up; the closing slide, then the lesson's
 * end slide, and back again; quiz.json fetched only when the quiz is needed, and once; a lesson
 * without a quiz ends as before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quiz } from '../../src/content/quizSchema.ts';
import { createPresentSession, type PresentCommand, type PresentSession } from '../../src/modes/present/presentSession.ts';
import type { RoomQuizPosition, RoomQuizState } from '../../src/modes/present/roomQuiz.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';
import { LESSON, makeExhibition, QUIZZED, ROOM_QUIZ } from './presentFixtures.ts';

const exhibition = makeExhibition([LESSON, QUIZZED]);

let store: ExhibitionStore;
let session: PresentSession;
let loadQuiz: ReturnType<typeof vi.fn<(quizId: string) => Promise<Quiz | null>>>;

function start(tourId = 'quizzed', found: Quiz | null = ROOM_QUIZ) {
  loadQuiz = vi.fn(async (quizId: string) => (quizId === found?.id ? found : null));
  session = createPresentSession({ exhibition: store, tourId, motion: 'cut', loadQuiz });
  return session;
}
const run = (...commands: PresentCommand[]) => {
  for (const command of commands) session.run(command);
};
/** Lets the quiz's fetch resolve. */
const loaded = () => vi.advanceTimersByTimeAsync(0);
const quiz = () => session.store.getState().quiz;
const quizRun = (): RoomQuizState => {
  const slot = quiz();
  if (slot?.status !== 'ready') throw new Error(`the quiz is not running: ${JSON.stringify(slot)}`);
  return slot.run;
};
const where = () => {
  const slot = quiz();
  const state = session.store.getState();
  if (state.ended) return 'end';
  if (!slot) return `stop ${state.index + 1}`;
  return slot.status === 'ready' ? `${slot.run.phase} ${slot.run.index + 1}` : slot.status;
};

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  store = createExhibitionStore(modeOptions('present'));
  store.getState().contentLoaded(exhibition, []);
  store.getState().fontLoaded();
  store.getState().textRegistered();
  store.getState().textReady();
});

afterEach(() => {
  session.dispose();
  vi.useRealTimers();
});

describe('the room quiz in a lesson', () => {
  it('follows the last stop: title, question, answer … the closing slide, then the end slide', async () => {
    start();
    expect(session.store.getState().quizId).toBe('room');
    run('next');
    expect(where()).toBe('stop 2');
    expect(loadQuiz).not.toHaveBeenCalled(); // fetched only once the quiz is needed
    run('next');
    expect(where()).toBe('loading');
    expect(loadQuiz).toHaveBeenCalledWith('room');
    await loaded();
    const seen = [where()];
    for (let i = 0; i < 8; i++) {
      run('next');
      seen.push(where());
    }
    expect(seen).toEqual([
      'title 1',
      'answering 1',
      'revealed 1',
      'answering 2',
      'revealed 2',
      'answering 3',
      'revealed 3',
      'finished 3',
      'end',
    ]);
    // The end slide stays; the last stop is still beneath the quiz.
    run('next');
    expect(where()).toBe('end');
    expect(store.getState().openPanelId).toBe('a2');
  });

  it('goes back all the way: the end slide, the closing slide, each answer and question, the title, the last stop', async () => {
    start();
    run('next', 'next');
    await loaded();
    for (let i = 0; i < 8; i++) run('next');
    const seen = [where()];
    for (let i = 0; i < 10; i++) {
      run('previous');
      seen.push(where());
    }
    expect(seen).toEqual([
      'end',
      'finished 3',
      'revealed 3',
      'answering 3',
      'revealed 2',
      'answering 2',
      'revealed 1',
      'answering 1',
      'title 1',
      'stop 2',
      'stop 1',
    ]);
    // Into the quiz again: no second fetch.
    run('next', 'next');
    await loaded();
    expect(where()).toBe('title 1');
    expect(loadQuiz).toHaveBeenCalledTimes(1);
  });

  it('Q goes straight into the quiz from any stop, and Q again back to that stop; Home and End leave it too', async () => {
    start();
    run('quiz');
    await loaded();
    expect(where()).toBe('title 1');
    run('next', 'quiz');
    expect(where()).toBe('stop 1');
    expect(store.getState().openPanelId).toBe('a1');
    run('quiz');
    await loaded();
    run('next', 'next');
    expect(where()).toBe('revealed 1');
    run('last');
    expect(where()).toBe('stop 2');
    run('quiz');
    await loaded();
    run('first');
    expect(where()).toBe('stop 1');
    run('quiz');
    await loaded();
    session.goTo(1); // a stop picked in the presenter view
    expect(where()).toBe('stop 2');
  });

  it('Q on a blank screen only brings the picture back, as the other moving keys do', async () => {
    start();
    run('black', 'quiz');
    expect(session.store.getState().blank).toBe('none');
    expect(where()).toBe('stop 1');
    run('quiz');
    await loaded();
    expect(where()).toBe('title 1');
  });

  it('counts a question down: the last call at 10 s, the answer at time-up', async () => {
    start();
    run('quiz');
    await loaded();
    run('next');
    expect(quizRun().countdown).toEqual({ totalMs: 20_000, endsAt: 20_000, leftMs: null });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(quizRun().lastCall).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quizRun()).toMatchObject({ phase: 'answering', lastCall: true });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(quizRun().phase).toBe('answering');
    await vi.advanceTimersByTimeAsync(1);
    expect(quizRun()).toMatchObject({ phase: 'revealed', index: 0, timeUp: true });
    // The answer waits for the presenter: no timer moves the quiz on.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(where()).toBe('revealed 1');
  });

  it('P pauses the countdown and resumes it with exactly the time that was left', async () => {
    start();
    run('quiz');
    await loaded();
    run('next');
    await vi.advanceTimersByTimeAsync(7_500);
    run('pause');
    expect(quizRun()).toMatchObject({ paused: true, countdown: { endsAt: null, leftMs: 12_500 } });
    expect(session.store.getState().paused).toBe(false); // the stops' auto-advance is not the quiz's
    await vi.advanceTimersByTimeAsync(600_000);
    expect(quizRun()).toMatchObject({ phase: 'answering', countdown: { leftMs: 12_500 } });
    run('pause');
    expect(quizRun().countdown).toEqual({ totalMs: 20_000, endsAt: 607_500 + 12_500, leftMs: null });
    await vi.advanceTimersByTimeAsync(12_499);
    expect(quizRun().phase).toBe('answering');
    await vi.advanceTimersByTimeAsync(1);
    expect(quizRun()).toMatchObject({ phase: 'revealed', timeUp: true });
  });

  it('a black screen holds the countdown; the key that brings the picture back does not reveal', async () => {
    start();
    run('quiz');
    await loaded();
    run('next');
    await vi.advanceTimersByTimeAsync(5_000);
    run('black');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(quizRun().countdown).toMatchObject({ endsAt: null, leftMs: 15_000 });
    run('next'); // only un-blanks
    expect(session.store.getState().blank).toBe('none');
    expect(quizRun().phase).toBe('answering');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(quizRun()).toMatchObject({ phase: 'revealed', timeUp: true });
  });

  it('the presenter reveals early: the countdown stops and no time-up follows', async () => {
    start();
    run('quiz');
    await loaded();
    run('next');
    await vi.advanceTimersByTimeAsync(3_000);
    run('next');
    expect(quizRun()).toMatchObject({ phase: 'revealed', timeUp: false, countdown: null });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(quizRun()).toMatchObject({ phase: 'revealed', index: 0, timeUp: false });
  });

  it("the last stop's auto-advance goes into the quiz, which then waits for the presenter", async () => {
    start();
    run('next');
    await vi.advanceTimersByTimeAsync(10_000); // a2's duration
    expect(where()).toBe('title 1');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(where()).toBe('title 1');
    // Back to the stop: its auto-advance starts afresh.
    run('previous');
    expect(where()).toBe('stop 2');
    expect(session.store.getState().advanceAt).toBe(70_000 + 10_000);
  });

  it('a quiz that cannot be loaded says so, and the next key ends the lesson', async () => {
    start('quizzed', null);
    run('quiz');
    await loaded();
    expect(where()).toBe('unavailable');
    run('next');
    expect(where()).toBe('end');
    run('previous', 'previous');
    expect(where()).toBe('stop 1');
    // Tried again the next time.
    run('quiz');
    await loaded();
    expect(loadQuiz).toHaveBeenCalledTimes(2);
  });

  it('a lesson without a quiz ends at the end slide, and Q does nothing', async () => {
    start('lesson');
    expect(session.store.getState().quizId).toBeNull();
    run('quiz');
    await loaded();
    expect(where()).toBe('stop 1');
    run('last', 'next');
    expect(where()).toBe('end');
    run('previous');
    expect(where()).toBe('stop 4');
    expect(loadQuiz).not.toHaveBeenCalled();
  });

  it('the default tour names no quiz', () => {
    start('all');
    expect(session.store.getState().quizId).toBeNull();
  });
});

describe('the room quiz over a reload of the projector window', () => {
  /** The window reloaded at `panelId`'s stop: a new store with that hash, then the content. */
  function reloadAt(panelId: string, resumeQuiz: RoomQuizPosition | null, kept: Array<RoomQuizPosition | null>) {
    session?.dispose();
    store = createExhibitionStore(modeOptions('present'));
    store.getState().applyRoute({ kind: 'panel', id: panelId });
    loadQuiz = vi.fn(async (quizId: string) => (quizId === ROOM_QUIZ.id ? ROOM_QUIZ : null));
    session = createPresentSession({
      exhibition: store,
      tourId: 'quizzed',
      motion: 'cut',
      loadQuiz,
      resumeQuiz,
      onQuizPosition: (position) => kept.push(position),
    });
    store.getState().contentLoaded(exhibition, []);
  }

  it('keeps each slide as it changes, and a lesson resumed at its stop comes back to that slide', async () => {
    const kept: Array<RoomQuizPosition | null> = [];
    reloadAt('a1', null, kept); // the lesson at stop 1, its quiz's position kept from here on
    await loaded();
    expect(where()).toBe('stop 1');
    run('quiz');
    expect(kept.at(-1)).toEqual({ quizId: 'room', phase: 'title', index: 0 }); // still loading: the title
    await loaded();
    run('next', 'next');
    expect(where()).toBe('revealed 1');
    expect(kept.at(-1)).toEqual({ quizId: 'room', phase: 'revealed', index: 0 });
    run('next');
    expect(kept.at(-1)).toEqual({ quizId: 'room', phase: 'answering', index: 1 });

    // Reloaded while question 2 is put to the room: the same question, its countdown whole again.
    const position = kept.at(-1) ?? null;
    reloadAt('a1', position, kept);
    await loaded();
    expect(where()).toBe('answering 2');
    expect(store.getState().openPanelId).toBe('a1'); // over the same stop
    expect(loadQuiz).toHaveBeenCalledTimes(1);
    const second = ROOM_QUIZ.questions[1];
    if (second?.seconds) expect(quizRun().countdown?.totalMs).toBe(second.seconds * 1000);
    else expect(quizRun().countdown).toBeNull();
    // And on from there with the clicker; out of the quiz, nothing is kept.
    run('next');
    expect(where()).toBe('revealed 2');
    run('quiz');
    expect(where()).toBe('stop 1');
    expect(kept.at(-1)).toBeNull();
  });

  it('a reload on the end slide after the quiz comes back to the end slide, and back from it to the closing slide', async () => {
    const kept: Array<RoomQuizPosition | null> = [];
    reloadAt('a1', null, kept);
    await loaded();
    run('quiz');
    await loaded();
    const last = `finished ${ROOM_QUIZ.questions.length}`;
    for (let step = 0; step < 40 && where() !== last; step++) run('next');
    expect(where()).toBe(`finished ${ROOM_QUIZ.questions.length}`);
    run('next');
    expect(where()).toBe('end');
    expect(kept.at(-1)).toEqual({ quizId: 'room', phase: 'finished', index: ROOM_QUIZ.questions.length - 1, ended: true });

    // Reloaded there: the end slide at once, the quiz's closing slide beneath it.
    reloadAt('a1', kept.at(-1) ?? null, kept);
    await loaded();
    expect(where()).toBe('end');
    expect(kept.at(-1)).toMatchObject({ phase: 'finished', ended: true }); // and again on a second reload
    // Back from the end slide: the quiz's closing slide, kept as that.
    run('previous');
    expect(where()).toBe(`finished ${ROOM_QUIZ.questions.length}`);
    expect(kept.at(-1)).toEqual({ quizId: 'room', phase: 'finished', index: ROOM_QUIZ.questions.length - 1 });
  });

  it('a lesson started afresh, or at another tour’s quiz, is not put back into the quiz', async () => {
    const kept: Array<RoomQuizPosition | null> = [];
    // Started afresh (no panel in the address): the stop, and what was kept is dropped.
    store = createExhibitionStore(modeOptions('present'));
    session = createPresentSession({
      exhibition: store,
      tourId: 'quizzed',
      motion: 'cut',
      loadQuiz: async () => ROOM_QUIZ,
      resumeQuiz: { quizId: 'room', phase: 'revealed', index: 1 },
      onQuizPosition: (position) => kept.push(position),
    });
    store.getState().contentLoaded(exhibition, []);
    await loaded();
    expect(where()).toBe('stop 1');
    expect(kept).toEqual([null]);
    // A position for some other quiz: the stop.
    reloadAt('a2', { quizId: 'another', phase: 'revealed', index: 0 }, kept);
    await loaded();
    expect(where()).toBe('stop 2');
    expect(loadQuiz).not.toHaveBeenCalled();
  });
});
