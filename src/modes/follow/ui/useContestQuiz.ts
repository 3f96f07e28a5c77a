/**
 * The contest's quiz for the phone's screens, from the build the phone loaded (quiz.json, with
 * the lesson's order of options: the projector's letters). The server sends ids only; each phone
 * reads the words in its own language.
 */
import { useEffect, useState } from 'react';
import type { Quiz } from '../../../content/quizSchema.ts';
import { loadLessonQuiz } from '../../../quiz/lessonQuiz.ts';
import { useExhibition } from '../../../store/store.ts';

export type ContestQuizLoad =
  | { status: 'loading' }
  /** The build this phone loaded has no quiz by that id (or its quiz.json cannot be read). */
  | { status: 'missing' }
  | { status: 'ready'; quiz: Quiz };

/** The quiz with that id (null: no contest, nothing to load). */
export function useContestQuiz(quizId: string | null): ContestQuizLoad {
  const exhibition = useExhibition((state) => state.exhibition);
  const [loaded, setLoaded] = useState<{ quizId: string; quiz: Quiz | null } | null>(null);

  useEffect(() => {
    if (!quizId || !exhibition) return;
    let wanted = true;
    loadLessonQuiz(exhibition, import.meta.env.BASE_URL, quizId).then(
      (quiz) => {
        if (wanted) setLoaded({ quizId, quiz });
      },
      // A file that cannot be read is, for the phone, a quiz it does not have: it says so and carries on.
      () => {
        if (wanted) setLoaded({ quizId, quiz: null });
      },
    );
    return () => {
      wanted = false;
    };
  }, [exhibition, quizId]);

  if (!loaded || loaded.quizId !== quizId) return { status: 'loading' };
  return loaded.quiz ? { status: 'ready', quiz: loaded.quiz } : { status: 'missing' };
}
