/**
 * The quiz slice (知识问答): the quizzes once fetched, which quiz screen shows, and the attempt at
 * the open quiz, driven only through `attemptReducer` (src/quiz/attempt.ts). The attempt lives
 * here, not in the screen, so 去看展板 (a card over the quiz) and back finds the same question in
 * the same state, and so the kiosk's reset can forget it.
 *
 * Nothing here fetches: `requestQuizzes` marks the file as wanted and src/boot/quizzes.ts loads it
 * (in a chunk of its own) and calls `quizzesLoaded`.
 */
import type { StateCreator } from 'zustand';
import type { Quiz } from '../../content/quizSchema.ts';
import { attemptReducer, startAttempt } from '../../quiz/attempt.ts';
import { resumeAttempt, type SavedAttempt } from '../../quiz/attemptMemory.ts';
import { randomSeed, type Seed } from '../../quiz/random.ts';
import type { ExhibitionState, QuizSlice } from '../types.ts';

/** What a route to the quiz screen changes, in one update (also for a route that waited for the content). */
export function quizScreenState(
  state: Pick<ExhibitionState, 'quizStatus'>,
  screen: 'list' | 'quiz',
  quizId?: string,
): Partial<ExhibitionState> {
  return {
    quizScreen: screen,
    ...(quizId !== undefined ? { openQuizId: quizId } : {}),
    // The quiz's file is fetched only now (the kiosk's and the visitor's first visit never pay for it).
    ...(state.quizStatus === 'idle' || state.quizStatus === 'failed' ? { quizStatus: 'loading' as const } : {}),
    openPanelId: null,
    oath: null,
    directoryOpen: false,
    searchOpen: false,
  };
}

const findQuiz = (quizzes: readonly Quiz[], quizId: string | null) => quizzes.find((quiz) => quiz.id === quizId);

export const createQuizSlice: StateCreator<ExhibitionState, [], [], QuizSlice> = (set, get) => {
  /** A seed asked for before the quizzes were in, for the attempt that starts when they arrive. */
  let pendingSeed: Seed | undefined;
  /** An attempt from before a reload, waiting for its quiz to open. */
  let resumable: SavedAttempt | null = null;

  /**
   * The attempt for `quizId`: the one under way if it is this quiz's, else the one from before a
   * reload if it still fits, else a new one.
   */
  const attemptFor = (quiz: Quiz, seed: Seed | undefined): Partial<ExhibitionState> => {
    const { quizAttempt, quizRound } = get();
    if (quizAttempt?.source.id === quiz.id && seed === undefined) return {};
    if (seed === undefined && resumable?.quizId === quiz.id) {
      const saved = resumable;
      resumable = null;
      const resumed = resumeAttempt(quiz, saved);
      if (resumed) return { quizAttempt: resumed, quizRound: quizRound + 1, quizName: saved.name };
    }
    return { quizAttempt: startAttempt(quiz, seed ?? randomSeed()), quizRound: quizRound + 1, quizName: '' };
  };

  return {
    quizStatus: 'idle',
    quizzes: [],
    quizProblems: [],
    quizScreen: null,
    openQuizId: null,
    quizAttempt: null,
    quizRound: 0,
    quizName: '',

    requestQuizzes() {
      const { quizStatus } = get();
      if (quizStatus === 'idle' || quizStatus === 'failed') set({ quizStatus: 'loading' });
    },

    quizzesLoaded(quizzes, problems) {
      const { quizScreen, openQuizId } = get();
      const base = { quizStatus: 'ready' as const, quizzes, quizProblems: problems };
      const seed = pendingSeed;
      pendingSeed = undefined;
      if (quizScreen !== 'quiz' || openQuizId === null) {
        set(base);
        return;
      }
      const quiz = findQuiz(quizzes, openQuizId);
      if (!quiz) {
        set({ ...base, quizScreen: null, openQuizId: null, notice: { kind: 'unknown-quiz', id: openQuizId } });
        return;
      }
      set({ ...base, ...attemptFor(quiz, seed) });
    },

    quizzesFailed(problems) {
      set({ quizStatus: 'failed', quizProblems: problems });
    },

    openQuizList() {
      set(quizScreenState(get(), 'list'));
    },

    openQuiz(quizId, seed) {
      const state = get();
      if (state.quizStatus !== 'ready') {
        pendingSeed = seed;
        set({ ...quizScreenState(state, 'quiz', quizId), notice: null });
        return;
      }
      const quiz = findQuiz(state.quizzes, quizId);
      if (!quiz) {
        // Like an unknown panel: the notice says so, and nothing of the quiz stays open behind it.
        set({ quizScreen: null, notice: { kind: 'unknown-quiz', id: quizId } });
        return;
      }
      set({ ...quizScreenState(state, 'quiz', quizId), notice: null, ...attemptFor(quiz, seed) });
    },

    closeQuiz() {
      if (get().quizScreen !== null) set({ quizScreen: null });
    },

    quizEvent(event) {
      const { quizAttempt, quizRound } = get();
      if (!quizAttempt) return;
      const next = attemptReducer(quizAttempt, event);
      if (next === quizAttempt) return;
      set(event.type === 'restart' ? { quizAttempt: next, quizRound: quizRound + 1, quizName: '' } : { quizAttempt: next });
    },

    restartQuiz(seed) {
      const { quizAttempt } = get();
      if (quizAttempt) get().quizEvent({ type: 'restart', seed: seed ?? randomSeed(quizAttempt.seed) });
    },

    showQuizBoard(panelId) {
      // The quiz screen stays where it is: it steps aside while the card is open and comes back,
      // at the same question, when the card closes.
      if (get().quizScreen !== null) get().openPanel(panelId);
    },

    setQuizName(name) {
      if (get().quizName !== name) set({ quizName: name });
    },

    resumeQuizAttempt(saved) {
      resumable = saved;
    },

    resetQuiz() {
      pendingSeed = undefined;
      resumable = null;
      set({ quizScreen: null, openQuizId: null, quizAttempt: null, quizName: '' });
    },
  };
};
