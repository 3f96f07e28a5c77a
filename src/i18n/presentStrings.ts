/**
 * Projector mode's own wording (`?mode=present`), in both languages, looked up with
 * `presentText()` (which also finds the shared `UI_STRINGS`). A table of its own, not spread into
 * `UI_STRINGS`: it comes with the projector's code, out of the visitor's first load (issue 20,
 * initial JS). The words the visitor's own pages show (the directory's 讲解模式 links, the
 * all-panels tour's name) stay in `UI_STRINGS`. The font subsetter carries these characters
 * (src/build/characters.ts). Symbols used here (▶ ‖ ▼ ■ ✓) are all in the shipped Noto Sans SC.
 */
import type { Lang } from './lang.ts';
import { textWithShared, type UiStringKey } from './strings.ts';

export const PRESENT_STRINGS = {
  presentStopOf: { zh: '第 {n} / {total} 站', en: 'Stop {n} of {total}' },
  presentEnd: { zh: '讲解结束', en: 'End of the tour' },
  presentThanks: { zh: '谢谢大家', en: 'Thank you' },
  presentMore: { zh: '▼ 下一屏', en: '▼ More' },
  presentAuto: { zh: '▶ 自动翻页', en: '▶ Auto-advance' },
  presentPaused: { zh: '‖ 自动翻页已暂停（P 继续）', en: '‖ Auto-advance paused (P resumes)' },
  presentBlack: { zh: '黑屏', en: 'Black screen' },
  presentWhite: { zh: '白屏', en: 'White screen' },
  presentPrevious: { zh: '上一站', en: 'Previous stop' },
  presentNext: { zh: '下一站', en: 'Next stop' },
  presentFullscreen: { zh: '全屏', en: 'Full screen' },
  presentPresenter: { zh: '讲解员视图', en: 'Presenter view' },
  presentPause: { zh: '暂停自动翻页', en: 'Pause auto-advance' },
  presentResume: { zh: '继续自动翻页', en: 'Resume auto-advance' },
  presentMotionGlide: { zh: '镜头：滑行', en: 'Camera: glide' },
  presentMotionCut: { zh: '镜头：直切', en: 'Camera: cut' },
  presentExit: { zh: '退出讲解模式', en: 'Leave present mode' },
  presentControls: { zh: '讲解控制', en: 'Presentation controls' },
  presentKeyHint: {
    zh: 'PageDown / → 下一站 · PageUp / ← 上一站 · B 黑屏 · F 全屏 · S 讲解员视图 · Q 知识问答',
    en: 'PageDown / → next · PageUp / ← previous · B black screen · F full screen · S presenter view · Q quiz',
  },
  presentPopupBlocked: {
    zh: '浏览器拦截了讲解员视图：请允许本站弹出窗口，再按 S。',
    en: 'The browser blocked the presenter view: allow pop-ups for this site, then press S again.',
  },
  presentUnknownTour: {
    zh: '找不到讲解路线“{id}”，改为按展览顺序讲解全部展板。',
    en: 'There is no tour "{id}"; showing every panel in exhibition order instead.',
  },
  presenterWindowTitle: { zh: '讲解员视图 · {title}', en: 'Presenter view · {title}' },
  presenterNow: { zh: '当前', en: 'Now' },
  presenterUpNext: { zh: '下一站', en: 'Up next' },
  presenterLastStop: { zh: '这是最后一站。', en: 'This is the last stop.' },
  presenterEndNext: { zh: '再按下一站，投影显示结束页。', en: 'Next shows the end slide.' },
  presenterEnded: {
    zh: '投影正显示结束页。PageUp / ← 回到最后一站。',
    en: 'The projector shows the end slide. PageUp / ← goes back to the last stop.',
  },
  presenterNotes: { zh: '讲解要点', en: 'Talking points' },
  presenterNoNotes: { zh: '本站没有讲解要点。展板摘要：', en: 'No talking points for this stop. The board says:' },
  presenterElapsed: { zh: '总用时', en: 'Elapsed' },
  presenterAtStop: { zh: '本站用时', en: 'At this stop' },
  presenterAutoIn: { zh: '自动翻页', en: 'Auto-advance' },
  presenterAutoOff: { zh: '无', en: 'off' },
  presenterScreen: { zh: '第 {n} / {total} 屏', en: 'Screen {n} of {total}' },
  presenterAllStops: { zh: '全部站点', en: 'All stops' },
  presenterWaiting: {
    zh: '正在连接投影窗口…（投影窗口须打开 ?mode=present）',
    en: 'Connecting to the projector window… (it must be open at ?mode=present)',
  },
  presenterClosed: { zh: '投影窗口已关闭。', en: 'The projector window has closed.' },
  presenterOnScreen: { zh: '投影：{state}', en: 'Projector: {state}' },
  presenterShowing: { zh: '正常显示', en: 'showing' },
  presenterKeys: {
    zh: '本窗口的按键同样控制投影：PageDown / → / 空格 下一站 · PageUp / ← 上一站 · Home / End 首站 / 末站 · B 黑屏 · W 白屏 · P 暂停 · M 镜头 · Q 知识问答 · C 知识竞赛 · Esc 取消黑屏',
    en: 'Keys here drive the projector too: PageDown / → / Space next · PageUp / ← previous · Home / End first / last · B black · W white · P pause · M camera · Q quiz · C contest · Esc un-blank',
  },
  // The room quiz (课堂知识问答): the projector's quiz slides and the presenter's view of them.
  roomQuizQuestion: { zh: '第 {n} 题', en: 'Question {n}' },
  roomQuizQuestionOf: { zh: '第 {n} / {total} 题', en: 'Question {n} of {total}' },
  roomQuizQuestions: { zh: '共 {n} 题', en: '{n} questions' },
  roomQuizKindSingle: { zh: '单选题', en: 'One answer' },
  roomQuizKindMultiple: { zh: '多选题', en: 'All that apply' },
  roomQuizKindTrueFalse: { zh: '判断题', en: 'True or false' },
  roomQuizLoading: { zh: '正在载入知识问答…', en: 'Loading the quiz…' },
  roomQuizUnavailable: {
    zh: '知识问答无法载入。翻页笔：讲解结束页',
    en: 'The quiz could not be loaded. Clicker: the end slide',
  },
  roomQuizStartHint: { zh: '翻页笔：开始答题', en: 'Clicker: the first question' },
  roomQuizRevealHint: { zh: '翻页笔：揭晓答案', en: 'Clicker: show the answer' },
  roomQuizNextHint: { zh: '翻页笔：下一题', en: 'Clicker: the next question' },
  roomQuizLastHint: { zh: '翻页笔：结束问答', en: 'Clicker: end the quiz' },
  roomQuizEndHint: { zh: '翻页笔：讲解结束页', en: 'Clicker: the end slide' },
  roomQuizAnswer: { zh: '正确答案：{answer}', en: 'Answer: {answer}' },
  // Beside the correct option once revealed: the tick in the strings, so the font subsetter keeps it.
  roomQuizCorrect: { zh: '✓ 正确答案', en: '✓ correct' },
  roomQuizExplanation: { zh: '解析', en: 'Explanation' },
  roomQuizSecondsLeft: { zh: '还剩 {n} 秒', en: '{n} seconds left' },
  roomQuizTimeUp: { zh: '时间到', en: 'Time is up' },
  roomQuizPaused: { zh: '‖ 倒计时已暂停（P 继续）', en: '‖ Countdown paused (P resumes)' },
  roomQuizOver: { zh: '问答结束', en: 'Quiz over' },
  roomQuizThanks: { zh: '感谢大家的参与', en: 'Thank you for taking part' },
  roomQuizStart: { zh: '知识问答', en: 'Quiz' },
  roomQuizPause: { zh: '暂停倒计时', en: 'Pause the countdown' },
  roomQuizResume: { zh: '继续倒计时', en: 'Resume the countdown' },
  roomQuizLeave: { zh: '回到讲解', en: 'Back to the tour' },
  presenterQuizRoomAnswering: { zh: '投影：答题中，答案尚未揭晓', en: 'Projector: answering, the answer not shown yet' },
  presenterQuizRoomRevealed: { zh: '投影：已揭晓答案', en: 'Projector: the answer is shown' },
  presenterQuizRoomTitle: { zh: '投影：问答标题页', en: "Projector: the quiz's title" },
  presenterQuizAnswer: { zh: '答案与解析', en: 'Answer and explanation' },
  presenterQuizCountdown: { zh: '倒计时', en: 'Countdown' },
  presenterQuizUntimed: { zh: '不限时', en: 'untimed' },
  presenterQuizNext: { zh: '下一题', en: 'Next question' },
  presenterQuizLastQuestion: { zh: '这是最后一题。', en: 'This is the last question.' },
  presenterQuizAfterLast: { zh: '再按下一站，投影显示知识问答。', en: 'Next shows the quiz.' },
  presenterQuizFirst: { zh: '再按下一站，投影显示第 1 题。', en: 'Next shows question 1.' },
  // 知识竞赛: the lesson's quiz on the audience's phones (a live lesson on the station server).
  contestButton: { zh: '知识竞赛', en: 'Contest' },
  contestTitle: { zh: '知识竞赛', en: 'Quiz contest' },
  contestClose: { zh: '结束竞赛', en: 'End the contest' },
  contestCloseConfirm: { zh: '结束知识竞赛？已有的成绩会保留。', en: 'End the contest? The results so far are kept.' },
  contestAnswered: { zh: '已作答 {n} / {total}', en: '{n} of {total} answered' },
  contestOnPhones: { zh: '请在手机上作答', en: 'Answer on your phone' },
  contestLeaderboardHint: { zh: '翻页笔：排行榜', en: 'Clicker: the leaderboard' },
  contestPodiumHint: { zh: '翻页笔：领奖台', en: 'Clicker: the podium' },
  contestBackHint: { zh: '翻页笔：回到讲解', en: 'Clicker: back to the tour' },
  contestLeaderboard: { zh: '排行榜', en: 'Leaderboard' },
  contestAfterQuestion: { zh: '第 {n} / {total} 题后', en: 'After question {n} of {total}' },
  contestPodium: { zh: '领奖台', en: 'Podium' },
  contestOver: { zh: '竞赛结束', en: 'The contest is over' },
  contestPoints: { zh: '{n} 分', en: '{n} pts' },
  contestCorrectCount: { zh: '答对 {n} 题', en: '{n} right' },
  contestParticipant: { zh: '学员 {n}', en: 'Participant {n}' },
  contestChosenBy: { zh: '{n} 人', en: '{n}' },
  contestCorrectRate: { zh: '{n} 人答对 · 共 {total} 人作答', en: '{n} right of {total} answers' },
  contestNobodyScored: { zh: '还没有人得分', en: 'Nobody has scored yet' },
  contestPlace1: { zh: '冠军', en: '1st' },
  contestPlace2: { zh: '亚军', en: '2nd' },
  contestPlace3: { zh: '季军', en: '3rd' },
  contestPlaceAnnounce: { zh: '{place}：{name}，{points} 分', en: '{place}: {name}, {points} points' },
  contestPlayers: { zh: '共 {n} 人参加', en: '{n} took part' },
  contestQuizMissing: { zh: '竞赛题目无法载入', en: "The contest's questions could not be loaded" },
  contestNoQuiz: { zh: '本课没有配套的知识问答，无法开始竞赛', en: 'This lesson has no quiz for a contest' },
  contestRefused: { zh: '知识竞赛未能执行（{error}）', en: 'The contest command was refused ({error})' },
  presenterContest: { zh: '知识竞赛', en: 'Quiz contest' },
  presenterContestStart: { zh: '开始知识竞赛（C）', en: 'Start the contest (C)' },
  presenterContestNone: {
    zh: '未开始。题目在观众手机上作答，投影显示倒计时、答题情况和排行榜。',
    en: 'Not started. The audience answer on their phones; the projector shows the countdown, the answers and the leaderboard.',
  },
  presenterContestQuestion: { zh: '第 {n} / {total} 题 · 答题中', en: 'Question {n} of {total} · answering' },
  presenterContestRevealed: { zh: '第 {n} / {total} 题 · 已揭晓', en: 'Question {n} of {total} · answer shown' },
  presenterContestLeaderboard: { zh: '第 {n} / {total} 题后 · 排行榜', en: 'After question {n} of {total} · leaderboard' },
  presenterContestPodium: { zh: '领奖台（翻页笔：回到讲解）', en: 'Podium (clicker: back to the tour)' },
  presenterContestNext: { zh: '竞赛下一步', en: 'Contest: next step' },
  // The oath wall's stop on the projector.
  oathClicker: { zh: '翻页笔：点亮下一句', en: 'Clicker: light the next phrase' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PresentStringKey = keyof typeof PRESENT_STRINGS;

/** A key `presentText()` finds: the projector's own, or a shared interface string. */
export type PresentTextKey = PresentStringKey | UiStringKey;

/** A projector string, or a shared interface string, with its `{name}` placeholders filled. */
export const presentText = textWithShared(PRESENT_STRINGS);
