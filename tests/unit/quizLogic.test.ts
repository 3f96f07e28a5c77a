/**
 * The quiz's pure logic (src/quiz/): scoring, the seeded shuffle of 再来一次, and the attempt's
 * state machine, on a small quiz made in code and on the shipped quizzes.
 */
import { describe, expect, it } from 'vitest';
import { fsContentReader } from '../../src/build/fonts.ts';
import { loadExhibition } from '../../src/content/load.ts';
import { loadQuizzes } from '../../src/content/quizLoad.ts';
import type { Quiz, QuizQuestion } from '../../src/content/quizSchema.ts';
import {
  type AttemptEvent,
  type AttemptState,
  attemptReducer,
  attemptScore,
  currentFeedback,
  currentQuestion,
  startAttempt,
} from '../../src/quiz/attempt.ts';
import { seededRandom, seedFromText, shuffled } from '../../src/quiz/random.ts';
import { formatScore, isCorrect, scoreAttempt } from '../../src/quiz/score.ts';
import { shuffleOptions, shuffleQuiz } from '../../src/quiz/shuffle.ts';

const option = (id: string) => ({ id, text: `选项 ${id}` });
const trueFalse = [
  { id: 'true', text: '正确' },
  { id: 'false', text: '错误' },
];
const q = (id: string, kind: QuizQuestion['kind'], options: QuizQuestion['options'], answer: string[]): QuizQuestion => ({
  id,
  kind,
  prompt: `题目 ${id}`,
  options,
  answer,
  explanation: '解析',
  panel: 'cpc-founding-1921',
});

const QUIZ: Quiz = {
  id: 'sample',
  title: '示例',
  questions: [
    q('one', 'single', ['a', 'b', 'c', 'd'].map(option), ['c']),
    q('many', 'multiple', ['a', 'b', 'c', 'd', 'e'].map(option), ['a', 'c', 'e']),
    q('judge', 'true-false', trueFalse, ['false']),
    q('two', 'single', ['x', 'y', 'z'].map(option), ['x']),
    q('more', 'multiple', ['p', 'q', 'r', 's'].map(option), ['q', 's']),
    q('judge-again', 'true-false', trueFalse, ['true']),
  ],
};

const byId = (quiz: Quiz, id: string) => quiz.questions.find((question) => question.id === id) as QuizQuestion;
const ids = <T extends { id: string }>(items: readonly T[]) => items.map((item) => item.id);

describe('scoring', () => {
  it('a single or true-false question is correct with exactly its one answer', () => {
    const one = byId(QUIZ, 'one');
    expect(isCorrect(one, ['c'])).toBe(true);
    expect(isCorrect(one, ['a'])).toBe(false);
    expect(isCorrect(one, [])).toBe(false);
    expect(isCorrect(one, ['c', 'a'])).toBe(false);
    expect(isCorrect(byId(QUIZ, 'judge'), ['false'])).toBe(true);
    expect(isCorrect(byId(QUIZ, 'judge'), ['true'])).toBe(false);
  });

  it('a multiple-choice question is correct with exactly its set of answers, in any order; no part marks', () => {
    const many = byId(QUIZ, 'many');
    expect(isCorrect(many, ['e', 'a', 'c'])).toBe(true);
    expect(isCorrect(many, ['a', 'c'])).toBe(false);
    expect(isCorrect(many, ['a', 'c', 'e', 'b'])).toBe(false);
    expect(isCorrect(many, ['a', 'c', 'e', 'nonsense'])).toBe(false);
  });

  it('scores N of M over every question, unanswered ones wrong, each result with what was chosen and the answer', () => {
    const score = scoreAttempt(QUIZ.questions, { one: ['c'], many: ['c', 'a'], judge: ['false'], more: ['s', 'q'] });
    expect(score.correct).toBe(3);
    expect(score.total).toBe(6);
    expect(formatScore(score)).toBe('3 / 6');
    expect(score.results.map((result) => [result.questionId, result.correct])).toEqual([
      ['one', true],
      ['many', false],
      ['judge', true],
      ['two', false],
      ['more', true],
      ['judge-again', false],
    ]);
    // Chosen options are listed in the question's own order, whatever order they were tapped in.
    expect(score.results[4]).toEqual({ questionId: 'more', correct: true, chosen: ['q', 's'], answer: ['q', 's'] });
    expect(score.results[3]).toEqual({ questionId: 'two', correct: false, chosen: [], answer: ['x'] });
  });
});

describe('the seeded shuffle (再来一次)', () => {
  it('the generator gives the same sequence for the same seed, another for another, in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('shuffled() returns a permutation and leaves its input alone', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const copy = [...items];
    const out = shuffled(items, seededRandom(5));
    expect(items).toEqual(copy);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(out).not.toEqual(items);
  });

  it('is deterministic by seed: the same seed, the same order of questions and of every question’s options', () => {
    expect(shuffleQuiz(QUIZ, 2021)).toEqual(shuffleQuiz(QUIZ, 2021));
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => ids(shuffleQuiz(QUIZ, seed).questions).join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('permutes questions and options without changing any id, text or answer; the authored quiz is untouched', () => {
    const authored = structuredClone(QUIZ);
    for (let seed = 0; seed < 50; seed++) {
      const shuffledQuiz = shuffleQuiz(QUIZ, seed);
      expect([...ids(shuffledQuiz.questions)].sort()).toEqual([...ids(QUIZ.questions)].sort());
      for (const question of shuffledQuiz.questions) {
        const original = byId(QUIZ, question.id);
        expect([...question.options].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...original.options].sort((a, b) => a.id.localeCompare(b.id)),
        );
        expect({ ...question, options: original.options }).toEqual(original);
      }
    }
    expect(QUIZ).toEqual(authored);
  });

  it('moves every question to every place and every option to every place, over many seeds', () => {
    const places = new Map<string, Set<number>>();
    const optionPlaces = new Map<string, Set<number>>();
    for (let seed = 0; seed < 300; seed++) {
      const shuffledQuiz = shuffleQuiz(QUIZ, seed);
      shuffledQuiz.questions.forEach((question, index) => {
        places.set(question.id, (places.get(question.id) ?? new Set()).add(index));
        if (question.id === 'many') {
          question.options.forEach((choice, at) => {
            optionPlaces.set(choice.id, (optionPlaces.get(choice.id) ?? new Set()).add(at));
          });
        }
      });
    }
    for (const id of ids(QUIZ.questions)) expect(places.get(id)?.size, id).toBe(QUIZ.questions.length);
    for (const id of ['a', 'b', 'c', 'd', 'e']) expect(optionPlaces.get(id)?.size, id).toBe(5);
  });

  it('keeps a true-false question’s 正确 before 错误', () => {
    for (let seed = 0; seed < 50; seed++) {
      for (const question of shuffleQuiz(QUIZ, seed).questions) {
        if (question.kind === 'true-false') expect(ids(question.options)).toEqual(['true', 'false']);
      }
    }
  });
});

describe('the room quiz’s deal (options only, from the quiz’s id)', () => {
  it('a seed from a text is the same for the same text and differs between texts', () => {
    expect(seedFromText('new-recruits')).toBe(seedFromText('new-recruits'));
    expect(seedFromText('new-recruits')).not.toBe(seedFromText('corridor'));
    expect(Number.isInteger(seedFromText(''))).toBe(true);
    expect(seedFromText('知识问答')).toBeGreaterThanOrEqual(0);
    expect(seedFromText('知识问答')).toBeLessThan(2 ** 32);
  });

  it('keeps the questions in the authored order and deals each one’s options; true-false as written', () => {
    const dealt = shuffleOptions(QUIZ, 7);
    expect(ids(dealt.questions)).toEqual(ids(QUIZ.questions));
    dealt.questions.forEach((question, index) => {
      const authored = QUIZ.questions[index] as QuizQuestion;
      expect([...ids(question.options)].sort()).toEqual([...ids(authored.options)].sort());
      expect(question.answer).toEqual(authored.answer);
      if (question.kind === 'true-false') expect(ids(question.options)).toEqual(['true', 'false']);
    });
    expect(shuffleOptions(QUIZ, 7)).toEqual(dealt);
    // Over many seeds, options do move.
    const firsts = new Set(Array.from({ length: 40 }, (_, seed) => shuffleOptions(QUIZ, seed).questions[0]?.options[0]?.id));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('spreads the shipped lesson’s right answers over the letters, where the authors wrote most of them first', async () => {
    const contentDir = new URL('../../assets/content/', import.meta.url).pathname;
    const { exhibition } = await loadExhibition(fsContentReader(contentDir));
    const { quizzes } = await loadQuizzes(fsContentReader(contentDir), exhibition);
    const lesson = quizzes.find((quiz) => quiz.id === 'new-recruits') as Quiz;
    const choices = lesson.questions.filter((question) => question.kind !== 'true-false');
    const firstAsWritten = choices.filter((question) => question.answer.includes(question.options[0]?.id ?? '')).length;
    const dealt = shuffleOptions(lesson, seedFromText(lesson.id)).questions.filter((question) => question.kind !== 'true-false');
    const firstAsDealt = dealt.filter((question) => question.answer.includes(question.options[0]?.id ?? '')).length;
    expect(firstAsWritten).toBeGreaterThan(choices.length / 2);
    expect(firstAsDealt).toBeLessThan(firstAsWritten);
  });
});

describe('an attempt', () => {
  const run = (state: AttemptState, ...events: AttemptEvent[]) => events.reduce(attemptReducer, state);
  /** Answers the current question with its answer (right) or with a wrong option. */
  const answer = (state: AttemptState, right: boolean): AttemptState => {
    const question = currentQuestion(state) as QuizQuestion;
    const wrong = question.options.find((choice) => !question.answer.includes(choice.id))?.id as string;
    const picks = right ? question.answer : [wrong];
    return run(state, ...picks.map((optionId): AttemptEvent => ({ type: 'select', optionId })), { type: 'submit' });
  };

  it('starts at the first question of the quiz as the seed shuffles it, nothing chosen or answered', () => {
    const state = startAttempt(QUIZ, 9);
    expect(state.phase).toBe('answering');
    expect(state.quiz).toEqual(shuffleQuiz(QUIZ, 9));
    expect(currentQuestion(state)).toEqual(shuffleQuiz(QUIZ, 9).questions[0]);
    expect(state.selected).toEqual([]);
    expect(state.answers).toEqual({});
    expect(currentFeedback(state)).toBeUndefined();
  });

  it('single choice replaces the choice; multiple toggles; an option the question lacks is ignored', () => {
    // One question each, so the shuffle cannot put another one first.
    let state = startAttempt({ ...QUIZ, questions: [byId(QUIZ, 'one')] }, 1);
    state = run(state, { type: 'select', optionId: 'a' }, { type: 'select', optionId: 'b' }, { type: 'select', optionId: 'zz' });
    expect(state.selected).toEqual(['b']);
    state = startAttempt({ ...QUIZ, questions: [byId(QUIZ, 'many')] }, 1);
    state = run(
      state,
      { type: 'select', optionId: 'a' },
      { type: 'select', optionId: 'c' },
      { type: 'select', optionId: 'a' },
      { type: 'select', optionId: 'e' },
    );
    expect(state.selected).toEqual(['c', 'e']);
  });

  it('submitting with nothing chosen does nothing; submitting marks the answer and shows the feedback', () => {
    let state = startAttempt(QUIZ, 3);
    expect(run(state, { type: 'submit' })).toBe(state);
    state = answer(state, true);
    expect(state.phase).toBe('feedback');
    expect(currentFeedback(state)).toBe(true);
    const marked = (currentQuestion(state) as QuizQuestion).id;
    expect(state.answers[marked]).toEqual((currentQuestion(state) as QuizQuestion).answer);
  });

  it('during the feedback the answer cannot change and a second submit or a late time-up does nothing', () => {
    const state = answer(startAttempt(QUIZ, 3), false);
    const question = currentQuestion(state) as QuizQuestion;
    expect(currentFeedback(state)).toBe(false);
    const after = run(state, { type: 'select', optionId: question.answer[0] as string }, { type: 'submit' }, { type: 'time-up' });
    expect(after).toBe(state);
  });

  it('a time-up marks whatever is chosen, even nothing (wrong)', () => {
    const state = run(startAttempt(QUIZ, 4), { type: 'time-up' });
    expect(state.phase).toBe('feedback');
    expect(currentFeedback(state)).toBe(false);
    expect(state.answers[(currentQuestion(state) as QuizQuestion).id]).toEqual([]);
  });

  it('goes question by question to the score: N / M with exactly the questions answered right', () => {
    let state = startAttempt(QUIZ, 11);
    const plan = [true, false, true, true, false, true];
    expect(run(state, { type: 'next' })).toBe(state);
    plan.forEach((right, index) => {
      expect(state.phase).toBe('answering');
      expect(state.index).toBe(index);
      expect(state.selected).toEqual([]);
      state = run(answer(state, right), { type: 'next' });
    });
    expect(state.phase).toBe('finished');
    const score = attemptScore(state);
    expect(formatScore(score)).toBe('4 / 6');
    expect(score.results.map((result) => result.correct)).toEqual(plan);
    expect(score.results.map((result) => result.questionId)).toEqual(ids(shuffleQuiz(QUIZ, 11).questions));
    // Finished is final until 再来一次.
    expect(run(state, { type: 'next' }, { type: 'select', optionId: 'a' }, { type: 'submit' })).toBe(state);
  });

  it('再来一次 starts over from the authored quiz with the new seed’s order, answers cleared', () => {
    let state = startAttempt(QUIZ, 11);
    state = run(answer(state, true), { type: 'next' });
    const again = run(state, { type: 'restart', seed: 12 });
    expect(again).toEqual(startAttempt(QUIZ, 12));
    expect(again.source).toBe(QUIZ);
    expect(again.answers).toEqual({});
  });
});

describe('the shipped quizzes in play', () => {
  it('every question can be answered right through the attempt, for a perfect score, in any shuffle', async () => {
    const reader = fsContentReader('assets/content');
    const { quizzes } = await loadQuizzes(reader, (await loadExhibition(reader)).exhibition);
    expect(quizzes.length).toBeGreaterThan(0);
    for (const quiz of quizzes) {
      for (const seed of [1, 2, 3]) {
        let state = startAttempt(quiz, seed);
        while (state.phase !== 'finished') {
          const question = currentQuestion(state) as QuizQuestion;
          state = question.answer.reduce((next, optionId) => attemptReducer(next, { type: 'select', optionId }), state);
          state = attemptReducer(attemptReducer(state, { type: 'submit' }), { type: 'next' });
        }
        expect(formatScore(attemptScore(state)), `${quiz.id} seed ${seed}`).toBe(
          `${quiz.questions.length} / ${quiz.questions.length}`,
        );
      }
    }
  });
});
