/**
 * Every piece of interface text, in one place, in both languages. Content text lives in the
 * JSON; this is only the app's own wording. The font subsetter reads this table too.
 */

import type { Lang } from './lang.ts';

export const UI_STRINGS = {
  appName: { zh: '党史长廊', en: 'Party History Corridor' },
  loading: { zh: '正在布展…', en: 'Setting up the exhibition…' },
  loadingContent: { zh: '读取展览内容', en: 'Reading the exhibition content' },
  loadingFonts: { zh: '载入字体', en: 'Loading fonts' },
  loadingImages: { zh: '载入图片', en: 'Loading images' },
  loadingBoards: { zh: '排版展板', en: 'Typesetting the boards' },
  loadFailed: { zh: '展览内容无法载入', en: 'The exhibition could not be loaded' },
  loadFailedHint: {
    zh: '请检查下列文件，修正后刷新页面。',
    en: 'Check the files below, fix them and reload the page.',
  },
  retry: { zh: '重新载入', en: 'Reload' },
  directory: { zh: '展厅目录', en: 'Directory' },
  closeDirectory: { zh: '关闭目录', en: 'Close directory' },
  previousPanel: { zh: '上一块展板', en: 'Previous panel' },
  nextPanel: { zh: '下一块展板', en: 'Next panel' },
  previous: { zh: '上一块', en: 'Previous' },
  next: { zh: '下一块', en: 'Next' },
  close: { zh: '关闭', en: 'Close' },
  backToEntrance: { zh: '回到入口', en: 'Back to the entrance' },
  // A card's share QR, on the station server: the board's link for a phone on the station's Wi-Fi.
  shareOnPhone: { zh: '扫码在手机上看', en: 'Scan to read it on your phone' },
  shareQrAlt: { zh: '二维码：在手机上打开“{title}”', en: 'QR code: open “{title}” on a phone' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  walkHint: {
    zh: 'W A S D / 方向键 行走 · 拖动 环视 · 点击地面 走过去 · 点击展板 阅读 · N / P 下一块 / 上一块',
    en: 'W A S D / arrows walk · drag to look · click the floor to walk there · click a board to read · N / P next / previous',
  },
  honours: { zh: '荣誉', en: 'Honours' },
  role: { zh: '职务', en: 'Role' },
  since: { zh: '统计起始', en: 'Counted since' },
  source: { zh: '资料来源', en: 'Source' },
  related: { zh: '相关展板', en: 'Related panels' },
  photoPending: { zh: '照片待补充', en: 'Photo to come' },
  imageMissing: { zh: '图片缺失', en: 'Image missing' },
  toFill: { zh: '待补充', en: 'To be filled in' },
  panelOf: { zh: '第 {n} / {total} 块', en: 'Panel {n} of {total}' },
  unknownPanel: { zh: '找不到展板“{id}”。', en: 'There is no panel "{id}".' },
  unknownPanelHint: { zh: '请从展厅目录中选择。', en: 'Please choose one from the directory.' },
  unknownRoute: { zh: '找不到这个页面。', en: 'This page does not exist.' },
  openDirectory: { zh: '打开展厅目录', en: 'Open the directory' },
  dismiss: { zh: '知道了', en: 'OK' },
  problemsCount: { zh: '{n} 个内容问题', en: '{n} content problem(s)' },
  sectionPanels: { zh: '{n} 块展板', en: '{n} panels' },
  entrance: { zh: '入口', en: 'Entrance' },
  corridorLabel: { zh: '三维展厅：党史长廊', en: '3D view of the party history corridor' },
  // The text twin (#/text): the whole exhibition as a plain page.
  textVersion: { zh: '文字版', en: 'Text version' },
  // Bilingual in Chinese: the default language, and a visitor who reads no Chinese still finds it.
  textVersionLink: { zh: '文字版 · Text version', en: 'Text version' },
  textTwinWebglNote: {
    zh: '此浏览器无法显示三维展厅（不支持 WebGL），因此以文字版展示全部展板。',
    en: 'This browser cannot show the 3D corridor (no WebGL), so here is every panel as text.',
  },
  textTwinContents: { zh: '目录', en: 'Contents' },
  backTo3d: { zh: '回到三维展厅', en: 'Back to the 3D corridor' },
  viewIn3d: { zh: '在三维展厅中查看', en: 'View in the 3D corridor' },
  linkToPanel: { zh: '本展板链接', en: 'Link to this panel' },
  printPage: { zh: '打印', en: 'Print' },
  panelDate: { zh: '日期', en: 'Date' },
  // Search across all panels.
  search: { zh: '搜索', en: 'Search' },
  searchTitle: { zh: '搜索展板', en: 'Search the panels' },
  searchLabel: { zh: '搜索全部展板（中文或英文）', en: 'Search every panel (Chinese or English)' },
  searchHint: { zh: '输入中文或英文，例如“遵义”或“Zunyi”。', en: 'Type Chinese or English, e.g. “Zunyi”.' },
  searchCount: { zh: '找到 {n} 块展板', en: '{n} panel(s) found' },
  searchNone: { zh: '没有找到相关展板', en: 'No panel found' },
  searchResults: { zh: '搜索结果', en: 'Search results' },
  closeSearch: { zh: '关闭搜索', en: 'Close search' },
  // Narration on the card.
  readAloud: { zh: '朗读', en: 'Read aloud' },
  stopReading: { zh: '停止朗读', en: 'Stop reading' },
  narrationCaptions: { zh: '字幕', en: 'Captions' },
  boardProxies: { zh: '展板（Tab 键逐块浏览，回车阅读）', en: 'Boards (Tab through them, Enter to read)' },
  boardProxyHint: { zh: '回车 阅读', en: 'Enter to read' },
  floorPlan: { zh: '平面图', en: 'Floor plan' },
  floorPlanShow: { zh: '显示平面图和年份', en: 'Show the floor plan and years' },
  floorPlanHide: { zh: '收起平面图', en: 'Hide the floor plan' },
  floorPlanMap: {
    zh: '长廊平面图：入口在左，各展区按颜色标出，箭头是您的位置和朝向',
    en: 'Plan of the corridor: the entrance on the left, sections in colour, the arrow is where you stand and look',
  },
  floorPlanSections: { zh: '前往展区', en: 'Go to a section' },
  yearScrubber: { zh: '百年党史 · 年份', en: 'Centenary timeline · year' },
  yearValue: { zh: '{year}年', en: '{year}' },
  yearValueWithPanel: { zh: '{year}年 · {title}', en: '{year} · {title}' },
  // Projector mode as the visitor's pages offer it (the directory's links to ?mode=present, the
  // all-panels tour's name); the projector's own wording is in presentStrings.ts.
  presentMode: { zh: '讲解模式', en: 'Present' },
  presentModeHint: {
    zh: '投影讲解：用翻页笔逐站讲解，S 打开讲解员视图',
    en: 'For projector sessions: step through with a clicker; S opens the presenter view',
  },
  presentAllTour: { zh: '全部展板（按展览顺序）', en: 'All panels, in exhibition order' },
  presentStops: { zh: '{n} 站', en: '{n} stops' },
  // The quizzes (知识问答: #/quiz, #/quiz/<id>, the kiosk's 知识问答 button) as the first view's
  // screens name them; the quizzes' own wording is in quizStrings.ts.
  quiz: { zh: '知识问答', en: 'Quiz' },
  quizOpen: { zh: '知识问答', en: 'Quiz' },
  quizList: { zh: '全部问答', en: 'All quizzes' },
  quizUnknown: { zh: '找不到知识问答“{id}”。', en: 'There is no quiz "{id}".' },
  quizUnknownHint: { zh: '请从问答列表中选择。', en: 'Please choose one from the list.' },
  quizLessonLink: { zh: '课后问答', en: 'Quiz' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiStringKey = keyof typeof UI_STRINGS;

/**
 * What stands between a label and its value, in the language's own punctuation: the full-width
 * colon in Chinese ("资料来源：…"), a colon and a space in English ("Source: …").
 */
export function labelSeparator(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** A label joined to its value: "统计起始：2021年6月1日" / "Counted since: 1 June 2021". */
export function labelled(label: string, value: string, lang: Lang): string {
  return `${label}${labelSeparator(lang)}${value}`;
}

/** A string's `{name}` placeholders filled from `values` (a name with no value stays as it is). */
export function fillPlaceholders(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * The lookup for a mode's or screen's own table (kiosk, projector, quiz, oath): its key finds its
 * own string, any other the shared interface string; `{name}` placeholders filled.
 */
export function textWithShared<Table extends Record<string, Record<Lang, string>>>(table: Table) {
  return (key: (keyof Table & string) | UiStringKey, lang: Lang, values: Record<string, string | number> = {}): string => {
    const entry: Record<Lang, string> = Object.hasOwn(table, key)
      ? (table[key] as Record<Lang, string>)
      : UI_STRINGS[key as UiStringKey];
    return fillPlaceholders(entry[lang], values);
  };
}

/** Looks up an interface string and fills `{name}` placeholders. */
export function t(key: UiStringKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(UI_STRINGS[key][lang], values);
}
