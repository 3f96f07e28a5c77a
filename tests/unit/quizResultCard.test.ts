/**
 * The result card's words (the same on screen, on paper and in the PNG) and the image's line
 * breaking: the score through formatScore, a name only when one was typed, the date of the day.
 */
import { describe, expect, it } from 'vitest';
import { localDay, resultCardText, wrapLines } from '../../src/ui/quiz/resultCard.ts';

const exhibition = { title: { zh: '党史长廊', en: 'Party History Corridor' }, host: '德清县消防救援大队' };

describe('resultCardText', () => {
  it('says the score as N / M, in the reader’s language, with the day it was finished', () => {
    const at = new Date(2026, 11, 3, 9, 30);
    const zh = resultCardText({
      exhibition,
      quizTitle: { zh: '问答', en: 'Quiz' },
      score: { correct: 7, total: 10 },
      name: '',
      at,
      lang: 'zh',
    });
    expect(zh).toEqual({
      exhibition: '党史长廊',
      host: '德清县消防救援大队',
      label: '知识问答 · 成绩卡',
      quizTitle: '问答',
      score: '7 / 10',
      scoreSentence: '答对 7 题，共 10 题',
      name: null,
      date: '2026年12月3日',
    });
    const en = resultCardText({
      exhibition,
      quizTitle: { zh: '问答', en: 'Quiz' },
      score: { correct: 7, total: 10 },
      name: '',
      at,
      lang: 'en',
    });
    expect(en).toMatchObject({
      exhibition: 'Party History Corridor',
      score: '7 / 10',
      scoreSentence: '7 of 10 correct',
      date: '3 December 2026',
    });
    expect(localDay(at)).toBe('2026-12-03');
  });

  it('carries a name only when one was typed (spaces alone are none)', () => {
    const base = { exhibition, quizTitle: '问答', score: { correct: 1, total: 2 }, at: new Date(), lang: 'zh' as const };
    expect(resultCardText({ ...base, name: '   ' }).name).toBeNull();
    expect(resultCardText({ ...base, name: ' 李明 ' }).name).toBe('李明');
  });
});

describe('wrapLines', () => {
  const measure = (text: string) => [...text].length * 10;

  it('breaks between characters to fit the width, without leading spaces', () => {
    expect(wrapLines(measure, '新队员入队教育知识问答', 40, 3)).toEqual(['新队员入', '队教育知', '识问答']);
    expect(wrapLines(measure, 'ab cd', 20, 3)).toEqual(['ab', 'cd']);
  });

  it('ends the last line it may take with an ellipsis when the text runs on', () => {
    expect(wrapLines(measure, '一二三四五六七八九十', 40, 2)).toEqual(['一二三四', '五六七…']);
    expect(wrapLines(measure, '一二三四五六七八', 40, 2)).toEqual(['一二三四', '五六七八']);
  });
});
