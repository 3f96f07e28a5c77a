/**
 * The pieces of the quiz checks on their own: what a key text is, what a panel's text is, and
 * each check of one question given in code (the fixtures in quizContent.test.ts go through files).
 */
import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  foldWords,
  keyTextOnPanel,
  keyTexts,
  keyTextWarnings,
  panelText,
  questionErrors,
} from '../../src/content/quizChecks.ts';
import { type QuizQuestion, quizQuestionSchema } from '../../src/content/quizSchema.ts';
import { type Panel, panelSchema } from '../../src/content/schema.ts';

const FILE = 'assets/content/quiz.json';
const PATH = ['quizzes', 0, 'questions', 3];

const stats = panelSchema.parse({
  id: 'wang-yanping-figures',
  kind: 'stats',
  title: { zh: '王彦平的监督检查', en: "Wang Yanping's Inspections" },
  since: '2021-06-01',
  stats: [
    { label: { zh: '发现隐患', en: 'Hazards found' }, value: 246, unit: { zh: '处', en: 'hazards' } },
    { label: '处罚', value: 15 },
  ],
  source: { zh: '来源 1999', en: 'Source 1999' },
});
const member = panelSchema.parse({
  id: 'peng',
  kind: 'member',
  title: { zh: '抗美援朝', en: 'Aiding Korea' },
  date: '1950-10',
  people: [{ name: { zh: '彭德怀', en: 'Peng Dehuai' }, role: '志愿军司令员' }],
  // Sample figures only (not history): a thousands comma, and full-width digits in the English.
  body: [{ zh: '示例数字：128,000。', en: 'Sample figure: １２８,０００.' }],
});

const question = (fields: Partial<QuizQuestion> & Pick<QuizQuestion, 'kind' | 'options' | 'answer'>): QuizQuestion =>
  quizQuestionSchema.parse({ id: 'q', prompt: '题目', explanation: '解析', panel: 'peng', ...fields });
const panels = new Map<string, Panel>([
  [stats.id, stats],
  [member.id, member],
]);

describe('key text', () => {
  it('is the figures when there are any: digit runs, full-width read as ASCII, thousands commas dropped', () => {
    expect(figuresOf('1921年7月23日')).toEqual(['1921', '7', '23']);
    expect(figuresOf('１９４９年')).toEqual(['1949']);
    expect(figuresOf('12.8万个, 128,000 villages, 98.99 million')).toEqual(['12.8', '128000', '98.99']);
    expect(keyTexts('246处')).toEqual([{ kind: 'figure', text: '246' }]);
  });

  it('is the folded words otherwise: NFKC, lower case, letters and digits only', () => {
    expect(foldWords('“Tian’anmen Square”，')).toBe('tiananmensquare');
    expect(keyTexts('理论、组织、能力、廉政')).toEqual([{ kind: 'words', text: '理论组织能力廉政' }]);
    expect(keyTexts('……')).toEqual([]);
  });

  it('matches a figure only as a whole run, and words anywhere in the folded text', () => {
    expect(keyTextOnPanel({ kind: 'figure', text: '11' }, '211 家')).toBe(false);
    expect(keyTextOnPanel({ kind: 'figure', text: '211' }, '共211家')).toBe(true);
    expect(keyTextOnPanel({ kind: 'words', text: 'pengdehuai' }, 'led by Peng Dehuai, crossed')).toBe(true);
    expect(keyTextOnPanel({ kind: 'words', text: 'hedehuai' }, 'led by Peng Dehuai, crossed')).toBe(false);
  });
});

describe('a panel’s text', () => {
  it('holds what the board and card show, in the language asked, dates and figures as shown; not the source line', () => {
    const zh = panelText(stats, 'zh');
    expect(zh).toContain('王彦平的监督检查');
    expect(zh).toContain('2021年6月1日');
    expect(zh).toContain('发现隐患');
    expect(zh).toContain('246');
    expect(zh).not.toContain('1999');
    const en = panelText(stats, 'en');
    expect(en).toContain('1 June 2021');
    expect(en).toContain('Hazards found');
    // A field without English is read in Chinese in either language.
    expect(en).toContain('处罚');
    expect(panelText(member, 'en')).toContain('Peng Dehuai');
    expect(panelText(member, 'en')).toContain('October 1950');
    expect(panelText(member, 'zh')).toContain('志愿军司令员');
  });
});

describe('questionErrors', () => {
  const options = [
    { id: 'a', text: { zh: '彭德怀', en: 'Peng Dehuai' } },
    { id: 'b', text: { zh: '贺龙', en: 'He Long' } },
  ];
  const errorsOf = (q: QuizQuestion, known: ReadonlyMap<string, Panel> | null = panels) =>
    questionErrors(FILE, PATH, q, known).map((problem) => [problem.severity, problem.file, problem.path]);

  it('has none for a sound question of each kind', () => {
    expect(errorsOf(question({ kind: 'single', options, answer: ['a'] }))).toEqual([]);
    expect(errorsOf(question({ kind: 'multiple', options, answer: ['a', 'b'] }))).toEqual([]);
    const trueFalse = [
      { id: 'true', text: '正确' },
      { id: 'false', text: '错误' },
    ];
    expect(errorsOf(question({ kind: 'true-false', options: trueFalse, answer: ['false'] }))).toEqual([]);
  });

  it('names the field of each fault', () => {
    const at = (path: string) => [['error', FILE, `quizzes[0].questions[3].${path}`]];
    expect(errorsOf(question({ kind: 'single', options, answer: ['a'], panel: 'nobody' }))).toEqual(at('panel'));
    expect(errorsOf(question({ kind: 'multiple', options, answer: [] }))).toEqual(at('answer'));
    expect(errorsOf(question({ kind: 'single', options, answer: ['b', 'a'] }))).toEqual(at('answer'));
    expect(errorsOf(question({ kind: 'single', options, answer: ['z'] }))).toEqual(at('answer[0]'));
    expect(errorsOf(question({ kind: 'multiple', options: options.slice(0, 1), answer: ['a'] }))).toEqual(at('options'));
    expect(errorsOf(question({ kind: 'true-false', options, answer: ['a'] }))).toEqual([
      ['error', FILE, 'quizzes[0].questions[3].options[0].id'],
      ['error', FILE, 'quizzes[0].questions[3].options[1].id'],
    ]);
    const twice = [...options, { id: 'c', text: { zh: '彭 德 怀', en: 'Someone else' } }];
    expect(errorsOf(question({ kind: 'single', options: twice, answer: ['a'] }))).toEqual(at('options[2].text.zh'));
  });

  it('cannot check the panel when the exhibition did not load, and does not call it missing', () => {
    expect(errorsOf(question({ kind: 'single', options, answer: ['a'], panel: 'nobody' }), null)).toEqual([]);
  });
});

describe('keyTextWarnings', () => {
  const warningsOf = (q: QuizQuestion, panel: Panel = member) =>
    keyTextWarnings(FILE, PATH, q, panel).map((problem) => [problem.severity, problem.path]);
  const trueFalse = [
    { id: 'true', text: '正确' },
    { id: 'false', text: '错误' },
  ];

  it('checks only the correct options, in each language they have', () => {
    const options = [
      { id: 'a', text: { zh: '彭德怀', en: 'Peng Dehuai' } },
      { id: 'b', text: { zh: '麦克阿瑟', en: 'MacArthur' } },
    ];
    expect(warningsOf(question({ kind: 'single', options, answer: ['a'] }))).toEqual([]);
    expect(warningsOf(question({ kind: 'single', options, answer: ['b'] }))).toEqual([
      ['warning', 'quizzes[0].questions[3].options[1].text.zh'],
      ['warning', 'quizzes[0].questions[3].options[1].text.en'],
    ]);
    // Full-width and thousands commas as the panel writes them: 128,000 is there in both.
    const figures = [
      { id: 'a', text: { zh: '128000', en: '128,000' } },
      { id: 'b', text: '5' },
    ];
    expect(warningsOf(question({ kind: 'single', options: figures, answer: ['a'] }))).toEqual([]);
  });

  it('reads a true statement’s figures against the panel, and leaves a false statement alone', () => {
    const prompt = { zh: '1950年10月，志愿军赴朝作战。', en: 'In October 1951 the Volunteers went to Korea.' };
    expect(warningsOf(question({ kind: 'true-false', prompt, options: trueFalse, answer: ['true'] }))).toEqual([
      ['warning', 'quizzes[0].questions[3].prompt.en'],
    ]);
    expect(warningsOf(question({ kind: 'true-false', prompt, options: trueFalse, answer: ['false'] }))).toEqual([]);
  });

  it('says which key text is missing from which panel, in both languages of the message', () => {
    const options = [
      { id: 'a', text: '250处' },
      { id: 'b', text: '246处' },
    ];
    const [warning] = keyTextWarnings(FILE, PATH, question({ kind: 'single', options, answer: ['a'] }), stats);
    expect(warning?.zh).toBe('正确答案的关键文字 “250” 不在展板 “wang-yanping-figures” 的中文文字里，请核对答案是否有展板依据');
    expect(warning?.en).toBe(
      'the correct answer\'s key text "250" is not in the Chinese text of the panel "wang-yanping-figures"; check that the panel supports the answer',
    );
  });
});
