/**
 * The quiz slice (src/store/slices/quiz.ts), its routes (#/quiz, #/quiz/<id>) and the loader that
 * fetches quiz.json only when asked (src/boot/quizzes.ts): the attempt kept in the store through
 * 去看展板 and back, 再来一次 with a new order, an unknown quiz's notice, and the hash in step.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startQuizLoading } from '../../src/boot/quizzes.ts';
import { currentQuestion } from '../../src/quiz/attempt.ts';
import { routeOfState, startHashSync } from '../../src/routing/hashSync.ts';
import { formatHash, parseHash, quizHref } from '../../src/routing/routes.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { FakeWindow } from '../support/fakeWindow.ts';
import { OTHER_QUIZ, quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function loadedStore(withQuizzes = true): ExhibitionStore {
  const store = createExhibitionStore();
  store.getState().contentLoaded(quizExhibition(), []);
  if (withQuizzes) store.getState().quizzesLoaded([TEST_QUIZ, OTHER_QUIZ], []);
  return store;
}

const questionIds = (store: ExhibitionStore) => store.getState().quizAttempt?.quiz.questions.map((question) => question.id);
const current = (store: ExhibitionStore) => {
  const attempt = store.getState().quizAttempt;
  return attempt ? currentQuestion(attempt) : undefined;
};

describe('quiz routes', () => {
  it('reads and writes #/quiz and #/quiz/<id>', () => {
    expect(parseHash('#/quiz')).toEqual({ kind: 'quizList' });
    expect(parseHash('#/quiz/')).toEqual({ kind: 'quizList' });
    expect(parseHash('#/quiz/new-recruits')).toEqual({ kind: 'quiz', id: 'new-recruits' });
    expect(parseHash('#/quiz/new-recruits/')).toEqual({ kind: 'quiz', id: 'new-recruits' });
    expect(parseHash(`#/quiz/${encodeURIComponent('问答 一')}`)).toEqual({ kind: 'quiz', id: '问答 一' });
    expect(parseHash('#/quiz/a/b')).toEqual({ kind: 'unknown', path: '/quiz/a/b' });
    expect(formatHash({ kind: 'quizList' })).toBe('#/quiz');
    expect(formatHash({ kind: 'quiz', id: '问答 一' })).toBe(`#/quiz/${encodeURIComponent('问答 一')}`);
    expect(quizHref()).toBe('#/quiz');
    expect(quizHref('corridor')).toBe('#/quiz/corridor');
  });

  it('the state says which: a card over the quiz first, then the quiz, then the text twin under it', () => {
    const base = { status: 'ready' as const, openPanelId: null, view: 'corridor' as const };
    expect(routeOfState({ ...base, quizScreen: 'list', openQuizId: null })).toEqual({ kind: 'quizList' });
    expect(routeOfState({ ...base, quizScreen: 'quiz', openQuizId: 'q' })).toEqual({ kind: 'quiz', id: 'q' });
    expect(routeOfState({ ...base, openPanelId: 'founding', quizScreen: 'quiz', openQuizId: 'q' })).toEqual({
      kind: 'panel',
      id: 'founding',
    });
    expect(routeOfState({ ...base, view: 'text', quizScreen: 'quiz', openQuizId: 'q' })).toEqual({ kind: 'quiz', id: 'q' });
    expect(routeOfState({ ...base, view: 'text', quizScreen: null, openQuizId: 'q' })).toEqual({ kind: 'text' });
    expect(routeOfState({ ...base, quizScreen: null, openQuizId: 'q' })).toEqual({ kind: 'home' });
  });
});

describe('the quiz slice', () => {
  it('opens a quiz at its first question, and is driven by attempt events', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 7);
    const state = store.getState();
    expect(state.quizScreen).toBe('quiz');
    expect(state.openQuizId).toBe('test-quiz');
    expect(state.quizAttempt).toMatchObject({ seed: 7, phase: 'answering', index: 0, selected: [], answers: {} });
    expect(state.quizRound).toBe(1);

    const first = current(store);
    if (!first) throw new Error('no question');
    store.getState().quizEvent({ type: 'submit' });
    // Nothing chosen: nothing marked.
    expect(store.getState().quizAttempt?.phase).toBe('answering');
    for (const optionId of first.answer) store.getState().quizEvent({ type: 'select', optionId });
    store.getState().quizEvent({ type: 'submit' });
    expect(store.getState().quizAttempt?.phase).toBe('feedback');
    expect(store.getState().quizAttempt?.answers[first.id]).toEqual(first.answer);
    store.getState().quizEvent({ type: 'next' });
    expect(store.getState().quizAttempt).toMatchObject({ phase: 'answering', index: 1, selected: [] });
  });

  it('去看展板 opens the panel over the quiz, and closing the card comes back to the same question in the same state', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 3);
    const first = current(store);
    if (!first) throw new Error('no question');
    store.getState().quizEvent({ type: 'select', optionId: first.options[0]?.id as string });
    store.getState().quizEvent({ type: 'submit' });
    const marked = store.getState().quizAttempt;

    store.getState().showQuizBoard(first.panel);
    expect(store.getState().openPanelId).toBe(first.panel);
    expect(store.getState().quizScreen).toBe('quiz');
    expect(routeOfState(store.getState())).toEqual({ kind: 'panel', id: first.panel });

    store.getState().closePanel();
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().quizAttempt).toBe(marked);
    expect(routeOfState(store.getState())).toEqual({ kind: 'quiz', id: 'test-quiz' });
  });

  it('closing the quiz keeps its attempt, so opening it again goes on where it was; another quiz starts afresh', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 3);
    const first = current(store);
    store.getState().quizEvent({ type: 'select', optionId: first?.answer[0] as string });
    store.getState().quizEvent({ type: 'submit' });
    store.getState().quizEvent({ type: 'next' });
    store.getState().closeQuiz();
    expect(store.getState().quizScreen).toBeNull();
    expect(routeOfState(store.getState())).toEqual({ kind: 'home' });

    store.getState().openQuiz('test-quiz');
    expect(store.getState().quizAttempt).toMatchObject({ index: 1, phase: 'answering' });
    expect(store.getState().quizRound).toBe(1);

    store.getState().openQuiz('other-quiz');
    expect(store.getState().quizAttempt).toMatchObject({ index: 0, source: { id: 'other-quiz' } });
    expect(store.getState().quizRound).toBe(2);
  });

  it('再来一次 starts again with the questions in a new order, a new round and no name', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 1);
    const before = questionIds(store);
    store.getState().setQuizName('李明');
    for (let answered = 0; answered < TEST_QUIZ.questions.length; answered++) {
      store.getState().quizEvent({ type: 'select', optionId: current(store)?.options[0]?.id as string });
      store.getState().quizEvent({ type: 'submit' });
      store.getState().quizEvent({ type: 'next' });
    }
    expect(store.getState().quizAttempt?.phase).toBe('finished');

    // Seeds 1 and 2 deal these three questions in different orders.
    store.getState().restartQuiz(2);
    const after = store.getState();
    expect(after.quizAttempt).toMatchObject({ seed: 2, phase: 'answering', index: 0, answers: {} });
    expect(questionIds(store)).not.toEqual(before);
    expect([...(questionIds(store) ?? [])].sort()).toEqual([...(before ?? [])].sort());
    expect(after.quizRound).toBe(2);
    expect(after.quizName).toBe('');
  });

  it('再来一次 without a seed never deals the same seed again', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 5);
    vi.spyOn(Math, 'random').mockReturnValue(5 / 4294967296);
    store.getState().restartQuiz();
    vi.restoreAllMocks();
    expect(store.getState().quizAttempt?.seed).toBe(6);
  });

  it('an unknown quiz is a notice, with nothing of it open', () => {
    const store = loadedStore();
    store.getState().openQuiz('nope');
    expect(store.getState()).toMatchObject({ quizScreen: null, notice: { kind: 'unknown-quiz', id: 'nope' } });
    // Asked for before the quizzes are in: the notice comes when they arrive.
    const early = loadedStore(false);
    early.getState().openQuiz('nope');
    expect(early.getState()).toMatchObject({ quizScreen: 'quiz', quizStatus: 'loading', quizAttempt: null });
    early.getState().quizzesLoaded([TEST_QUIZ], []);
    expect(early.getState()).toMatchObject({ quizScreen: null, openQuizId: null, notice: { kind: 'unknown-quiz', id: 'nope' } });
  });

  it('asks for quiz.json only when a quiz screen opens, and starts the attempt once it is in', () => {
    const store = loadedStore(false);
    expect(store.getState().quizStatus).toBe('idle');
    store.getState().openQuiz('test-quiz', 9);
    expect(store.getState().quizStatus).toBe('loading');
    expect(store.getState().quizAttempt).toBeNull();
    store.getState().quizzesLoaded([TEST_QUIZ], []);
    expect(store.getState().quizAttempt).toMatchObject({ seed: 9, source: { id: 'test-quiz' }, index: 0 });
  });

  it('opening the list or a quiz closes the card, the ceremony, the directory and the search', () => {
    const store = loadedStore();
    store.getState().openPanel('founding');
    store.getState().setDirectoryOpen(true);
    store.getState().openQuizList();
    expect(store.getState()).toMatchObject({ quizScreen: 'list', openPanelId: null, directoryOpen: false, searchOpen: false });
  });

  it("the card's 搜索 or 展厅目录 over a quiz closes the quiz (not two dialogs at once); its attempt stays", () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 1);
    store.getState().showQuizBoard('founding');
    store.getState().closePanel();
    store.getState().setSearchOpen(true);
    expect(store.getState()).toMatchObject({ quizScreen: null, searchOpen: true, quizAttempt: { seed: 1 } });
    store.getState().setSearchOpen(false);
    store.getState().openQuiz('test-quiz');
    store.getState().setDirectoryOpen(true);
    expect(store.getState()).toMatchObject({ quizScreen: null, directoryOpen: true, quizAttempt: { seed: 1 } });
  });

  it('resetQuiz forgets the screen, the attempt and the name', () => {
    const store = loadedStore();
    store.getState().openQuiz('test-quiz', 1);
    store.getState().setQuizName('王芳');
    store.getState().resetQuiz();
    expect(store.getState()).toMatchObject({ quizScreen: null, openQuizId: null, quizAttempt: null, quizName: '' });
    // The quizzes themselves stay loaded: the next visitor's quiz opens at once.
    expect(store.getState().quizzes).toHaveLength(2);
  });
});

describe('the quiz routes and the URL', () => {
  it('a link opens the list and a quiz; 去看展板 pushes the panel; closing the card pushes the quiz back', () => {
    const store = loadedStore();
    const win = new FakeWindow('#/quiz');
    cleanups.push(startHashSync(store, win.asWindow()));
    expect(store.getState().quizScreen).toBe('list');
    expect(win.pushed).toEqual([]);

    win.navigate('#/quiz/test-quiz');
    expect(store.getState()).toMatchObject({ quizScreen: 'quiz', openQuizId: 'test-quiz' });
    const question = current(store);
    if (!question) throw new Error('no question');
    // Answering pushes nothing: the questions are no history entries.
    store.getState().quizEvent({ type: 'select', optionId: question.answer[0] as string });
    store.getState().quizEvent({ type: 'submit' });
    expect(win.pushed).toEqual([]);

    store.getState().showQuizBoard(question.panel);
    expect(win.pushed).toEqual([`#/panel/${question.panel}`]);
    store.getState().closePanel();
    expect(win.pushed).toEqual([`#/panel/${question.panel}`, '#/quiz/test-quiz']);
    expect(store.getState().quizAttempt?.phase).toBe('feedback');

    // Back to the card and back again to the quiz: the card closes, the attempt is as it was.
    win.navigate(`#/panel/${question.panel}`);
    expect(store.getState()).toMatchObject({ openPanelId: question.panel, quizScreen: 'quiz' });
    win.navigate('#/quiz/test-quiz');
    expect(store.getState()).toMatchObject({ openPanelId: null, quizScreen: 'quiz', quizAttempt: { phase: 'feedback' } });

    // Closing the quiz goes to the corridor.
    store.getState().closeQuiz();
    expect(win.pushed.at(-1)).toBe('#/');
    win.navigate('#/quiz/test-quiz');
    store.getState().openQuizList();
    expect(win.pushed.at(-1)).toBe('#/quiz');
    win.navigate('#/');
    expect(store.getState().quizScreen).toBeNull();
  });

  it('an unknown quiz link keeps its address while the notice explains it', () => {
    const store = loadedStore();
    const win = new FakeWindow('#/quiz/nope');
    cleanups.push(startHashSync(store, win.asWindow()));
    expect(store.getState().notice).toEqual({ kind: 'unknown-quiz', id: 'nope' });
    expect(win.pushed).toEqual([]);
  });

  it('a deep link that arrives before the content asks for the quizzes with the content, and pushes nothing', () => {
    const store = createExhibitionStore();
    const win = new FakeWindow('#/quiz/test-quiz');
    cleanups.push(startHashSync(store, win.asWindow()));
    store.getState().contentLoaded(quizExhibition(), []);
    expect(store.getState()).toMatchObject({ quizScreen: 'quiz', openQuizId: 'test-quiz', quizStatus: 'loading' });
    store.getState().quizzesLoaded([TEST_QUIZ], []);
    expect(store.getState().quizAttempt?.source.id).toBe('test-quiz');
    expect(win.pushed).toEqual([]);
  });

  it('from the text twin, the quiz opens over it and closing it goes back to the twin', () => {
    const store = loadedStore();
    const win = new FakeWindow('#/text');
    cleanups.push(startHashSync(store, win.asWindow()));
    win.navigate('#/quiz/test-quiz');
    expect(store.getState()).toMatchObject({ view: 'text', quizScreen: 'quiz' });
    store.getState().closeQuiz();
    expect(win.pushed.at(-1)).toBe('#/text');
  });
});

describe('loading quiz.json on demand', () => {
  const quizFile = JSON.stringify({ quizzes: [TEST_QUIZ] });

  it('reads nothing until asked, then loads and checks the file once the exhibition is in', async () => {
    const store = createExhibitionStore();
    const read = vi.fn(async (name: string) => {
      if (name !== 'quiz.json') throw new Error(`unexpected ${name}`);
      return quizFile;
    });
    cleanups.push(startQuizLoading(store, { baseUrl: '/', read }));
    store.getState().requestQuizzes();
    await Promise.resolve();
    // The exhibition is not in yet: the questions cannot be checked against its panels.
    expect(read).not.toHaveBeenCalled();
    store.getState().contentLoaded(quizExhibition(), []);
    await vi.waitFor(() => expect(store.getState().quizStatus).toBe('ready'));
    expect(read).toHaveBeenCalledTimes(1);
    expect(store.getState().quizzes.map((quiz) => quiz.id)).toEqual(['test-quiz']);
  });

  it('in dev, reads the quizzes again when the content changes, the attempt going on', async () => {
    const store = loadedStore(false);
    const listeners = new Set<() => void>();
    const hot = {
      on: (_: string, listener: () => void) => listeners.add(listener),
      off: (_: string, listener: () => void) => listeners.delete(listener),
    };
    let file = quizFile;
    const read = vi.fn(async () => file);
    cleanups.push(startQuizLoading(store, { baseUrl: '/', read, hot }));
    store.getState().openQuiz('test-quiz', 2);
    await vi.waitFor(() => expect(store.getState().quizStatus).toBe('ready'));
    const attempt = store.getState().quizAttempt;
    // A second quiz added (its question ids its own: ids are unique across the file).
    const second = { id: 'second', title: '第二套', questions: [{ ...TEST_QUIZ.questions[0], id: 'second-question' }] };
    file = JSON.stringify({ quizzes: [TEST_QUIZ, second] });
    for (const listener of listeners) listener();
    await vi.waitFor(() => expect(store.getState().quizzes).toHaveLength(2));
    expect(read).toHaveBeenCalledTimes(2);
    expect(store.getState().quizAttempt).toBe(attempt);
  });

  it('never reads the file while nothing asks for it', async () => {
    const store = loadedStore(false);
    const read = vi.fn(async () => quizFile);
    cleanups.push(startQuizLoading(store, { baseUrl: '/', read }));
    store.getState().openPanel('founding');
    await Promise.resolve();
    expect(read).not.toHaveBeenCalled();
    expect(store.getState().quizStatus).toBe('idle');
  });
});
