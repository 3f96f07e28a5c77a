/**
 * Taking a quiz (知识问答) in the built site, by touch: the shipped quizzes as written, the quiz's
 * state from the test hooks, and one question answered right or wrong through the screen itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './harness.ts';

export interface ShippedQuizQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true-false';
  prompt: { zh: string };
  options: Array<{ id: string; text: { zh: string } }>;
  answer: string[];
  explanation: { zh: string };
  panel: string;
}

export interface ShippedQuiz {
  id: string;
  title: { zh: string };
  questions: ShippedQuizQuestion[];
}

export async function shippedQuiz(id: string): Promise<ShippedQuiz> {
  const file = JSON.parse(await readFile(join(ROOT, 'assets/content/quiz.json'), 'utf8')) as { quizzes: ShippedQuiz[] };
  const quiz = file.quizzes.find((candidate) => candidate.id === id);
  if (!quiz) throw new Error(`no quiz ${id} in quiz.json`);
  return quiz;
}

export const quizState = (page: Page) => page.evaluate(() => window.__exhibit?.state().quiz);

/**
 * The options to choose for a right or a wrong answer: the answer itself, or a wrong option (for
 * a question whose every option is right, one of them alone: a 多选题 has no part marks).
 */
export function choiceFor(question: ShippedQuizQuestion, right: boolean): string[] {
  if (right) return question.answer;
  const wrong = question.options.find((option) => !question.answer.includes(option.id));
  return wrong ? [wrong.id] : question.answer.slice(0, 1);
}

/**
 * Answers the question on screen (the `n`th of `total`) by tapping its options and 提交答案, then
 * checks the feedback: the verdict, and the explanation as written. Returns the question.
 */
export async function answerQuestion(
  page: Page,
  dialog: Locator,
  quiz: ShippedQuiz,
  n: number,
  right: boolean,
): Promise<ShippedQuizQuestion> {
  await expect.poll(async () => (await quizState(page))?.attempt?.index).toBe(n - 1);
  const state = await quizState(page);
  expect(state?.attempt?.phase).toBe('answering');
  const question = quiz.questions.find((candidate) => candidate.id === state?.attempt?.questionId);
  if (!question) throw new Error(`question ${state?.attempt?.questionId} is not in the quiz`);
  const heading = dialog.getByRole('heading', { level: 3 });
  await expect.poll(() => heading.textContent()).toContain(`第 ${n} 题，共 ${quiz.questions.length} 题`);
  expect(await heading.textContent()).toContain(question.prompt.zh);
  // The options are a radio group (one answer) or a group of checkboxes (several).
  const group = dialog.getByRole(question.kind === 'multiple' ? 'group' : 'radiogroup', { name: question.prompt.zh });
  expect(await group.getByRole(question.kind === 'multiple' ? 'checkbox' : 'radio').count()).toBe(question.options.length);
  const submit = dialog.getByRole('button', { name: '提交答案' });
  expect(await submit.isDisabled()).toBe(true); // nothing chosen yet
  for (const id of choiceFor(question, right)) {
    await dialog.locator('label.quiz-option', { has: page.locator(`input[value="${id}"]`) }).tap();
    await expect.poll(() => dialog.locator(`input[value="${id}"]`).isChecked()).toBe(true);
  }
  await submit.tap();
  const feedback = dialog.getByTestId('quiz-feedback');
  await expect.poll(() => feedback.textContent()).toContain(right ? '回答正确' : '回答错误');
  expect(await feedback.textContent()).toContain(question.explanation.zh);
  expect((await quizState(page))?.attempt?.phase).toBe('feedback');
  return question;
}
