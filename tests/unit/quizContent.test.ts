/**
 * 知识问答 content: every check on quiz.json with its own broken fixture (tests/fixtures/quiz/,
 * checked by the same entry point as `npm run check:content`), the shipped quizzes passing with
 * no problem at all, and quiz.json loading through the site's own reader (`fetchContentFile`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../src/build/checkContent.ts';
import { fsContentReader } from '../../src/build/fonts.ts';
import { contentJsonSchemas, jsonSchemaText, QUIZ_SCHEMA_FILE } from '../../src/content/jsonSchema.ts';
import { allPanels, fetchContentFile, loadExhibition } from '../../src/content/load.ts';
import { LANGS, variants } from '../../src/content/localize.ts';
import { type ContentProblem, formatProblem } from '../../src/content/problems.ts';
import { figuresOf, panelText } from '../../src/content/quizChecks.ts';
import { loadQuizzes } from '../../src/content/quizLoad.ts';
import { QUIZ_SCHEMA_REF, type Quiz } from '../../src/content/quizSchema.ts';
import type { Exhibition, Panel } from '../../src/content/schema.ts';

const FIXTURES = 'tests/fixtures/quiz';
const CONTENT = 'assets/content';

const check = (dir: string) => checkContent(join(dir, 'content'), dir);

/** [severity, file in assets/content/, JSON path, part of the Chinese, part of the English]. */
type Expected = [ContentProblem['severity'], string, string, string, string];

function expectProblems(problems: ContentProblem[], expected: Expected[]): void {
  expect(problems.map((problem) => [problem.severity, problem.file, problem.path])).toEqual(
    expected.map(([severity, file, path]) => [severity, `assets/content/${file}`, path]),
  );
  expected.forEach(([, , , zh, en], index) => {
    expect(problems[index]?.zh).toContain(zh);
    expect(problems[index]?.en).toContain(en);
  });
}

interface Case {
  dir: string;
  what: string;
  problems: Expected[];
}

const Q = 'quiz.json';

/** One folder each under tests/fixtures/quiz/. */
const CASES: Case[] = [
  // The panel a question names.
  {
    dir: 'panel-unknown',
    what: 'a question naming a panel id that no panel has',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[0].panel',
        '找不到 id 为 “wang-yanping-stats” 的展板',
        'no panel has the id "wang-yanping-stats"',
      ],
    ],
  },
  {
    dir: 'panel-deleted',
    what: 'the panel a question names deleted from its section file',
    problems: [
      ['error', Q, 'quizzes[1].questions[0].panel', '找不到 id 为 “party-affairs” 的展板', 'no panel has the id "party-affairs"'],
    ],
  },
  // No correct answer, or an impossible one.
  {
    dir: 'no-answer',
    what: 'an empty answer list',
    problems: [['error', Q, 'quizzes[0].questions[0].answer', '没有正确答案', 'no correct answer']],
  },
  {
    dir: 'single-two-answers',
    what: 'a single-choice question with two answers',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[0].answer',
        '单选题只能有一个正确答案（现在写了 2 个）',
        'a single-choice question has exactly one correct answer (this names 2)',
      ],
    ],
  },
  {
    dir: 'answer-not-an-option',
    what: 'an answer naming an option id the question does not have',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[0].answer[0]',
        '没有编号为 “c” 的选项（选项有：a、b）',
        'no option has the id "c" (the options are: a, b)',
      ],
    ],
  },
  {
    dir: 'answer-twice',
    what: 'a multiple-choice answer naming one option twice',
    problems: [['error', Q, 'quizzes[0].questions[1].answer[2]', '答案里 “a” 写了两次', 'the answer names "a" twice']],
  },
  {
    dir: 'true-false-three-options',
    what: 'a true-false question with a third option',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[2].options',
        '判断题正好两个选项："true" 和 "false"（现在有 3 个）',
        'a true-false question has exactly two options, "true" and "false" (this has 3)',
      ],
    ],
  },
  {
    dir: 'true-false-ids',
    what: 'a true-false question whose options are not "true" and "false"',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[2].options[0].id',
        '判断题的选项编号只能是 "true" 和 "false"（现在是 "yes"）',
        '(this is "yes")',
      ],
      ['error', Q, 'quizzes[0].questions[2].options[1].id', '（现在是 "no"）', '(this is "no")'],
    ],
  },
  {
    dir: 'true-false-two-answers',
    what: 'a true-false question answered both true and false',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[2].answer',
        '判断题只能有一个正确答案（现在写了 2 个）',
        'a true-false question has exactly one correct answer (this names 2)',
      ],
    ],
  },
  {
    dir: 'one-option',
    what: 'a question with a single option',
    problems: [
      [
        'error',
        Q,
        'quizzes[1].questions[0].options',
        '至少要有两个选项（现在有 1 个）',
        'a question needs at least two options (this has 1)',
      ],
    ],
  },
  // Duplicates.
  {
    dir: 'duplicate-quiz-id',
    what: 'two quizzes with one id',
    problems: [
      [
        'error',
        Q,
        'quizzes[1].id',
        '问答 id “fixture-lesson” 重复（已用于 quizzes[0]），此问答未显示',
        'duplicate quiz id "fixture-lesson"',
      ],
    ],
  },
  {
    dir: 'duplicate-question-id',
    what: 'a question id already used in another quiz of the file',
    problems: [
      [
        'error',
        Q,
        'quizzes[1].questions[0].id',
        '题目 id “wang-premises” 重复（已用于 quizzes[0].questions[0]），此题未显示',
        'duplicate question id "wang-premises"',
      ],
    ],
  },
  {
    dir: 'duplicate-option-id',
    what: 'two options of one question with one id',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[1].options[2].id',
        '选项编号 “a” 重复（已用于 options[0]）',
        'duplicate option id "a" (already used by options[0])',
      ],
    ],
  },
  {
    dir: 'duplicate-option-text',
    what: 'two options reading the same in English (the Chinese differs)',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[0].options[1].text.en',
        '选项文字 “204” 重复（和 options[0] 相同）',
        'duplicate option text "204" (the same as options[0])',
      ],
    ],
  },
  // The schema and the quiz as a whole.
  {
    dir: 'unknown-kind',
    what: 'a question kind that does not exist, the kinds named',
    problems: [
      [
        'error',
        Q,
        'quizzes[0].questions[0].kind',
        '题型 kind 必须是 single、multiple、true-false 之一（现在是 "essay"）',
        'kind must be one of single, multiple, true-false (it is "essay")',
      ],
    ],
  },
  {
    dir: 'empty-quiz',
    what: 'a quiz without questions is left out, and the tour naming it only warns',
    problems: [
      ['error', Q, 'quizzes[0].questions', '这套问答没有可用的题目，此问答未显示', 'this quiz has no usable question'],
      ['warning', 'exhibition.json', 'tours[0].quiz', '“fixture-lesson” 的知识问答有错误，未显示', 'has errors and is left out'],
    ],
  },
  {
    dir: 'tour-unknown-quiz',
    what: 'a tour naming a quiz id with a typo, the quiz ids there are named',
    problems: [
      [
        'error',
        'exhibition.json',
        'tours[0].quiz',
        '找不到 id 为 “fixture-lessons” 的知识问答（quiz.json 里有：fixture-lesson、fixture-visitors）',
        'no quiz has the id "fixture-lessons" (quiz.json has: fixture-lesson, fixture-visitors)',
      ],
    ],
  },
  // The answer's key text against its panel: warnings, the question stays.
  {
    dir: 'key-text-figure',
    what: 'a correct option whose Chinese figure (240) is not on the panel (204)',
    problems: [
      [
        'warning',
        Q,
        'quizzes[0].questions[0].options[0].text.zh',
        '正确答案的关键文字 “240” 不在展板 “wang-yanping-figures” 的中文文字里',
        'the correct answer\'s key text "240" is not in the Chinese text of the panel "wang-yanping-figures"',
      ],
    ],
  },
  {
    dir: 'key-text-figure-en',
    what: 'the same, in the English only',
    problems: [
      [
        'warning',
        Q,
        'quizzes[0].questions[0].options[0].text.en',
        '“240” 不在展板 “wang-yanping-figures” 的英文文字里',
        'is not in the English text of the panel "wang-yanping-figures"',
      ],
    ],
  },
  {
    dir: 'key-text-name',
    what: 'a correct option without figures whose words are not on the panel (三会两课 for 三会一课)',
    problems: [
      [
        'warning',
        Q,
        'quizzes[1].questions[0].options[0].text',
        '正确答案的关键文字 “三会两课” 不在展板 “party-affairs” 的中文文字里',
        '"三会两课" is not in the Chinese text',
      ],
    ],
  },
  {
    dir: 'true-statement-figure',
    what: 'a true statement whose year is not on its panel',
    problems: [
      [
        'warning',
        Q,
        'quizzes[0].questions[2].prompt',
        '判断题（正确的说法）里的数字 “1922” 不在展板 “cpc-founding-1921” 的中文文字里',
        'the true statement\'s figure "1922" is not in the Chinese text of the panel "cpc-founding-1921"',
      ],
    ],
  },
];

describe('quiz fixtures (checkContent, as npm run check:content)', () => {
  it('the valid starting point has no problems at all', async () => {
    expect(await check(join(FIXTURES, 'valid'))).toEqual([]);
  });

  it.each(CASES)('$dir: $what', async ({ dir, problems }) => {
    expectProblems(await check(join(FIXTURES, dir)), problems);
  });

  it('every problem of every case is a single line with Chinese and English text', async () => {
    for (const { dir } of CASES) {
      for (const problem of await check(join(FIXTURES, dir))) {
        expect(formatProblem(problem), dir).not.toMatch(/[\r\n]/);
        expect(problem.zh, dir).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.en, dir).toMatch(/[a-z]{3,}/);
      }
    }
  });

  it('a content set without quiz.json has no quizzes and no quiz problem', async () => {
    const dir = 'tests/fixtures/broken/valid/content';
    const { exhibition } = await loadExhibition(fsContentReader(dir));
    expect(await loadQuizzes(fsContentReader(dir), exhibition)).toEqual({ quizzes: [], problems: [], placed: [] });
  });
});

describe('what still loads', () => {
  const loadFixture = async (dir: string) => {
    const reader = fsContentReader(join(FIXTURES, dir, 'content'));
    return loadQuizzes(reader, (await loadExhibition(reader)).exhibition);
  };
  const questionIds = (quizzes: Quiz[]) => quizzes.map((quiz) => [quiz.id, quiz.questions.map((question) => question.id)]);

  it('the valid fixture loads both quizzes whole', async () => {
    expect(questionIds((await loadFixture('valid')).quizzes)).toEqual([
      ['fixture-lesson', ['wang-premises', 'wang-card', 'founding-shanghai']],
      ['fixture-visitors', ['party-affairs-board', 'wang-role']],
    ]);
  });

  it('a question with an error is left out, the rest of its quiz loads', async () => {
    expect(questionIds((await loadFixture('no-answer')).quizzes)).toEqual([
      ['fixture-lesson', ['wang-card', 'founding-shanghai']],
      ['fixture-visitors', ['party-affairs-board', 'wang-role']],
    ]);
    expect(questionIds((await loadFixture('panel-deleted')).quizzes)[1]).toEqual(['fixture-visitors', ['wang-role']]);
  });

  it('a question with only a warning stays', async () => {
    expect(questionIds((await loadFixture('key-text-figure')).quizzes)[0]).toEqual([
      'fixture-lesson',
      ['wang-premises', 'wang-card', 'founding-shanghai'],
    ]);
  });

  it('a duplicate quiz or an empty one is left out', async () => {
    expect(questionIds((await loadFixture('duplicate-quiz-id')).quizzes).map(([id]) => id)).toEqual(['fixture-lesson']);
    expect(questionIds((await loadFixture('empty-quiz')).quizzes).map(([id]) => id)).toEqual(['fixture-visitors']);
  });
});

describe('the shipped quizzes', () => {
  const shipped = async () => {
    const reader = fsContentReader(CONTENT);
    const { exhibition } = await loadExhibition(reader);
    return { exhibition: exhibition as Exhibition, ...(await loadQuizzes(reader, exhibition)) };
  };

  it('pass the whole content check with no error and no warning', async () => {
    const problems = await checkContent(CONTENT, 'assets');
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('load through the site’s own reader (fetchContentFile), the same as from disk', async () => {
    // The browser's reader fetches `<base>content/<name>`; this fetch serves assets/ as vite does.
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const path = url.replace(/^\.\//, '');
      try {
        return new Response(readFileSync(join('assets', path)));
      } catch {
        return new Response('not found', { status: 404 });
      }
    });
    const read = fetchContentFile('./');
    const { exhibition, problems } = await loadExhibition(read);
    const viaSite = await loadQuizzes(read, exhibition);
    expect(fetched).toContain('./content/quiz.json');
    expect([...problems, ...viaSite.problems]).toEqual([]);
    expect(viaSite.quizzes).toEqual((await shipped()).quizzes);
  });

  it('hold at least 20 questions in two quizzes: the new-recruits lesson’s, named by its tour, and one for visitors', async () => {
    const { quizzes, exhibition } = await shipped();
    expect(quizzes.map((quiz) => quiz.id)).toEqual(['new-recruits', 'corridor']);
    expect(quizzes.flatMap((quiz) => quiz.questions).length).toBeGreaterThanOrEqual(20);
    expect(exhibition.tours?.find((tour) => tour.id === 'new-recruits')?.quiz).toBe('new-recruits');
    for (const quiz of quizzes) {
      expect(new Set(quiz.questions.map((question) => question.kind)), quiz.id).toEqual(
        new Set(['single', 'multiple', 'true-false']),
      );
    }
  });

  it('have every text in Chinese and English', async () => {
    for (const quiz of (await shipped()).quizzes) {
      expect(variants(quiz.title)).toHaveLength(2);
      for (const question of quiz.questions) {
        const texts = [question.prompt, question.explanation, ...question.options.map((option) => option.text)];
        for (const text of texts) expect(variants(text), `${question.id}: ${JSON.stringify(text)}`).toHaveLength(2);
      }
    }
  });

  it('the lesson’s questions go mostly to the lesson’s own stops', async () => {
    const { quizzes, exhibition } = await shipped();
    const stops = new Set(exhibition.tours?.find((tour) => tour.id === 'new-recruits')?.stops.map((stop) => stop.panel));
    const lesson = quizzes.find((quiz) => quiz.id === 'new-recruits');
    expect(lesson?.questions.every((question) => stops.has(question.panel))).toBe(true);
  });

  it('invent no figures: every number in an explanation is on its panel, in the same language', async () => {
    const { quizzes, exhibition } = await shipped();
    const panels = new Map<string, Panel>(allPanels(exhibition).map((panel) => [panel.id, panel]));
    for (const question of quizzes.flatMap((quiz) => quiz.questions)) {
      const panel = panels.get(question.panel) as Panel;
      LANGS.forEach((lang, index) => {
        const explanation = variants(question.explanation)[index] ?? '';
        const onPanel = figuresOf(panelText(panel, lang));
        for (const figure of figuresOf(explanation)) {
          expect(onPanel, `${question.id} (${lang}): "${figure}" in "${explanation}"`).toContain(figure);
        }
      });
    }
  });

  it('quote the panels: each Chinese explanation shares most of its wording with its panel', async () => {
    const { quizzes, exhibition } = await shipped();
    const panels = new Map<string, Panel>(allPanels(exhibition).map((panel) => [panel.id, panel]));
    for (const question of quizzes.flatMap((quiz) => quiz.questions)) {
      const text = panelText(panels.get(question.panel) as Panel, 'zh');
      const zh = (variants(question.explanation)[0] ?? '').replace(/^(正确|错误)。/, '');
      // Two-character runs of Chinese in the explanation that also occur in the panel's own text.
      const pairs = Array.from(zh.matchAll(/(?=(\p{Script=Han}{2}))/gu), (match) => match[1] ?? '');
      const found = pairs.filter((pair) => text.includes(pair));
      expect(found.length / pairs.length, `${question.id}: ${zh}`).toBeGreaterThan(0.8);
    }
  });

  it('a true-false explanation starts by saying which it is, 正确 or 错误', async () => {
    for (const question of (await shipped()).quizzes.flatMap((quiz) => quiz.questions)) {
      if (question.kind !== 'true-false') continue;
      const [zh, en] = variants(question.explanation);
      const isTrue = question.answer[0] === 'true';
      expect(zh?.startsWith(isTrue ? '正确。' : '错误。'), question.id).toBe(true);
      expect(en?.startsWith(isTrue ? 'True.' : 'False.'), question.id).toBe(true);
    }
  });
});

describe('quiz.schema.json', () => {
  it('is up to date with src/content/quizSchema.ts, and quiz.json points at it', () => {
    const onDisk = readFileSync(join(CONTENT, QUIZ_SCHEMA_FILE), 'utf8');
    expect(
      onDisk === jsonSchemaText(contentJsonSchemas().quiz),
      `${CONTENT}/${QUIZ_SCHEMA_FILE} is stale: run \`npm run schema\``,
    ).toBe(true);
    expect(JSON.parse(readFileSync(join(CONTENT, 'quiz.json'), 'utf8')).$schema).toBe(QUIZ_SCHEMA_REF);
    expect(QUIZ_SCHEMA_REF).toBe(`./${QUIZ_SCHEMA_FILE}`);
  });

  it('describes a question as written, with hover text in Chinese and English', () => {
    // biome-ignore lint/suspicious/noExplicitAny: walking generated JSON Schema.
    const schema: any = contentJsonSchemas().quiz;
    const question = schema.definitions.QuizQuestion;
    expect(question.required).toEqual(['id', 'kind', 'prompt', 'options', 'answer', 'explanation', 'panel']);
    expect(question.properties.kind.enum).toEqual(['single', 'multiple', 'true-false']);
    expect(question.additionalProperties).toBe(false);
    for (const name of ['kind', 'prompt', 'options', 'answer', 'explanation', 'seconds', 'panel']) {
      expect(question.properties[name].description, name).toMatch(/[\u4e00-\u9fff][\s\S]*\n[\s\S]*[A-Za-z]{4,}/);
    }
    // biome-ignore lint/suspicious/noExplicitAny: walking generated JSON Schema.
    const exhibition: any = contentJsonSchemas().exhibition;
    expect(exhibition.definitions.Tour.properties.quiz.description).toContain('quiz.json');
  });

  it('the shipped quiz.json is valid against it (Ajv), a broken fixture is not', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(contentJsonSchemas().quiz);
    expect(validate(JSON.parse(readFileSync(join(CONTENT, 'quiz.json'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    const fixture = (dir: string) => JSON.parse(readFileSync(join(FIXTURES, dir, 'content', 'quiz.json'), 'utf8'));
    expect(validate(fixture('valid'))).toBe(true);
    expect(validate(fixture('unknown-kind'))).toBe(false);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});
