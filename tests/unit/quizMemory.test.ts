/**
 * A quiz attempt survives a reload of the visitor's tab (src/store/quizMemory.ts with
 * src/quiz/attemptMemory.ts): the answers, the choice not yet submitted and the typed name come
 * back in the same order; the kiosk keeps nothing; an attempt that no longer fits an edited quiz,
 * or anything unreadable in storage, starts afresh; a storage that throws loses nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/content/quizSchema.ts';
import { KIOSK_CAPABILITIES } from '../../src/modes/kiosk/capabilities.ts';
import { VISITOR_CAPABILITIES } from '../../src/modes/visitor/capabilities.ts';
import { currentQuestion, startAttempt } from '../../src/quiz/attempt.ts';
import { parseSavedAttempt, resumeAttempt, saveableAttempt } from '../../src/quiz/attemptMemory.ts';
import { QUIZ_ATTEMPT_KEY, rememberQuizAttempt } from '../../src/store/quizMemory.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import type { ModeCapabilities } from '../../src/store/types.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { OTHER_QUIZ, quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

function page(
  storage: MemoryStorage,
  capabilities: ModeCapabilities = VISITOR_CAPABILITIES,
  quizzes: Quiz[] = [TEST_QUIZ, OTHER_QUIZ],
) {
  const store = createExhibitionStore({ mode: 'visitor', capabilities });
  const stop = rememberQuizAttempt(store, storage);
  store.getState().contentLoaded(quizExhibition(), []);
  store.getState().quizzesLoaded(quizzes, []);
  return { store, stop };
}

/** Answers the question on screen with its own answer and goes on to the next. */
function answerRightAndGoOn(store: ExhibitionStore) {
  const attempt = store.getState().quizAttempt;
  const question = attempt && currentQuestion(attempt);
  if (!question) throw new Error('no question on screen');
  for (const optionId of question.answer) store.getState().quizEvent({ type: 'select', optionId });
  store.getState().quizEvent({ type: 'submit' });
  store.getState().quizEvent({ type: 'next' });
}

describe('a quiz attempt across a reload', () => {
  it('comes back at the same question in the same order, with the answers, the open choice and the name', () => {
    const storage = new MemoryStorage();
    const before = page(storage);
    before.store.getState().openQuiz(TEST_QUIZ.id, 1234);
    answerRightAndGoOn(before.store);
    const question = currentQuestion(before.store.getState().quizAttempt as NonNullable<ReturnType<typeof startAttempt>>);
    before.store.getState().quizEvent({ type: 'select', optionId: question?.options[0]?.id as string });
    before.store.getState().setQuizName('消防学员');
    const was = before.store.getState().quizAttempt;
    before.stop();
    expect(storage.items.has(QUIZ_ATTEMPT_KEY)).toBe(true);

    // The reload: a new page, its store empty until the quiz's route opens it again.
    const after = page(storage);
    expect(after.store.getState().quizAttempt).toBeNull();
    after.store.getState().openQuiz(TEST_QUIZ.id);
    const now = after.store.getState().quizAttempt;
    expect(now?.seed).toBe(1234);
    expect(now?.quiz.questions.map((q) => q.id)).toEqual(was?.quiz.questions.map((q) => q.id));
    expect(now?.quiz.questions.map((q) => q.options.map((o) => o.id))).toEqual(
      was?.quiz.questions.map((q) => q.options.map((o) => o.id)),
    );
    expect(now).toMatchObject({ phase: 'answering', index: 1, selected: was?.selected, answers: was?.answers });
    expect(after.store.getState().quizName).toBe('消防学员');
  });

  it('also when the route opens the quiz before the quizzes are in, and in the feedback or after the score', () => {
    for (const finish of [false, true]) {
      const storage = new MemoryStorage();
      const before = page(storage);
      before.store.getState().openQuiz(TEST_QUIZ.id, 99);
      if (finish) for (const _ of TEST_QUIZ.questions) answerRightAndGoOn(before.store);
      else {
        const question = currentQuestion(before.store.getState().quizAttempt as NonNullable<ReturnType<typeof startAttempt>>);
        before.store.getState().quizEvent({ type: 'select', optionId: question?.options[0]?.id as string });
        before.store.getState().quizEvent({ type: 'submit' });
      }
      const was = before.store.getState().quizAttempt;
      before.stop();

      const store = createExhibitionStore({ mode: 'visitor', capabilities: VISITOR_CAPABILITIES });
      rememberQuizAttempt(store, storage);
      store.getState().contentLoaded(quizExhibition(), []);
      store.getState().applyRoute({ kind: 'quiz', id: TEST_QUIZ.id });
      expect(store.getState().quizStatus).toBe('loading');
      store.getState().quizzesLoaded([TEST_QUIZ, OTHER_QUIZ], []);
      expect(store.getState().quizAttempt).toMatchObject({
        phase: finish ? 'finished' : 'feedback',
        index: was?.index,
        answers: was?.answers,
      });
    }
  });

  it('the kiosk, a shared screen, neither keeps nor takes up an attempt', () => {
    const storage = new MemoryStorage();
    const kiosk = page(storage, KIOSK_CAPABILITIES);
    kiosk.store.getState().openQuiz(TEST_QUIZ.id, 5);
    answerRightAndGoOn(kiosk.store);
    expect(storage.items.size).toBe(0);
    // Even with a visitor's attempt in the same storage, the kiosk starts afresh.
    const visitor = page(storage);
    visitor.store.getState().openQuiz(TEST_QUIZ.id, 5);
    answerRightAndGoOn(visitor.store);
    const next = page(storage, KIOSK_CAPABILITIES);
    next.store.getState().openQuiz(TEST_QUIZ.id);
    expect(next.store.getState().quizAttempt).toMatchObject({ index: 0, answers: {} });
  });

  it('forgets it when the attempt is reset, and starts afresh when 再来一次 deals a new one', () => {
    const storage = new MemoryStorage();
    const { store } = page(storage);
    store.getState().openQuiz(TEST_QUIZ.id, 7);
    answerRightAndGoOn(store);
    store.getState().restartQuiz(8);
    expect(parseSavedAttempt(JSON.parse(storage.getItem(QUIZ_ATTEMPT_KEY) ?? 'null'))).toMatchObject({
      seed: 8,
      index: 0,
      answers: {},
    });
    store.getState().resetQuiz();
    expect(storage.items.has(QUIZ_ATTEMPT_KEY)).toBe(false);
  });

  it('an attempt that no longer fits the quiz as edited starts afresh; so does anything unreadable', () => {
    const storage = new MemoryStorage();
    const before = page(storage);
    before.store.getState().openQuiz(TEST_QUIZ.id, 3);
    answerRightAndGoOn(before.store);
    answerRightAndGoOn(before.store);
    const saved = storage.getItem(QUIZ_ATTEMPT_KEY) as string;

    // The staff took a question out since.
    const edited: Quiz = { ...TEST_QUIZ, questions: TEST_QUIZ.questions.slice(1) };
    const after = page(storage, VISITOR_CAPABILITIES, [edited, OTHER_QUIZ]);
    after.store.getState().openQuiz(TEST_QUIZ.id);
    expect(after.store.getState().quizAttempt).toMatchObject({ index: 0, answers: {}, phase: 'answering' });

    for (const junk of [
      '{not json',
      '"text"',
      JSON.stringify({ ...JSON.parse(saved), version: 2 }),
      JSON.stringify({ ...JSON.parse(saved), seed: -1 }),
    ]) {
      storage.setItem(QUIZ_ATTEMPT_KEY, junk);
      const fresh = page(storage);
      fresh.store.getState().openQuiz(TEST_QUIZ.id);
      expect(fresh.store.getState().quizAttempt, junk).toMatchObject({ index: 0, answers: {} });
    }
  });

  it('a storage that refuses writes keeps nothing and loses nothing of the quiz in the page', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const { store } = page(storage);
    store.getState().openQuiz(TEST_QUIZ.id, 11);
    answerRightAndGoOn(store);
    expect(store.getState().quizAttempt).toMatchObject({ index: 1 });
    expect(storage.items.size).toBe(0);
  });
});

describe('resumeAttempt checks the attempt against the quiz', () => {
  const base = () => {
    const attempt = startAttempt(TEST_QUIZ, 42);
    const first = attempt.quiz.questions[0];
    if (!first) throw new Error('empty quiz');
    return { attempt, first };
  };

  it('rebuilds what was saved', () => {
    const { attempt, first } = base();
    const saved = saveableAttempt({ ...attempt, phase: 'feedback', answers: { [first.id]: first.answer } }, '');
    expect(resumeAttempt(TEST_QUIZ, saved)).toMatchObject({ phase: 'feedback', index: 0, answers: { [first.id]: first.answer } });
  });

  it('refuses another quiz, an index past the end, unknown questions or options, gaps, later answers, and phases that do not match', () => {
    const { attempt, first } = base();
    const second = attempt.quiz.questions[1];
    const ok = saveableAttempt(attempt, '');
    expect(resumeAttempt(OTHER_QUIZ, ok)).toBeNull();
    expect(resumeAttempt(TEST_QUIZ, { ...ok, index: 99 })).toBeNull();
    expect(resumeAttempt(TEST_QUIZ, { ...ok, answers: { nowhere: ['a'] } })).toBeNull();
    expect(resumeAttempt(TEST_QUIZ, { ...ok, answers: { [first.id]: ['no-such-option'] } })).toBeNull();
    expect(resumeAttempt(TEST_QUIZ, { ...ok, index: 1 })).toBeNull(); // the first question unanswered
    expect(resumeAttempt(TEST_QUIZ, { ...ok, answers: { [second?.id as string]: ['a'] } })).toBeNull(); // a later one answered
    expect(resumeAttempt(TEST_QUIZ, { ...ok, phase: 'feedback' })).toBeNull(); // feedback for an unanswered question
    expect(resumeAttempt(TEST_QUIZ, { ...ok, phase: 'finished', answers: { [first.id]: first.answer } })).toBeNull(); // finished at the first of three
    expect(resumeAttempt(TEST_QUIZ, { ...ok, selected: ['no-such-option'] })).toBeNull();
    expect(resumeAttempt(TEST_QUIZ, ok)).toMatchObject({ phase: 'answering', index: 0 });
  });
});
