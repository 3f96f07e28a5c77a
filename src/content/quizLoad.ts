/**
 * Loads and checks `quiz.json` (知识问答) against the loaded exhibition. The same code runs in the
 * browser (with `fetchContentFile`, when a quiz screen opens) and at build time (with the build's
 * file reader, in `checkContent`), so the build refuses exactly what the site would leave out.
 *
 * Like panels, a broken question is left out and reported; the rest of its quiz still loads. A
 * quiz left with no question is left out. A content set without quiz.json simply has no quizzes.
 */
import type { z } from 'zod';
import {
  CONTENT_DIR_LABEL,
  describeIssue,
  describeReadError,
  EXHIBITION_FILE,
  PARSE_OPTIONS,
  parseJsonText,
  type ReadContentFile,
  schemaRefProblem,
} from './load.ts';
import { variants } from './localize.ts';
import { type ContentProblem, formatJsonPath } from './problems.ts';
import { keyTextWarnings, questionErrors } from './quizChecks.ts';
import {
  QUESTION_KINDS,
  QUIZ_FILE,
  QUIZ_SCHEMA_REF,
  type Quiz,
  type QuizQuestion,
  quizFileSchema,
  quizQuestionSchema,
  quizShellSchema,
} from './quizSchema.ts';
import type { Exhibition, Panel } from './schema.ts';
import { htmlWarnings } from './textWarnings.ts';

/** A loaded question and where it stands in quiz.json. */
export interface PlacedQuestion {
  quizIndex: number;
  questionIndex: number;
  question: QuizQuestion;
}

export interface QuizLoadResult {
  /** The quizzes that passed, each with the questions that passed, in file order. */
  quizzes: Quiz[];
  problems: ContentProblem[];
  /** Every loaded question with its place in the file, for checks that name a JSON path. */
  placed: PlacedQuestion[];
}

/** The quiz file as staff see it. */
export const QUIZ_FILE_LABEL = `${CONTENT_DIR_LABEL}/${QUIZ_FILE}`;

/** zod's issues as staff-readable problems; an unknown question kind names the kinds there are. */
function issueProblems(base: ReadonlyArray<PropertyKey>, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'kind') {
      const input = (issue as { input?: unknown }).input;
      return {
        severity: 'error',
        file: QUIZ_FILE_LABEL,
        path: formatJsonPath([...base, ...issue.path]),
        zh: `题型 kind 必须是 ${QUESTION_KINDS.join('、')} 之一（现在是 ${JSON.stringify(input)}）`,
        en: `kind must be one of ${QUESTION_KINDS.join(', ')} (it is ${JSON.stringify(input)})`,
      };
    }
    return describeIssue(QUIZ_FILE_LABEL, base, issue);
  });
}

const idOf = (value: unknown): string | undefined => {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
};

/** The panels questions may name, by id; null when the exhibition itself could not be loaded. */
function panelsById(exhibition: Exhibition | null): Map<string, Panel> | null {
  if (!exhibition) return null;
  return new Map(exhibition.sections.flatMap((section) => section.panels).map((panel) => [panel.id, panel]));
}

/**
 * Loads quiz.json and checks every quiz against the exhibition's panels, and every tour's `quiz`
 * against the quizzes. Never throws for bad content.
 */
export async function loadQuizzes(read: ReadContentFile, exhibition: Exhibition | null): Promise<QuizLoadResult> {
  const problems: ContentProblem[] = [];
  const quizzes: Quiz[] = [];
  const placed: PlacedQuestion[] = [];
  /** Quizzes in the file but left out for their errors, so a tour naming one is not called a typo. */
  const leftOutQuizIds = new Set<string>();

  let text: string | null = null;
  try {
    text = await read(QUIZ_FILE);
  } catch (error) {
    const reason = describeReadError(error);
    // No quiz.json: a content set without quizzes, not a problem (a tour naming a quiz still is).
    if (reason.en !== 'the file does not exist') {
      problems.push({
        severity: 'error',
        file: QUIZ_FILE_LABEL,
        path: '',
        zh: `无法读取文件：${reason.zh}`,
        en: `cannot read the file: ${reason.en}`,
      });
    }
  }

  if (text !== null) {
    const parsed = parseJsonText(QUIZ_FILE_LABEL, text);
    if (!parsed.ok) problems.push(parsed.problem);
    else {
      problems.push(...parsed.warnings);
      const fileCheck = quizFileSchema.safeParse(parsed.value, PARSE_OPTIONS);
      if (!fileCheck.success) problems.push(...issueProblems([], fileCheck.error));
      else {
        problems.push(...schemaRefProblem(QUIZ_FILE_LABEL, fileCheck.data.$schema, QUIZ_SCHEMA_REF));
        const panels = panelsById(exhibition);
        const seenQuizIds = new Map<string, number>();
        /** Question ids are unique in the whole file: statistics count each question by its id. */
        const seenQuestionIds = new Map<string, string>();
        fileCheck.data.quizzes.forEach((candidate, quizIndex) => {
          const quizPath = ['quizzes', quizIndex];
          const shell = quizShellSchema.safeParse(candidate, PARSE_OPTIONS);
          if (!shell.success) {
            problems.push(...issueProblems(quizPath, shell.error));
            const id = idOf(candidate);
            if (id !== undefined) leftOutQuizIds.add(id);
            return;
          }
          const firstQuiz = seenQuizIds.get(shell.data.id);
          if (firstQuiz !== undefined) {
            problems.push({
              severity: 'error',
              file: QUIZ_FILE_LABEL,
              path: formatJsonPath([...quizPath, 'id']),
              zh: `问答 id “${shell.data.id}” 重复（已用于 quizzes[${firstQuiz}]），此问答未显示`,
              en: `duplicate quiz id "${shell.data.id}" (already used by quizzes[${firstQuiz}]); this quiz is left out`,
            });
            return;
          }
          seenQuizIds.set(shell.data.id, quizIndex);
          problems.push(...htmlWarnings(QUIZ_FILE_LABEL, [...quizPath, 'title'], shell.data.title));

          const questions: QuizQuestion[] = [];
          shell.data.questions.forEach((raw, questionIndex) => {
            const path = [...quizPath, 'questions', questionIndex];
            const result = quizQuestionSchema.safeParse(raw, PARSE_OPTIONS);
            if (!result.success) {
              problems.push(...issueProblems(path, result.error));
              return;
            }
            const question = result.data;
            const firstQuestion = seenQuestionIds.get(question.id);
            if (firstQuestion !== undefined) {
              problems.push({
                severity: 'error',
                file: QUIZ_FILE_LABEL,
                path: formatJsonPath([...path, 'id']),
                zh: `题目 id “${question.id}” 重复（已用于 ${firstQuestion}），此题未显示`,
                en: `duplicate question id "${question.id}" (already used by ${firstQuestion}); this question is left out`,
              });
              return;
            }
            seenQuestionIds.set(question.id, formatJsonPath(path));
            const errors = questionErrors(QUIZ_FILE_LABEL, path, question, panels);
            problems.push(...errors);
            if (errors.length > 0) return;
            const panel = panels?.get(question.panel);
            if (panel) problems.push(...keyTextWarnings(QUIZ_FILE_LABEL, path, question, panel));
            problems.push(...htmlWarnings(QUIZ_FILE_LABEL, path, question));
            questions.push(question);
            placed.push({ quizIndex, questionIndex, question });
          });

          if (questions.length === 0) {
            problems.push({
              severity: 'error',
              file: QUIZ_FILE_LABEL,
              path: formatJsonPath([...quizPath, 'questions']),
              zh: '这套问答没有可用的题目，此问答未显示',
              en: 'this quiz has no usable question; it is left out',
            });
            leftOutQuizIds.add(shell.data.id);
            return;
          }
          quizzes.push({ id: shell.data.id, title: shell.data.title, questions });
        });
      }
    }
  }

  problems.push(...tourQuizProblems(exhibition, quizzes, leftOutQuizIds));
  return { quizzes, problems, placed };
}

/** An error for a tour naming a quiz there is not; a warning when that quiz is only left out for its errors. */
function tourQuizProblems(
  exhibition: Exhibition | null,
  quizzes: readonly Quiz[],
  leftOut: ReadonlySet<string>,
): ContentProblem[] {
  const known = quizzes.map((quiz) => quiz.id);
  const file = `${CONTENT_DIR_LABEL}/${EXHIBITION_FILE}`;
  return (exhibition?.tours ?? []).flatMap((tour, index): ContentProblem[] => {
    if (tour.quiz === undefined || known.includes(tour.quiz)) return [];
    const path = formatJsonPath(['tours', index, 'quiz']);
    if (leftOut.has(tour.quiz)) {
      return [
        {
          severity: 'warning',
          file,
          path,
          zh: `id 为 “${tour.quiz}” 的知识问答有错误，未显示，课程结束时暂不提供问答`,
          en: `the quiz with the id "${tour.quiz}" has errors and is left out, so the lesson ends without it`,
        },
      ];
    }
    const there = known.length > 0 ? known.join('、') : '（没有）';
    const thereEn = known.length > 0 ? known.join(', ') : '(none)';
    return [
      {
        severity: 'error',
        file,
        path,
        zh: `找不到 id 为 “${tour.quiz}” 的知识问答（quiz.json 里有：${there}）`,
        en: `no quiz has the id "${tour.quiz}" (quiz.json has: ${thereEn})`,
      },
    ];
  });
}

/** Every visitor-facing string of the loaded quizzes, with its JSON path in quiz.json (for font checks). */
export function locateQuizStrings(result: QuizLoadResult): Array<{ text: string; path: string }> {
  const out: Array<{ text: string; path: string }> = [];
  const push = (text: Quiz['title'], path: ReadonlyArray<PropertyKey>) => {
    const all = variants(text);
    all.forEach((variant, index) => {
      const key = typeof text === 'string' ? [] : [index === 0 ? 'zh' : 'en'];
      out.push({ text: variant, path: formatJsonPath([...path, ...key]) });
    });
  };
  const titled = new Set<number>();
  for (const { quizIndex, questionIndex, question } of result.placed) {
    const quiz = result.quizzes.find((candidate) => candidate.questions.includes(question));
    if (quiz && !titled.has(quizIndex)) {
      titled.add(quizIndex);
      push(quiz.title, ['quizzes', quizIndex, 'title']);
    }
    const path = ['quizzes', quizIndex, 'questions', questionIndex];
    push(question.prompt, [...path, 'prompt']);
    question.options.forEach((option, index) => {
      push(option.text, [...path, 'options', index, 'text']);
    });
    push(question.explanation, [...path, 'explanation']);
  }
  return out;
}
