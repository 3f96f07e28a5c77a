/**
 * A small quiz for the quiz slice's and screens' tests, with the exhibition its questions name:
 * one single, one multiple and one true-false question, each on its own panel.
 */
import type { Quiz, QuizQuestion } from '../../src/content/quizSchema.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { testExhibition, testPanel, testSection } from './exhibition.ts';

const question = (fields: Omit<QuizQuestion, 'explanation'> & { explanation?: QuizQuestion['explanation'] }): QuizQuestion => ({
  explanation: { zh: `解析：${fields.id}`, en: `Explanation: ${fields.id}` },
  ...fields,
});

export const TEST_QUIZ: Quiz = {
  id: 'test-quiz',
  title: { zh: '测试问答', en: 'Test quiz' },
  questions: [
    question({
      id: 'founding-year',
      kind: 'single',
      prompt: { zh: '中国共产党成立于哪一年？', en: 'In which year was the Party founded?' },
      options: [
        { id: 'a', text: { zh: '1919年', en: '1919' } },
        { id: 'b', text: { zh: '1921年', en: '1921' } },
        { id: 'c', text: { zh: '1927年', en: '1927' } },
      ],
      answer: ['b'],
      explanation: { zh: '1921年7月，中共一大召开。', en: 'The First Congress met in July 1921.' },
      panel: 'founding',
    }),
    question({
      id: 'brigade-work',
      kind: 'multiple',
      prompt: { zh: '大队党建的做法有哪些？', en: "Which were the brigade's ways?" },
      options: [
        { id: 'a', text: { zh: '红色课堂', en: 'Red classes' } },
        { id: 'b', text: { zh: '夜间巡逻', en: 'Night patrols' } },
        { id: 'c', text: { zh: '志愿服务', en: 'Volunteering' } },
      ],
      answer: ['a', 'c'],
      panel: 'brigade',
    }),
    question({
      id: 'oath-judge',
      kind: 'true-false',
      prompt: { zh: '<b>入党誓词</b>共有八十字。', en: 'The oath has eighty characters.' },
      options: [
        { id: 'true', text: { zh: '正确', en: 'True' } },
        { id: 'false', text: { zh: '错误', en: 'False' } },
      ],
      answer: ['true'],
      panel: 'oath-wall',
    }),
  ],
};

export const OTHER_QUIZ: Quiz = {
  id: 'other-quiz',
  title: '另一套问答',
  questions: [TEST_QUIZ.questions[0] as QuizQuestion],
};

/** The exhibition the test quiz's questions name, with a tour that names the quiz. */
export function quizExhibition(): Exhibition {
  return testExhibition(
    [
      testSection('history', [
        testPanel('founding', { title: { zh: '中国共产党成立', en: 'The Party is founded' } }),
        testPanel('brigade'),
      ]),
      testSection('oath', [testPanel('oath-wall')]),
    ],
    {
      tours: [
        {
          id: 'lesson',
          title: { zh: '新队员课', en: 'Induction' },
          quiz: 'test-quiz',
          stops: [{ panel: 'founding', notes: [] }],
        },
      ],
    },
  );
}
