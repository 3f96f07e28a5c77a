/**
 * The tours a live lesson can run, read from the content of the build being served (not the
 * checkout's: the phones load that build's content, so the panel ids must be its ones). The
 * tours are made by the projector's own pure code (modes/presentTour.ts), so `all` and every
 * authored lesson have exactly the stops the projector shows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadExhibition } from '../../content/load.ts';
import { loadQuizzes } from '../../content/quizLoad.ts';
import type { Quiz } from '../../content/quizSchema.ts';
import type { Exhibition } from '../../content/schema.ts';
import { presentTour, toursOf } from '../../content/tours.ts';
import type { TourSource } from '../commands/liveService.ts';
import { type ContestQuiz, DEFAULT_QUESTION_SECONDS } from '../live/contest.ts';
import type { SiteBuilds } from './builds.ts';

/** What the contest needs of a quiz: the ids, the answers and each question's countdown. */
export function contestQuizOf(quiz: Quiz): ContestQuiz {
  return {
    id: quiz.id,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      optionIds: question.options.map((option) => option.id),
      answer: [...question.answer],
      seconds: question.seconds ?? DEFAULT_QUESTION_SECONDS,
    })),
  };
}

export function createTourSource(builds: Pick<SiteBuilds, 'current'>): TourSource {
  // One build's content never changes, so each is read once.
  const cache = new Map<string, Promise<Exhibition | null>>();
  const quizCache = new Map<string, Promise<Quiz[]>>();
  // The questions that pass the content checks, as the phones load them from the same build.
  const quizzesOf = (dir: string, exhibition: Exhibition): Promise<Quiz[]> => {
    let loaded = quizCache.get(dir);
    if (!loaded) {
      const contentDir = join(dir, 'content');
      loaded = loadQuizzes((name) => readFile(join(contentDir, name), 'utf8'), exhibition).then(
        (result) => result.quizzes,
        () => [],
      );
      quizCache.set(dir, loaded);
    }
    return loaded;
  };
  const exhibitionOf = (dir: string): Promise<Exhibition | null> => {
    let loaded = cache.get(dir);
    if (!loaded) {
      const contentDir = join(dir, 'content');
      loaded = loadExhibition((name) => readFile(join(contentDir, name), 'utf8')).then(
        (result) => result.exhibition,
        () => null,
      );
      cache.set(dir, loaded);
    }
    return loaded;
  };
  return {
    async stopsOf(tourId) {
      const build = builds.current;
      if (!build) return { ok: false, error: 'no-build' };
      const exhibition = await exhibitionOf(build.dir);
      if (!exhibition) return { ok: false, error: 'no-build' };
      const tour = toursOf(exhibition).find((candidate) => candidate.id === tourId);
      if (!tour) return { ok: false, error: 'unknown-tour' };
      const stops = presentTour(exhibition, tour).stops.map((stop) => stop.panel.id);
      return stops.length > 0 ? { ok: true, stops } : { ok: false, error: 'unknown-tour' };
    },
    async quizOf(tourId) {
      const build = builds.current;
      if (!build) return { ok: false, error: 'no-build' };
      const exhibition = await exhibitionOf(build.dir);
      if (!exhibition) return { ok: false, error: 'no-build' };
      const quizId = exhibition.tours?.find((candidate) => candidate.id === tourId)?.quiz;
      if (!quizId) return { ok: false, error: 'no-quiz' };
      const quiz = (await quizzesOf(build.dir, exhibition)).find((candidate) => candidate.id === quizId);
      return quiz && quiz.questions.length > 0 ? { ok: true, quiz: contestQuizOf(quiz) } : { ok: false, error: 'no-quiz' };
    },
    async resultsNames() {
      const build = builds.current;
      const exhibition = build ? await exhibitionOf(build.dir) : null;
      const quizzes = build && exhibition ? await quizzesOf(build.dir, exhibition) : [];
      const text = (value: string | { zh: string } | undefined, fallback: string) =>
        value === undefined ? fallback : typeof value === 'string' ? value : value.zh;
      return {
        tourTitle: (tourId) =>
          text(exhibition?.tours?.find((tour) => tour.id === tourId)?.title, tourId === 'all' ? '全部展板' : tourId),
        quizTitle: (quizId) => text(quizzes.find((quiz) => quiz.id === quizId)?.title, quizId),
      };
    },
  };
}
