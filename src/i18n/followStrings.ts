/**
 * The follower page's words (src/modes/follow/), in both languages; each phone shows them in its
 * own language. A file of their own beside strings.ts while the house's strings move there.
 */

import type { LiveErrorCode } from '../live/protocol.ts';
import type { Lang } from './lang.ts';

const STRINGS = {
  joinTitle: { zh: '加入课堂', en: 'Join the lesson' },
  joinIntro: { zh: '跟着讲解员，在手机上看每一站的展板。', en: "Follow the guide: each stop's board on your phone." },
  codeLabel: { zh: '课堂码（六位数字，见大屏幕）', en: 'Lesson code (six digits, on the big screen)' },
  nicknameLabel: { zh: '昵称（可不填，最多 12 个字）', en: 'Nickname (optional, up to 12 characters)' },
  join: { zh: '加入', en: 'Join' },
  connecting: { zh: '正在连接课堂…', en: 'Connecting to the lesson…' },
  reconnecting: { zh: '连接中断，正在重新连接…', en: 'Connection lost; reconnecting…' },
  loadingContent: { zh: '正在载入展览内容…', en: 'Loading the exhibition…' },
  lookAtScreen: { zh: '请看大屏幕', en: 'Please look at the big screen' },
  lookAtScreenDetail: { zh: '讲解员正在大屏幕上讲解。', en: 'The guide is speaking to the room.' },
  freeLook: { zh: '自由参观', en: 'Look around' },
  backToGuide: { zh: '回到讲解', en: 'Back to the guide' },
  guideStop: { zh: '讲解进度', en: 'Lesson progress' },
  allBoards: { zh: '全部展板', en: 'All boards' },
  boardList: { zh: '展板列表', en: 'Board list' },
  missingPanel: {
    zh: '这一站的展板不在本机的展览内容中（展览可能刚更新）。',
    en: "This stop's board is not in the exhibition this phone loaded (it may just have been updated).",
  },
  youAre: { zh: '你的昵称：', en: 'Your nickname: ' },
  joinAgain: { zh: '重新加入', en: 'Join again' },
  enterOtherCode: { zh: '输入其他课堂码', en: 'Enter another code' },
  view3d: { zh: '3D 展厅', en: '3D view' },
  loading3d: { zh: '正在载入 3D 展厅…', en: 'Loading the 3D corridor…' },
  lookAroundHint: {
    zh: '拖动可环顾四周，点按展板即可阅读，点按地面可走过去。',
    en: 'Drag to look around, tap a board to read it, tap the floor to walk there.',
  },
  // 知识竞赛 (the live quiz contest). ✓ and × are in the strings so the font subsetter keeps them.
  contestQuestionOf: { zh: '知识竞赛 · 第 {n} 题 / {total}', en: 'Quiz contest · question {n} of {total}' },
  contestFinal: { zh: '知识竞赛 · 最终排名', en: 'Quiz contest · final standings' },
  contestLoading: { zh: '正在载入竞赛题目…', en: 'Loading the questions…' },
  contestMissingQuiz: {
    zh: '本机载入的展览内容中没有这道竞赛题（展览可能刚更新），请看大屏幕。',
    en: 'This question is not in the exhibition this phone loaded (it may just have been updated): please look at the big screen.',
  },
  contestKindSingle: { zh: '单选', en: 'Choose one' },
  contestKindMultiple: { zh: '多选（选出全部正确答案）', en: 'Choose every correct answer' },
  contestKindTrueFalse: { zh: '判断', en: 'True or false' },
  contestSecondsLeft: { zh: '还剩 {n} 秒', en: '{n} s left' },
  contestTimeUp: { zh: '时间到', en: 'Time is up' },
  contestTimeUpWaiting: { zh: '时间到，等待揭晓答案', en: 'Time is up; the answer comes next' },
  contestOptions: { zh: '选项', en: 'Options' },
  contestSubmit: { zh: '提交', en: 'Submit' },
  contestSending: { zh: '正在提交…', en: 'Sending…' },
  contestSubmitted: { zh: '已提交，等待揭晓', en: 'Sent; the answer comes next' },
  contestYourChoice: { zh: '你的选择', en: 'your choice' },
  contestAnsweredCount: { zh: '已有 {answered} / {eligible} 人作答', en: '{answered} of {eligible} have answered' },
  contestNotEligible: {
    zh: '本题开始后加入，下一题起参加',
    en: 'You joined after this question began: you play from the next one',
  },
  contestNotEligibleResult: { zh: '本题开始后加入，不计分', en: 'You joined after this question began: not scored' },
  contestCorrect: { zh: '✓ 回答正确 +{points} 分', en: '✓ Correct, +{points} points' },
  contestWrong: { zh: '× 回答错误', en: '× Wrong' },
  contestNoAnswer: { zh: '未作答', en: 'No answer' },
  contestCorrectOption: { zh: '✓ 正确答案', en: '✓ correct' },
  contestExplanation: { zh: '解析', en: 'Explanation' },
  contestPoints: { zh: '总分 {points} 分', en: '{points} points in all' },
  contestPlace: { zh: '第 {rank} 名', en: 'Place {rank}' },
  contestPlaceOf: { zh: '第 {rank} 名 / 共 {of} 人', en: 'Place {rank} of {of}' },
  contestOf: { zh: '共 {of} 人', en: 'of {of}' },
  contestLeaderboard: { zh: '请看大屏幕的排行榜', en: 'The leaderboard is on the big screen' },
  contestOver: { zh: '知识竞赛结束', en: 'The contest is over' },
  contestThanks: { zh: '感谢你的参与！', en: 'Thank you for taking part!' },
  contestFirst: { zh: '恭喜你获得冠军！', en: 'Congratulations: you came first!' },
  contestSecond: { zh: '恭喜你获得亚军！', en: 'Congratulations: you came second!' },
  contestThird: { zh: '恭喜你获得季军！', en: 'Congratulations: you came third!' },
  contestRefused: { zh: '未能提交（{error}），请再试一次。', en: 'The answer did not go through ({error}); try again.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FollowStringKey = keyof typeof STRINGS;

/** Every word of the follower page, for the interface font's character subset (src/build/characters.ts). */
export function followFontStrings(): string[] {
  return [...Object.values(STRINGS), ...Object.values(ERRORS), ...Object.values(CONTEST_ERRORS)].flatMap((entry) =>
    entry ? [entry.zh, entry.en] : [],
  );
}

/** A phone string, its `{name}` places filled from `values`. */
export function followText(key: FollowStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

const ERRORS: Partial<Record<LiveErrorCode, Record<Lang, string>>> = {
  'unknown-code': {
    zh: '没有找到这个课堂码的课堂：请核对大屏幕上的六位数字（课堂也可能已经结束）。',
    en: 'No lesson has this code: check the six digits on the big screen (the lesson may also have ended).',
  },
  'bad-code': { zh: '课堂码是六位数字。', en: 'A lesson code is six digits.' },
  'rate-limited': { zh: '尝试次数太多，请稍等片刻再试。', en: 'Too many tries; wait a moment and try again.' },
  'session-ended': { zh: '这堂课已经结束，谢谢参加。', en: 'This lesson has ended. Thank you for taking part.' },
  removed: { zh: '讲解员已将你移出本课堂。', en: 'The guide removed you from this lesson.' },
  'session-full': { zh: '这堂课的人数已满。', en: 'This lesson is full.' },
  'bad-request': {
    zh: '昵称不能含有控制字符，最多 12 个字。',
    en: 'A nickname has at most 12 characters and no control characters.',
  },
};

/** A refusal in words (an unforeseen code is still named, so staff can look it up). */
export function followErrorText(error: LiveErrorCode, lang: Lang): string {
  const known = ERRORS[error];
  if (known) return known[lang];
  return lang === 'zh'
    ? `暂时无法加入课堂（${error}），请稍后再试。`
    : `Could not join the lesson (${error}); try again shortly.`;
}

/** Why the server refused a contest answer, in words. */
const CONTEST_ERRORS: Partial<Record<LiveErrorCode, Record<Lang, string>>> = {
  'too-late': { zh: '时间到，未能提交', en: 'Time was up: the answer did not count' },
  'already-answered': { zh: '这道题已经提交过答案', en: 'You had already answered this question' },
  'not-eligible': {
    zh: '本题开始后加入，下一题起参加',
    en: 'You joined after this question began: you play from the next one',
  },
  'wrong-question': { zh: '题目已经换了，请看新的题目', en: 'The question has changed: see the new one' },
  'no-contest': { zh: '知识竞赛已经结束', en: 'The contest is over' },
  'rate-limited': { zh: '提交太频繁，请稍等再试', en: 'Too many tries; wait a moment and try again' },
};

/** A refused answer in words (an unforeseen code is still named, so staff can look it up). */
export function contestErrorText(error: LiveErrorCode, lang: Lang): string {
  const known = CONTEST_ERRORS[error];
  if (known) return known[lang];
  return followText('contestRefused', lang, { error });
}
