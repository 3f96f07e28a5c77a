/**
 * The lobby kiosk's own wording, in both languages, looked up with `kioskText()` (which also finds
 * the shared `UI_STRINGS`). A table of its own, not spread into `UI_STRINGS`: it comes with the
 * kiosk's code, out of every other mode's first load (issue 20, initial JS). The font subsetter
 * carries its characters (src/build/characters.ts): a kiosk PC often has no Chinese system font,
 * and a missing glyph would show as an empty box.
 */
import type { Lang } from './lang.ts';
import { textWithShared } from './strings.ts';

export const KIOSK_STRINGS = {
  /** The attract screen is bilingual: 开始参观 large, "Touch to start" beneath. */
  kioskStart: { zh: '开始参观', en: 'Touch to start' },
  kioskInvite: {
    zh: '轻触屏幕任意位置，走进党史长廊',
    en: 'Touch the screen anywhere to walk into the corridor',
  },
  kioskNowShowing: { zh: '正在展示', en: 'Now showing' },
  kioskEntrance: { zh: '展厅入口', en: 'The entrance' },
  kioskControls: { zh: '参观操作', en: 'Visit controls' },
  kioskHome: { zh: '回到入口', en: 'Entrance' },
  kioskHomeLabel: { zh: '回到入口：展厅入口', en: 'Entrance: back to the start' },
  kioskTouchHint: {
    zh: '拖动 环视 · 点击地面 走过去 · 点击展板 阅读',
    en: 'Drag to look · tap the floor to walk · tap a board to read',
  },
  kioskStillThere: { zh: '还在参观吗？', en: 'Are you still there?' },
  kioskStillThereHint: {
    zh: '{n} 秒后回到开始画面',
    en: 'Returning to the start screen in {n} s',
  },
  kioskContinue: { zh: '继续参观', en: 'Continue' },
  kioskRecovering: { zh: '正在恢复', en: 'Restoring' },
  kioskRecoveringHint: { zh: '请稍候，展厅马上回来', en: 'One moment, the corridor will be back shortly' },
  kioskAdmin: { zh: '管理', en: 'Administration' },
  kioskPinPrompt: { zh: '请输入管理密码', en: 'Enter the admin PIN' },
  kioskPinWrong: { zh: '密码不对，请重试', en: 'Wrong PIN, try again' },
  kioskPinLocked: { zh: '尝试次数过多，请 {n} 秒后再试', en: 'Too many attempts; try again in {n} s' },
  /** Shown to staff when no PIN is set: what to do, in their words (the how is in the README and GUIDE.md). */
  kioskPinMissingTitle: { zh: '这台触摸屏还没有设置管理密码', en: 'This kiosk has no admin PIN yet' },
  kioskPinMissing: {
    zh: '设置密码之前，管理页面（参观统计、退出触摸屏模式）不能打开。请联系负责这台触摸屏的技术人员设置管理密码。',
    en: 'Until a PIN is set, the admin screen (visit statistics, leaving kiosk mode) stays closed. Please ask the technician who looks after this kiosk to set an admin PIN.',
  },
  kioskPinClear: { zh: '删除', en: 'Delete' },
  kioskPinOk: { zh: '确定', en: 'OK' },
  kioskCancel: { zh: '取消', en: 'Cancel' },
  kioskStatsTitle: { zh: '参观统计', en: 'Visit statistics' },
  kioskStatsNote: {
    zh: '只在本机记录：参观人次、打开的展板及阅读时长，不含任何个人信息。',
    en: 'Recorded on this machine only: visits, boards opened and reading time; no personal data.',
  },
  kioskStatsDay: { zh: '日期', en: 'Date' },
  kioskStatsVisits: { zh: '参观人次', en: 'Visits' },
  kioskStatsOpens: { zh: '打开展板', en: 'Boards opened' },
  kioskStatsReading: { zh: '阅读时长', en: 'Reading time' },
  kioskStatsAverage: { zh: '平均每次', en: 'Average' },
  kioskStatsBoard: { zh: '展板', en: 'Board' },
  kioskStatsEmpty: { zh: '还没有记录。', en: 'Nothing recorded yet.' },
  kioskStatsTopBoards: { zh: '最常打开的展板（近 30 天）', en: 'Most opened boards (last 30 days)' },
  kioskStatsDays: { zh: '每日（近 14 天）', en: 'Per day (last 14 days)' },
  kioskExportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  kioskExported: { zh: '已导出到下载文件夹：{name}', en: 'Saved to the downloads folder: {name}' },
  kioskReloadContent: { zh: '载入新内容', en: 'Reload content' },
  kioskReloadChecking: { zh: '正在检查新内容…', en: 'Checking for new content…' },
  kioskReloadNone: { zh: '没有新内容，正在重新载入…', en: 'No new content; reloading…' },
  kioskReloadUpdating: { zh: '发现新内容，正在更新…', en: 'New content found; updating…' },
  kioskClearStats: { zh: '清除统计', en: 'Clear statistics' },
  kioskClearConfirm: { zh: '再按一次以清除全部统计', en: 'Press again to clear all statistics' },
  kioskLeave: { zh: '退出触摸屏模式', en: 'Leave kiosk mode' },
  kioskBack: { zh: '返回', en: 'Back' },
  kioskStatus: { zh: '运行状态', en: 'Status' },
  kioskOffline: { zh: '离线可用', en: 'Works offline' },
  kioskOfflinePending: { zh: '离线缓存准备中', en: 'Offline cache not ready yet' },
  kioskOfflineUnsupported: { zh: '不支持离线（需 https 或 localhost）', en: 'No offline support (needs https or localhost)' },
  kioskUpdateWaiting: { zh: '新内容已下载，将在下次回到开始画面时启用', en: 'New content downloaded; used at the next reset' },
  kioskIdleSetting: { zh: '无人操作 {n} 秒后复位', en: 'Resets after {n} s without a touch' },
  kioskRecentErrors: { zh: '最近的错误', en: 'Recent errors' },
  kioskNoErrors: { zh: '无', en: 'None' },
  kioskMinutes: { zh: '{m} 分 {s} 秒', en: '{m} min {s} s' },
  kioskSeconds: { zh: '{s} 秒', en: '{s} s' },
  /** The oath wall's ceremonies read to the end (a column of the day table, and of the oath table). */
  kioskStatsOathReadings: { zh: '誓词诵读人次', en: 'Oath readings' },
  kioskStatsOaths: { zh: '重温入党誓词（近 30 天）', en: 'Oath readings (last 30 days)' },
  kioskStatsOathPanel: { zh: '誓词展板', en: 'Oath wall' },
  kioskStatsOathNote: {
    zh: '誓词从第一句点亮到最后一句记一次；同一次诵读中退回再点亮不重复计。',
    en: 'Counted once each time the oath is lit to its last phrase; stepping back and on again in the same ceremony counts once.',
  },
  /** The quizzes (知识问答): attempts per quiz, and each question's correct rate. */
  kioskStatsQuizStarted: { zh: '问答开始', en: 'Quizzes started' },
  kioskStatsQuizFinished: { zh: '问答完成', en: 'Quizzes finished' },
  kioskStatsQuizzes: { zh: '知识问答（近 30 天）', en: 'Quizzes (last 30 days)' },
  kioskStatsQuiz: { zh: '问答', en: 'Quiz' },
  kioskStatsQuestions: {
    zh: '每题正确率（近 30 天，最难的在前）',
    en: 'Correct rate per question (last 30 days, hardest first)',
  },
  kioskStatsQuestion: { zh: '题目', en: 'Question' },
  kioskStatsAnswered: { zh: '作答', en: 'Answered' },
  kioskStatsCorrect: { zh: '答对', en: 'Correct' },
  kioskStatsRate: { zh: '正确率', en: 'Correct rate' },
  kioskStatsQuizNote: {
    zh: '打开一套问答或点“再来一次”记一次开始，答完最后一题记一次完成；每题提交一次记一次作答。',
    en: 'Opening a quiz or trying it again counts a start, answering its last question a finish; each answer submitted counts once.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type KioskStringKey = keyof typeof KIOSK_STRINGS;

/** A kiosk string, or a shared interface string, with its `{name}` placeholders filled. */
export const kioskText = textWithShared(KIOSK_STRINGS);
