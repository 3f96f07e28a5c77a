/**
 * The kiosk's quiz statistics: attempts started and finished per quiz, and each question's answers
 * and correct rate — the pure model, the stored format (older statistics load as they are), the
 * CSV rows, the recorder (counting only during a visit), the counting rule over store changes,
 * and the controller with a real store: a visit's quiz counted, and the idle reset forgetting the
 * attempt for the next visitor.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type KioskController, quizAttemptEvents, startKioskController } from '../../src/modes/kiosk/kioskController.ts';
import { createKioskStore } from '../../src/modes/kiosk/kioskStore.ts';
import {
  addQuestionAnswer,
  addQuizFinish,
  addQuizStart,
  addVisit,
  CSV_HEADER,
  emptyStats,
  formatRate,
  KioskStatsRecorder,
  parseStats,
  questionRates,
  quizAttempts,
  statsToCsv,
} from '../../src/modes/kiosk/stats.ts';
import { attemptReducer, currentQuestion, startAttempt } from '../../src/quiz/attempt.ts';
import { isCorrect } from '../../src/quiz/score.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { modeOptions } from '../support/modes.ts';
import { quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

const at = (text: string) => new Date(text).getTime();

describe('the quiz statistics model', () => {
  it('counts attempts per quiz and answers per question, by day', () => {
    const stats = emptyStats();
    addQuizStart(stats, 'corridor', at('2025-07-01T10:00:00'));
    addQuestionAnswer(stats, 'zunyi-year', true, at('2025-07-01T10:00:20'));
    addQuestionAnswer(stats, 'zunyi-year', false, at('2025-07-01T10:05:20'));
    addQuizFinish(stats, 'corridor', at('2025-07-01T10:06:00'));
    addQuizStart(stats, 'corridor', at('2025-07-01T11:00:00'));
    expect(stats.days['2025-07-01']).toMatchObject({
      quizzes: { corridor: { started: 2, finished: 1 } },
      questions: { 'zunyi-year': { answered: 2, correct: 1 } },
    });
  });

  it('sums the last 30 days per quiz (every loaded quiz listed) and per question, the hardest first', () => {
    const stats = emptyStats();
    addQuizStart(stats, 'corridor', at('2025-07-01T10:00:00'));
    addQuizStart(stats, 'corridor', at('2025-07-02T10:00:00'));
    addQuizFinish(stats, 'corridor', at('2025-07-02T10:05:00'));
    // Too old to count.
    addQuizStart(stats, 'corridor', at('2025-05-01T10:00:00'));
    addQuestionAnswer(stats, 'easy', true, at('2025-07-01T10:00:00'));
    addQuestionAnswer(stats, 'easy', true, at('2025-07-02T10:00:00'));
    addQuestionAnswer(stats, 'hard', false, at('2025-07-01T10:00:00'));
    addQuestionAnswer(stats, 'hard', true, at('2025-07-02T10:00:00'));
    addQuestionAnswer(stats, 'hard', false, at('2025-07-02T10:01:00'));
    const now = at('2025-07-02T18:00:00');
    expect(quizAttempts(stats, now, 30, ['new-recruits', 'corridor'])).toEqual([
      { quizId: 'corridor', started: 2, finished: 1 },
      { quizId: 'new-recruits', started: 0, finished: 0 },
    ]);
    const rates = questionRates(stats, now, 30);
    expect(rates.map((row) => [row.questionId, row.answered, row.correct])).toEqual([
      ['hard', 3, 1],
      ['easy', 2, 2],
    ]);
    expect(rates.map(formatRate)).toEqual(['33%', '100%']);
    expect(formatRate({ answered: 0, correct: 0 })).toBe('—');
  });

  it('stores and reads them back; statistics saved before quizzes were counted load as they are', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T10:00:00'));
    addQuizStart(stats, 'corridor', at('2025-07-01T10:00:10'));
    addQuestionAnswer(stats, 'q1', true, at('2025-07-01T10:00:30'));
    expect(parseStats(JSON.stringify(stats))).toEqual(stats);

    const older = { version: 1, days: { '2025-06-30': { visits: 3, visitSeconds: 90, boards: {} } } };
    expect(parseStats(JSON.stringify(older)).days['2025-06-30']).toEqual({ visits: 3, visitSeconds: 90, boards: {} });

    const broken = {
      version: 1,
      days: {
        '2025-07-01': {
          visits: 1,
          visitSeconds: 0,
          boards: {},
          quizzes: { good: { started: 1, finished: 0 }, bad: { started: 'x', finished: 0 } },
          questions: { bad: { answered: -1, correct: 0 } },
        },
      },
    };
    expect(parseStats(JSON.stringify(broken)).days['2025-07-01']).toEqual({
      visits: 1,
      visitSeconds: 0,
      boards: {},
      quizzes: { good: { started: 1, finished: 0 } },
    });
  });

  it('exports quiz and question rows in the same six columns, the correct rate in per cent', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T10:00:00'));
    addQuizStart(stats, 'corridor', at('2025-07-01T10:00:10'));
    addQuestionAnswer(stats, 'zunyi-year', true, at('2025-07-01T10:00:30'));
    addQuestionAnswer(stats, 'zunyi-year', false, at('2025-07-01T10:10:30'));
    addQuestionAnswer(stats, 'zunyi-year', true, at('2025-07-01T10:20:30'));
    addQuizFinish(stats, 'corridor', at('2025-07-01T10:21:00'));
    const texts: Record<string, string> = { corridor: '走进党史长廊', 'zunyi-year': '遵义会议在哪一年召开？' };
    const csv = statsToCsv(
      stats,
      (id) => id,
      (id) => texts[id] ?? id,
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      CSV_HEADER.join(','),
      '2025-07-01,参观 visits,,,1,0',
      '2025-07-01,问答开始 quiz started,corridor,走进党史长廊,1,',
      '2025-07-01,问答完成 quiz finished,corridor,走进党史长廊,1,',
      '2025-07-01,作答 question answered,zunyi-year,遵义会议在哪一年召开？,3,',
      '2025-07-01,答对 question correct,zunyi-year,遵义会议在哪一年召开？,2,',
      '2025-07-01,正确率% question correct rate,zunyi-year,遵义会议在哪一年召开？,67,',
      '',
    ]);
    for (const line of csv.slice(1).split('\r\n').slice(0, -1)) expect(line.replace(/"[^"]*"/g, 'x').split(',')).toHaveLength(6);
    // The rows the kiosk's e2e test holds the export to are untouched.
    expect(csv).toMatch(/,参观 visits,,,1,\d+\r\n/);
  });
});

describe('the recorder', () => {
  it('counts quiz attempts and answers during a visit only, and saves each at once', () => {
    const storage = new MemoryStorage();
    let now = at('2025-07-01T10:00:00');
    const recorder = new KioskStatsRecorder(storage, () => now);
    recorder.quizStarted('corridor');
    recorder.questionAnswered('q1', true);
    expect(recorder.snapshot().days).toEqual({});
    recorder.visitStarted();
    recorder.quizStarted('corridor');
    now += 20_000;
    recorder.questionAnswered('q1', true);
    recorder.questionAnswered('q2', false);
    recorder.quizFinished('corridor');
    recorder.visitEnded();
    recorder.quizFinished('corridor');
    const saved = parseStats(storage.getItem('dangshi.kiosk.stats.v1'));
    expect(saved.days['2025-07-01']).toMatchObject({
      visits: 1,
      quizzes: { corridor: { started: 1, finished: 1 } },
      questions: { q1: { answered: 1, correct: 1 }, q2: { answered: 1, correct: 0 } },
    });
  });
});

describe('quizAttemptEvents', () => {
  const started = startAttempt(TEST_QUIZ, 1);
  const first = currentQuestion(started);
  const chosen = attemptReducer(started, { type: 'select', optionId: first?.answer[0] as string });

  it('a new round is a start; submitting is an answer, right or wrong; the last next is a finish', () => {
    expect(quizAttemptEvents({ quizAttempt: started, quizRound: 1 }, { quizAttempt: null, quizRound: 0 })).toEqual([
      { kind: 'started', quizId: 'test-quiz' },
    ]);
    expect(quizAttemptEvents({ quizAttempt: chosen, quizRound: 1 }, { quizAttempt: started, quizRound: 1 })).toEqual([]);
    const marked = attemptReducer(chosen, { type: 'submit' });
    const answered = quizAttemptEvents({ quizAttempt: marked, quizRound: 1 }, { quizAttempt: chosen, quizRound: 1 });
    expect(answered).toEqual([
      { kind: 'answered', questionId: first?.id, correct: first ? isCorrect(first, [first.answer[0] as string]) : false },
    ]);
    // A finish: feedback → finished.
    const last = { ...marked, index: marked.quiz.questions.length - 1 };
    const finished = attemptReducer(last, { type: 'next' });
    expect(quizAttemptEvents({ quizAttempt: finished, quizRound: 1 }, { quizAttempt: last, quizRound: 1 })).toEqual([
      { kind: 'finished', quizId: 'test-quiz' },
    ]);
    // Forgotten (the reset), or the same attempt seen again: nothing.
    expect(quizAttemptEvents({ quizAttempt: null, quizRound: 1 }, { quizAttempt: marked, quizRound: 1 })).toEqual([]);
    expect(quizAttemptEvents({ quizAttempt: marked, quizRound: 1 }, { quizAttempt: marked, quizRound: 1 })).toEqual([]);
  });
});

describe('the kiosk controller and the quiz', () => {
  let store: ExhibitionStore;
  let controller: KioskController;
  let recorder: KioskStatsRecorder;
  const kiosk = createKioskStore();

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-07-01T10:00:00'));
    store = createExhibitionStore(modeOptions('kiosk'));
    store.getState().contentLoaded(quizExhibition(), []);
    store.getState().quizzesLoaded([TEST_QUIZ], []);
    kiosk.getState().setPhase('attract');
    recorder = new KioskStatsRecorder(null);
    controller = startKioskController({ store, kiosk, idleSeconds: 30, stats: recorder, inputTarget: new EventTarget() });
  });

  afterEach(() => {
    controller.stop();
    vi.useRealTimers();
  });

  /** Answers every question of the open quiz, the first correctly and the others wrongly. */
  function playThrough() {
    for (let index = 0; index < TEST_QUIZ.questions.length; index++) {
      const attempt = store.getState().quizAttempt;
      const question = attempt ? currentQuestion(attempt) : undefined;
      if (!question) throw new Error('no question');
      const wrong = question.options.find((option) => !question.answer.includes(option.id))?.id as string;
      for (const id of index === 0 ? question.answer : [wrong]) store.getState().quizEvent({ type: 'select', optionId: id });
      store.getState().quizEvent({ type: 'submit' });
      store.getState().quizEvent({ type: 'next' });
    }
  }

  it('counts an attempt started and finished and every answer during a visit; coming back from a board counts nothing', () => {
    controller.startVisit();
    store.getState().openQuizList();
    store.getState().openQuiz('test-quiz', 4);
    const first = store.getState().quizAttempt;
    const firstId = first ? currentQuestion(first)?.id : undefined;
    // 去看展板 and back, and the quiz closed and opened again: the same attempt.
    store.getState().showQuizBoard('founding');
    store.getState().closePanel();
    store.getState().closeQuiz();
    store.getState().openQuiz('test-quiz');
    playThrough();
    expect(store.getState().quizAttempt?.phase).toBe('finished');
    store.getState().restartQuiz(8);

    const day = recorder.snapshot().days['2025-07-01'];
    expect(day?.quizzes).toEqual({ 'test-quiz': { started: 2, finished: 1 } });
    expect(Object.values(day?.questions ?? {}).reduce((sum, item) => sum + item.answered, 0)).toBe(3);
    expect(Object.values(day?.questions ?? {}).reduce((sum, item) => sum + item.correct, 0)).toBe(1);
    expect(day?.questions?.[firstId as string]).toEqual({ answered: 1, correct: 1 });
    // The card opened from the quiz counts as a board opened, as any card does.
    expect(day?.boards.founding?.opens).toBe(1);
  });

  it('the idle reset forgets the quiz and its attempt: the next visitor starts afresh', () => {
    controller.startVisit();
    store.getState().openQuiz('test-quiz', 4);
    store
      .getState()
      .quizEvent({ type: 'select', optionId: store.getState().quizAttempt?.quiz.questions[0]?.options[0]?.id as string });
    vi.advanceTimersByTime(31_000);
    expect(kiosk.getState().phase).toBe('attract');
    expect(store.getState()).toMatchObject({ quizScreen: null, openQuizId: null, quizAttempt: null, quizName: '' });
    // The quizzes stay loaded for the next visitor.
    expect(store.getState().quizzes).toHaveLength(1);
  });

  it('counts nothing outside a visit, and the admin screen closes the quiz', () => {
    store.getState().openQuiz('test-quiz', 4);
    playThrough();
    expect(recorder.snapshot().days).toEqual({});
    controller.startVisit();
    store.getState().openQuiz('test-quiz', 5);
    controller.openAdmin();
    expect(store.getState().quizScreen).toBeNull();
    expect(store.getState().quizAttempt).toBeNull();
  });
});
