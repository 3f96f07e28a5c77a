/**
 * 知识问答 (every curator): the quizzes of quiz.json — each quiz's title and its questions (kind,
 * prompt, options, answer, explanation, the panel that supports the answer, seconds) — as a form
 * drawn from the quiz schema. 新建知识问答 makes one with no questions yet; 删除 asks first, and is
 * refused, in words, while a tour names the quiz.
 */
import { useMemo } from 'react';
import { quizSchema } from '../../../content/quizSchema.ts';
import { CurateDocumentList, type DocumentAdding, type DocumentRemoving } from './CurateDocumentList.tsx';
import type { CurateScreenProps } from './curateScreenProps.ts';

export function CurateQuizzes({ lang, api }: CurateScreenProps) {
  const adding = useMemo<DocumentAdding>(
    () => ({
      button: 'newQuiz',
      titleLabel: 'newQuizTitle',
      submit: 'createQuiz',
      done: 'quizCreated',
      create: (title) => api.addQuiz(title ? { title } : {}),
    }),
    [api],
  );
  const removing = useMemo<DocumentRemoving>(
    () => ({ question: 'deleteQuizOf', done: 'quizDeleted', inUse: 'quizInUse', remove: (id) => api.deleteQuiz(id) }),
    [api],
  );
  return (
    <CurateDocumentList
      lang={lang}
      api={api}
      kind="quiz"
      heading="navQuizzes"
      pick="pickQuiz"
      empty="noQuizzes"
      schema={quizSchema}
      adding={adding}
      removing={removing}
      movable
    />
  );
}
