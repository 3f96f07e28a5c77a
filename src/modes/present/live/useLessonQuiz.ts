/**
 * The quiz a contest plays, for the projector's slides: read from the build once per quiz id
 * (src/quiz/lessonQuiz.ts: the same questions and letters the phones show).
 */
import { useEffect, useState } from 'react';
import type { Quiz } from '../../../content/quizSchema.ts';
import { loadLessonQuiz } from '../../../quiz/lessonQuiz.ts';
import { useExhibition } from '../../../store/store.ts';

/** Loading, the quiz, or missing (the build has none by that id, or quiz.json cannot be read). */
export type LessonQuizSlot = { status: 'loading' } | { status: 'ready'; quiz: Quiz } | { status: 'missing' };

const loaded = new Map<string, Promise<Quiz | null>>();

export function useLessonQuiz(quizId: string): LessonQuizSlot {
  const exhibition = useExhibition((state) => state.exhibition);
  const [slot, setSlot] = useState<{ quizId: string; slot: LessonQuizSlot }>({ quizId, slot: { status: 'loading' } });
  useEffect(() => {
    if (!exhibition) return;
    let current = true;
    let loading = loaded.get(quizId);
    if (!loading) {
      loading = loadLessonQuiz(exhibition, import.meta.env.BASE_URL, quizId).catch(() => null);
      loaded.set(quizId, loading);
    }
    void loading.then((quiz) => {
      if (!current) return;
      // A failed read is tried again the next time the contest shows.
      if (!quiz) loaded.delete(quizId);
      setSlot({ quizId, slot: quiz ? { status: 'ready', quiz } : { status: 'missing' } });
    });
    return () => {
      current = false;
    };
  }, [exhibition, quizId]);
  return slot.quizId === quizId ? slot.slot : { status: 'loading' };
}
