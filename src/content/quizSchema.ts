/**
 * The shape of `assets/content/quiz.json` (知识问答): quizzes, their questions and options. Like
 * schema.ts, the one source of the quiz types and of `quiz.schema.json` for editors.
 *
 * What a JSON Schema cannot say (an answer that names an option, ids unique across the file, a
 * question's panel existing, the answer's key text being on that panel) is checked by
 * quizChecks.ts and reported like every other content problem.
 */
import { z } from 'zod';
import { hint, idSchema, localizedText, textHint } from './schema.ts';

/** The longest quiz texts, in characters of the Chinese (English: three times as long). */
export const QUIZ_TEXT_LIMITS = {
  title: 60,
  prompt: 200,
  option: 60,
  explanation: 400,
} as const;

/** Seconds a timed question may run (projector countdown); outside this a countdown is useless. */
export const QUESTION_SECONDS = { min: 5, max: 600 } as const;

export const QUESTION_KINDS = ['single', 'multiple', 'true-false'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * The two option ids a true-false question uses. Fixed ids say which option means "true", so the
 * check can read a true statement's figures against the panel, and every screen can put 对 before 错.
 */
export const TRUE_FALSE_IDS = ['true', 'false'] as const;

export const QUIZ_FILE = 'quiz.json';
export const QUIZ_SCHEMA_REF = './quiz.schema.json';

const quizText = (limit: keyof typeof QUIZ_TEXT_LIMITS, name: string, nameEn: string, zh: string, en: string) =>
  localizedText(QUIZ_TEXT_LIMITS[limit]).meta(textHint(name, nameEn, zh, en, QUIZ_TEXT_LIMITS[limit]));

export const quizOptionSchema = z
  .strictObject({
    id: idSchema.meta(
      hint(
        '选项编号 Option id',
        '选项的编号，同一题内不能重复，例如 "a"、"b"；判断题用 "true" 和 "false"。答案 answer 写的就是它。',
        'The option\'s id, unique within the question, e.g. "a", "b"; true-false questions use "true" and "false". The answer names it.',
      ),
    ),
    text: quizText('option', '选项', 'Option', '选项的文字。', 'The text of the option.'),
  })
  .meta({ id: 'QuizOption', ...hint('选项 Option', '一个选项：编号和文字。', 'One option: its id and text.') });
export type QuizOption = z.infer<typeof quizOptionSchema>;

export const quizQuestionSchema = z
  .strictObject({
    id: idSchema.meta(
      hint(
        '题目编号 Question id',
        '题目的编号，整个 quiz.json 里不能重复（统计每道题的正确率靠它），例如 "zunyi-year"。',
        'The question\'s id, unique in the whole quiz.json (statistics count each question by it), e.g. "zunyi-year".',
      ),
    ),
    kind: z
      .enum(QUESTION_KINDS)
      .meta(
        hint(
          '题型 Kind',
          '题型："single"（单选，只有一个正确答案）、"multiple"（多选，要全部选对）或 "true-false"（判断，选项写 "true" 和 "false"）。',
          'The kind: "single" (one correct option), "multiple" (every correct option, and only those) or "true-false" (options "true" and "false").',
        ),
      ),
    prompt: quizText(
      'prompt',
      '题目',
      'Prompt',
      '题干：问的问题，或判断题要判断的一句话。',
      'The question, or the statement to judge.',
    ),
    options: z
      .array(quizOptionSchema)
      .meta(
        hint(
          '选项 Options',
          '选项，至少两个，编号和文字都不能重复。判断题正好两个：{ "id": "true", "text": "正确" } 和 { "id": "false", "text": "错误" }。',
          'The options, at least two, with no id or text twice. A true-false question has exactly two: { "id": "true", … } and { "id": "false", … }.',
        ),
      ),
    answer: z
      .array(idSchema)
      .meta(
        hint(
          '正确答案 Answer',
          '正确选项的编号列表，例如 [ "b" ]；单选和判断题只写一个，多选题写全部正确的选项。',
          'The ids of the correct options, e.g. [ "b" ]: one for single and true-false questions, every correct one for multiple.',
        ),
      ),
    explanation: quizText(
      'explanation',
      '解析',
      'Explanation',
      '答完后显示的解析，引用或转述展板上的原文。',
      "Shown after answering: quote or paraphrase the panel's own text.",
    ),
    /** For timed play (the projector's countdown); untimed without it. */
    seconds: z
      .number()
      .int()
      .min(QUESTION_SECONDS.min)
      .max(QUESTION_SECONDS.max)
      .optional()
      .meta(
        hint(
          '答题秒数 Seconds',
          `限时答题时这道题的秒数（${QUESTION_SECONDS.min}–${QUESTION_SECONDS.max}）；不写就不限时。`,
          `Seconds for this question in timed play (${QUESTION_SECONDS.min}–${QUESTION_SECONDS.max}); untimed when left out.`,
        ),
      ),
    panel: idSchema.meta(
      hint(
        '依据展板 Panel',
        '答案所依据的展板 id：正确答案必须写在这块展板上（中文和英文都要有）。答题后“去看展板”打开它。',
        'The id of the panel whose text supports the answer (in Chinese and in English). “去看展板” after answering opens it.',
      ),
    ),
  })
  .meta({
    id: 'QuizQuestion',
    ...hint(
      '题目 Question',
      '一道题：题型、题干、选项、答案、解析和依据的展板。',
      'One question: kind, prompt, options, answer, explanation, panel.',
    ),
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

const quizShape = {
  id: idSchema.meta(
    hint(
      '问答编号 Quiz id',
      '问答的编号，不能重复；它会成为链接 #/quiz/<id>，讲解路线用 quiz 字段写它。',
      'The quiz id, unique; it becomes the link #/quiz/<id>, and a tour names it in its quiz field.',
    ),
  ),
  title: quizText('title', '问答名称', 'Quiz title', '知识问答的名称。', "The quiz's title."),
};

/** A quiz as the site uses it: every question passed its checks. */
export const quizSchema = z
  .strictObject({
    ...quizShape,
    questions: z.array(quizQuestionSchema).meta(hint('题目 Questions', '问答的题目，按顺序。', 'The questions, in order.')),
  })
  .meta({ id: 'Quiz', ...hint('知识问答 Quiz', '一套知识问答。', 'One quiz.') });
export type Quiz = z.infer<typeof quizSchema>;

/**
 * A quiz as the loader first reads it: questions are checked one by one, so a broken question is
 * left out and the rest of its quiz still loads.
 */
export const quizShellSchema = z.strictObject({ ...quizShape, questions: z.array(z.unknown()) });

/** The file as the loader first reads it: quizzes are checked one by one. */
export const quizFileSchema = z.strictObject({
  $schema: z.string().optional(),
  quizzes: z.array(z.unknown()),
});

/** quiz.json as editors see it: the source of `quiz.schema.json`. */
export const quizFileFullSchema = z
  .strictObject({
    $schema: z
      .literal(QUIZ_SCHEMA_REF)
      .optional()
      .meta(
        hint(
          '$schema',
          `让编辑器（如 VS Code）提供自动补全和检查，请保持为 "${QUIZ_SCHEMA_REF}"。`,
          `Lets editors such as VS Code autocomplete and check this file; keep it "${QUIZ_SCHEMA_REF}".`,
        ),
      ),
    quizzes: z.array(quizSchema).meta(hint('知识问答 Quizzes', '全部知识问答。', 'All the quizzes.')),
  })
  .meta(
    hint(
      '知识问答文件 Quiz file',
      '知识问答文件 quiz.json：每道题都要写明依据哪块展板。',
      'quiz.json: the quizzes; every question names the panel that supports its answer.',
    ),
  );
