/**
 * quiz.json on demand: once something asks for the quizzes (a quiz route, the kiosk's 知识问答
 * button, the text twin's list: the store's `quizStatus` turns `loading`) and the exhibition is in
 * (the questions are checked against its panels), the file is fetched and checked by the same code
 * the build runs (src/content/quizLoad.ts, a chunk of its own), and the result handed to the store.
 */
import { CONTENT_DIR_LABEL, fetchContentFile, type ReadContentFile } from '../content/load.ts';
import type { ExhibitionStore } from '../store/store.ts';

export interface QuizBootOptions {
  /** Where the site is served from (`import.meta.env.BASE_URL`). */
  baseUrl: string;
  /** How a content file is read (tests hand in their own); the site's fetch by default. */
  read?: ReadContentFile;
  /** Vite's hot-module channel in dev: quizzes already in are read again when the content changes. */
  hot?: { on(event: string, listener: () => void): void; off(event: string, listener: () => void): void };
}

/** Watches the store for the quizzes being asked for and loads them. Returns the stop. */
export function startQuizLoading(
  store: ExhibitionStore,
  { baseUrl, read = fetchContentFile(baseUrl), hot }: QuizBootOptions,
): () => void {
  let stopped = false;
  let loading = false;

  const load = async () => {
    const { exhibition } = store.getState();
    loading = true;
    try {
      const { loadQuizzes } = await import('../content/quizLoad.ts');
      const { quizzes, problems } = await loadQuizzes(read, exhibition);
      if (stopped) return;
      for (const problem of problems) console.warn(`[quiz] ${problem.file}: ${problem.path}: ${problem.en}`);
      store.getState().quizzesLoaded(quizzes, problems);
    } catch (error) {
      // The chunk itself could not be fetched (offline without the cache): the screen says so.
      if (!stopped) {
        const message = error instanceof Error ? error.message : String(error);
        store.getState().quizzesFailed([
          {
            severity: 'error',
            file: `${CONTENT_DIR_LABEL}/quiz.json`,
            path: '',
            zh: `知识问答无法载入：${message}`,
            en: `the quizzes could not be loaded: ${message}`,
          },
        ]);
      }
    } finally {
      loading = false;
    }
  };

  const check = () => {
    const state = store.getState();
    if (!stopped && !loading && state.quizStatus === 'loading' && state.status === 'ready') void load();
  };
  const unsubscribe = store.subscribe(check);
  check();
  // Dev: an edited quiz.json (or panels its questions name) is read again; an attempt under way goes on.
  const onContentChanged = () => {
    if (store.getState().quizStatus === 'ready' && !loading) void load();
  };
  hot?.on('exhibition:content-changed', onContentChanged);
  return () => {
    stopped = true;
    unsubscribe();
    hot?.off('exhibition:content-changed', onContentChanged);
  };
}
