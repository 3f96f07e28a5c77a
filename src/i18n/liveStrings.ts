/**
 * The projector's live-lesson words (课堂互动, src/modes/present/live/). A file of their own
 * beside strings.ts while the house's strings move there.
 */

import type { LiveErrorCode } from '../live/protocol.ts';
import type { Lang } from './lang.ts';

const STRINGS = {
  liveButton: { zh: '课堂互动', en: 'Live lesson' },
  pinTitle: { zh: '开始课堂互动', en: 'Start a live lesson' },
  pinLabel: { zh: '讲解员密码（PIN）', en: 'Presenter PIN' },
  pinStart: { zh: '开始', en: 'Start' },
  cancel: { zh: '取消', en: 'Cancel' },
  joinHeading: { zh: '用手机扫码，跟着讲解看展板', en: 'Scan to follow the lesson on your phone' },
  joinCodeLabel: { zh: '课堂码', en: 'Lesson code' },
  joinedCount: { zh: '已加入 {n} 人', en: '{n} joined' },
  followingCount: { zh: '{n} 人跟随讲解', en: '{n} following' },
  qrAlt: { zh: '加入课堂的二维码', en: 'QR code to join the lesson' },
  hideCard: { zh: '隐藏', en: 'Hide' },
  gather: { zh: '集合', en: 'Gather' },
  endLesson: { zh: '结束课堂', en: 'End the lesson' },
  reconnecting: { zh: '与课堂服务器的连接中断，正在重新连接…', en: 'Lost the lesson server; reconnecting…' },
  roster: { zh: '参加者', en: 'Participants' },
  anonymous: { zh: '（未填昵称）', en: '(no nickname)' },
  // The presenter may keep the audience's nicknames off the projector: each is then a number.
  hideNicknames: { zh: '隐藏昵称', en: 'Hide nicknames' },
  participantNumber: { zh: '观众 {n}', en: 'Participant {n}' },
  rosterFollowing: { zh: '跟随讲解', en: 'following' },
  rosterFree: { zh: '自由参观', en: 'looking around' },
  rosterOffline: { zh: '离线', en: 'offline' },
  remove: { zh: '移出', en: 'Remove' },
  // 课堂互动 in the presenter view (the presenter's own screen, not the room's).
  removeParticipant: { zh: '移出 {name}', en: 'Remove {name}' },
  confirmRemove: { zh: '确认移出 {name}', en: 'Yes, remove {name}' },
  noParticipants: { zh: '还没有人加入。', en: 'Nobody has joined yet.' },
  nicknamesHiddenOnProjector: {
    zh: '投影上不显示昵称，观众以编号显示。',
    en: 'The projector shows numbers instead of nicknames.',
  },
  // 竞赛成绩 in the presenter view: past lessons' contest results (CSV, printed sheet).
  resultsHeading: { zh: '竞赛成绩', en: 'Contest results' },
  resultsShow: { zh: '查看成绩', en: 'Show results' },
  resultsLoading: { zh: '正在读取…', en: 'Loading…' },
  resultsHide: { zh: '收起成绩', en: 'Hide results' },
  resultsNone: { zh: '还没有进行过知识竞赛的课堂。', en: 'No lesson has run a contest yet.' },
  resultsLessons: { zh: '往期课堂', en: 'Past lessons' },
  resultsLessonLine: { zh: '{when} · 课堂码 {code} · {n} 人参加', en: '{when} · code {code} · {n} took part' },
  resultsContestLine: { zh: '{title} · 共 {n} 题', en: '{title} · {n} questions' },
  resultsUnfinished: { zh: '（未进行完）', en: '(not finished)' },
  resultsDownloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  resultsPrintSheet: { zh: '打印成绩单', en: 'Print results sheet' },
  resultsSheetTitle: { zh: '知识竞赛成绩单', en: 'Contest results sheet' },
  resultsSheetLesson: { zh: '{tour} · {when} · 课堂码 {code}', en: '{tour} · {when} · code {code}' },
  resultsSheetContest: { zh: '{title} · 开始 {when}', en: '{title} · started {when}' },
  resultsStandingsCaption: { zh: '成绩排名', en: 'Standings' },
  resultsQuestionsCaption: { zh: '各题情况', en: 'Questions' },
  resultsRank: { zh: '名次', en: 'Rank' },
  resultsParticipant: { zh: '学员', en: 'Participant' },
  resultsParticipantNumber: { zh: '学员 {n}', en: 'Participant {n}' },
  resultsNickname: { zh: '昵称', en: 'Nickname' },
  resultsPoints: { zh: '得分', en: 'Points' },
  resultsCorrect: { zh: '答对', en: 'Correct' },
  resultsQuestionNumber: { zh: '题号', en: 'No.' },
  resultsQuestionColumn: { zh: '第 {n} 题', en: 'Q{n}' },
  resultsCorrectAnswer: { zh: '正确答案', en: 'Correct answer' },
  resultsAnswered: { zh: '作答', en: 'Answered' },
  resultsRate: { zh: '正确率', en: 'Correct rate' },
  resultsRemoved: { zh: '（已移出）', en: '(removed)' },
  resultsMarkCorrect: { zh: '✓', en: '✓' },
  // × rather than the CSV's ✗: the interface font (Noto Sans SC) has no ✗.
  resultsMarkWrong: { zh: '×', en: '×' },
  resultsMarkCorrectWord: { zh: '答对', en: 'right' },
  resultsMarkWrongWord: { zh: '答错', en: 'wrong' },
  resultsMarkNoneWord: { zh: '未作答', en: 'no answer' },
  resultsNotAsked: { zh: '未出题', en: 'not asked' },
  resultsPrint: { zh: '打印', en: 'Print' },
  resultsClose: { zh: '关闭', en: 'Close' },
  resultsOffline: { zh: '连不上课堂服务器。', en: 'Cannot reach the lesson server.' },
  resultsFailed: { zh: '无法读取成绩（{error}）。', en: 'Could not read the results ({error}).' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Every word of 课堂互动, for the interface font's character subset (src/build/characters.ts). */
export function liveFontStrings(): string[] {
  return [...Object.values(STRINGS), ...Object.values(ERRORS)].flatMap((entry) => (entry ? [entry.zh, entry.en] : []));
}

/** A string with its `{n}`, `{name}` filled in (a name is text: the caller renders the result as text). */
export function liveText(key: keyof typeof STRINGS, lang: Lang, values: Record<string, number | string> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const ERRORS: Partial<Record<LiveErrorCode, Record<Lang, string>>> = {
  'wrong-pin': { zh: '密码不对。', en: 'Wrong PIN.' },
  locked: { zh: '错误次数太多，请稍后再试。', en: 'Too many wrong PINs; try again later.' },
  'pin-not-configured': { zh: '本机没有设置讲解员密码。', en: 'This station has no presenter PIN.' },
  'unknown-tour': { zh: '服务器上没有这条讲解路线。', en: 'The server does not have this tour.' },
  'no-build': { zh: '服务器还在构建展览，请稍候。', en: 'The server is still building the exhibition.' },
  'session-ended': { zh: '课堂已结束。', en: 'The lesson has ended.' },
  'too-many-sessions': { zh: '同时进行的课堂太多。', en: 'Too many lessons at once.' },
  'rate-limited': { zh: '请求太频繁，请稍后再试。', en: 'Too many requests; try again shortly.' },
  'server-error': { zh: '服务器出错了，请稍后再试。', en: 'The server had an error; try again shortly.' },
  'no-contest': { zh: '这节课没有进行知识竞赛。', en: 'This lesson ran no contest.' },
  'not-found': { zh: '服务器上没有这节课。', en: 'The server does not have this lesson.' },
};

export function liveErrorText(error: LiveErrorCode, lang: Lang): string {
  return ERRORS[error]?.[lang] ?? (lang === 'zh' ? `无法开始课堂（${error}）。` : `Could not start the lesson (${error}).`);
}

/** Why the presenter's results could not be read, in words (`offline`: the station did not answer at all). */
export function resultsErrorText(error: LiveErrorCode | 'offline', lang: Lang): string {
  if (error === 'offline') return liveText('resultsOffline', lang);
  return ERRORS[error]?.[lang] ?? liveText('resultsFailed', lang, { error });
}
