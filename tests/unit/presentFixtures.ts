/**
 * A small exhibition for the projector-mode tests: three sections (a: 3 panels, b: 2, c: 4 —
 * nine panels in corridor order a1…c4) and one lesson that goes back and forth along the corridor.
 */
import { type Quiz, quizSchema } from '../../src/content/quizSchema.ts';
import { type Exhibition, type Tour, tourSchema } from '../../src/content/schema.ts';
import { testExhibition, testSection } from '../support/exhibition.ts';

export const PANEL_ORDER = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'c3', 'c4'];

export function makeExhibition(tours: unknown[] = [LESSON]): Exhibition {
  const section = (id: string, count: number) =>
    testSection(id, count, {
      title: { zh: `栏目 ${id}`, en: `Section ${id}` },
      panel: (panelId) => ({ title: { zh: `展板 ${panelId}`, en: `Panel ${panelId}` }, summary: `摘要 ${panelId}` }),
    });
  return testExhibition([section('a', 3), section('b', 2), section('c', 4)], {
    tours: tours.map((tour) => tourSchema.parse(tour)),
  });
}

/** Four stops: c2 → a1 → b2 → c4, with notes on the first. */
export const LESSON = {
  id: 'lesson',
  title: { zh: '新队员课', en: 'Recruits' },
  stops: [
    { panel: 'c2', notes: ['要点一', { zh: '要点二', en: 'Point two' }] },
    { panel: 'a1' },
    { panel: 'b2' },
    { panel: 'c4' },
  ],
} satisfies Record<string, unknown>;

/** Auto-advance: 10 s, none, 5 s. */
export const TIMED = {
  id: 'timed',
  title: '自动放映',
  stops: [{ panel: 'a1', duration: 10 }, { panel: 'a2' }, { panel: 'a3', duration: 5 }],
} satisfies Record<string, unknown>;

export type { Tour };

/** A lesson that names its quiz: two stops, then the room quiz `room`. */
export const QUIZZED = {
  id: 'quizzed',
  title: { zh: '带问答的课', en: 'Lesson with a quiz' },
  quiz: 'room',
  stops: [{ panel: 'a1' }, { panel: 'a2', duration: 10 }],
} satisfies Record<string, unknown>;

/**
 * The room's quiz: a timed single choice (20 s), an untimed multiple choice and a short timed
 * true-false question (8 s: too short for a last call).
 */
export const ROOM_QUIZ: Quiz = quizSchema.parse({
  id: 'room',
  title: { zh: '课堂问答', en: 'Room quiz' },
  questions: [
    {
      id: 'q-founding',
      kind: 'single',
      prompt: { zh: '中共一大在哪一年召开？', en: 'In which year did the First Congress meet?' },
      options: [
        { id: 'a', text: '1919' },
        { id: 'b', text: '1921' },
        { id: 'c', text: '1927' },
        { id: 'd', text: '1949' },
      ],
      answer: ['b'],
      explanation: { zh: '1921年7月23日，中共一大在上海开幕。', en: 'The First Congress opened in Shanghai on 23 July 1921.' },
      seconds: 20,
      panel: 'a1',
    },
    {
      id: 'q-both',
      kind: 'multiple',
      prompt: '哪些是展板 a2 上写的？（多选）',
      options: [
        { id: 'x', text: '甲' },
        { id: 'y', text: '乙' },
        { id: 'z', text: '丙' },
      ],
      answer: ['x', 'z'],
      explanation: '甲和丙都在展板上。',
      panel: 'a2',
    },
    {
      id: 'q-true',
      kind: 'true-false',
      prompt: '展板 a3 是第三块。',
      options: [
        { id: 'true', text: '正确' },
        { id: 'false', text: '错误' },
      ],
      answer: ['true'],
      explanation: '正确。',
      seconds: 8,
      panel: 'a3',
    },
  ],
});
