/**
 * The quizzes' own wording (知识问答), in both languages, looked up with `quizText()` (which also
 * finds the shared `UI_STRINGS`). A table of its own, not spread into `UI_STRINGS`: it comes with
 * the quiz's screens (and the card, the text twin), out of the first load (issue 20, initial JS).
 * The words the first view's own screens show (the 知识问答 button, an unknown quiz's notice, the
 * directory's lesson link) stay in `UI_STRINGS`. The font subsetter carries these characters
 * (src/build/characters.ts). The questions themselves are content (assets/content/quiz.json),
 * localized with `localize`.
 */
import type { Lang } from './lang.ts';
import { textWithShared, type UiStringKey } from './strings.ts';

export const QUIZ_STRINGS = {
  quizClose: { zh: '关闭问答', en: 'Close the quiz' },
  quizListHint: {
    zh: '一题一题作答，答完看解析，可去展板上找答案。',
    en: 'One question at a time, with the explanation and the board that has the answer.',
  },
  quizQuestionCount: { zh: '{n} 道题', en: '{n} questions' },
  quizResume: { zh: '继续答题（第 {n} 题）', en: 'Go on (question {n})' },
  quizSeeResult: { zh: '查看成绩', en: 'See the result' },
  quizNone: { zh: '暂时没有知识问答。', en: 'There is no quiz yet.' },
  quizLoading: { zh: '正在载入问答…', en: 'Loading the quiz…' },
  quizLoadFailed: {
    zh: '知识问答暂时无法载入，请稍后再试。',
    en: 'The quizzes cannot be loaded just now; please try again later.',
  },
  quizRetry: { zh: '重试', en: 'Try again' },
  quizProgress: { zh: '第 {n} 题，共 {total} 题', en: 'Question {n} of {total}' },
  quizKindSingle: { zh: '单选题', en: 'Choose one' },
  quizKindMultiple: { zh: '多选题（选出全部正确答案）', en: 'Choose every correct answer' },
  quizKindTrueFalse: { zh: '判断题', en: 'True or false' },
  quizSubmit: { zh: '提交答案', en: 'Submit' },
  quizNext: { zh: '下一题', en: 'Next question' },
  quizCorrect: { zh: '回答正确！', en: 'Correct!' },
  quizWrong: { zh: '回答错误。', en: 'Not quite.' },
  quizAnswerIs: { zh: '正确答案：{answer}', en: 'The answer: {answer}' },
  quizYourChoice: { zh: '你的选择', en: 'your choice' },
  quizRightOption: { zh: '正确答案', en: 'correct answer' },
  quizExplanation: { zh: '解析', en: 'Explanation' },
  quizSeeBoard: { zh: '去看展板', en: 'See the board' },
  /** On the card opened by 去看展板: back to the same question. */
  quizBackToQuiz: { zh: '返回问答', en: 'Back to the quiz' },
  quizFinished: { zh: '答题完成', en: 'Quiz complete' },
  quizScoreSentence: { zh: '答对 {correct} 题，共 {total} 题', en: '{correct} of {total} correct' },
  quizReview: { zh: '逐题回顾', en: 'Question by question' },
  quizReviewCorrect: { zh: '答对', en: 'correct' },
  quizReviewWrong: { zh: '答错', en: 'wrong' },
  quizAgain: { zh: '再来一次', en: 'Try again' },
  quizBackToList: { zh: '返回问答列表', en: 'Back to the quizzes' },
  quizResultCard: { zh: '成绩卡', en: 'Result card' },
  quizNameLabel: {
    zh: '姓名（选填，只印在成绩卡上，本站不保存）',
    en: 'Name (optional; only on the card, never kept by this site)',
  },
  quizSaveImage: { zh: '保存为图片', en: 'Save as an image' },
  quizSaved: { zh: '成绩卡已保存为图片：{name}', en: 'The result card was saved as {name}' },
  quizSaveFailed: { zh: '无法生成图片，请改用打印。', en: 'The image could not be made; please print instead.' },
  quizPrint: { zh: '打印成绩卡', en: 'Print the card' },
  quizTextTwinHint: {
    zh: '问答是普通网页表单，可用键盘和读屏软件作答。',
    en: 'Each quiz is a plain web form, usable with a keyboard and a screen reader.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type QuizStringKey = keyof typeof QUIZ_STRINGS;

/** A key `quizText()` finds: the quizzes' own, or a shared interface string. */
export type QuizTextKey = QuizStringKey | UiStringKey;

/** A quiz string, or a shared interface string, with its `{name}` placeholders filled. */
export const quizText = textWithShared(QUIZ_STRINGS);
