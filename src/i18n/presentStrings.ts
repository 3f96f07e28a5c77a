/**
 * Projector mode's own wording (`?mode=present`), in both languages. Spread into `UI_STRINGS`
 * (src/i18n/strings.ts), so `t()` finds these keys and the font subsetter carries their characters.
 * Symbols used here (▶ ‖ ▼ ■) are all in the shipped Noto Sans SC.
 */
import type { Lang } from './lang.ts';

export const PRESENT_STRINGS = {
  presentMode: { zh: '讲解模式', en: 'Present' },
  presentModeHint: {
    zh: '投影讲解：用翻页笔逐站讲解，S 打开讲解员视图',
    en: 'For projector sessions: step through with a clicker; S opens the presenter view',
  },
  presentAllTour: { zh: '全部展板（按展览顺序）', en: 'All panels, in exhibition order' },
  presentStops: { zh: '{n} 站', en: '{n} stops' },
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
    zh: 'PageDown / → 下一站 · PageUp / ← 上一站 · B 黑屏 · F 全屏 · S 讲解员视图',
    en: 'PageDown / → next · PageUp / ← previous · B black screen · F full screen · S presenter view',
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
    zh: '本窗口的按键同样控制投影：PageDown / → / 空格 下一站 · PageUp / ← 上一站 · Home / End 首站 / 末站 · B 黑屏 · W 白屏 · P 暂停 · M 镜头 · Esc 取消黑屏',
    en: 'Keys here drive the projector too: PageDown / → / Space next · PageUp / ← previous · Home / End first / last · B black · W white · P pause · M camera · Esc un-blank',
  },
} as const satisfies Record<string, Record<Lang, string>>;
