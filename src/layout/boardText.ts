/**
 * Where text goes on a board and how much of it fits: font sizes, line widths and line counts
 * per kind of panel, in metres of the board's own frame. The board draws from this plan and the
 * content check measures against it, so both agree on what is "too long".
 */
import { type Lang, localize } from '../content/localize.ts';
import type { LocalizedString, Panel, Statistic } from '../content/schema.ts';
import { type Advance, type FittedText, fitLines } from './lineBreak.ts';

export interface TextBox {
  /** The size the text is set at when it fits. */
  fontSize: number;
  /** Long text shrinks down to this size before it is cut. */
  minFontSize: number;
  lineHeight: number;
  maxWidth: number;
  /** The box's height in metres. */
  height: number;
  /** Lines at the nominal size. */
  maxLines: number;
  bold: boolean;
}

/** Height of the red title band at the top of every board. */
export const TITLE_BAND_HEIGHT = 0.3;
export const BOARD_PAD = 0.1;
/** Width of the year column on milestone boards. */
export const YEAR_COLUMN = 0.62;

/** Text may shrink to this share of its nominal size before it is cut with "…". */
export const MIN_SHRINK = 0.8;

const linesIn = (height: number, fontSize: number, lineHeight: number) =>
  Math.max(1, Math.floor((height + 1e-6) / (fontSize * lineHeight)));

const box = (fontSize: number, lineHeight: number, maxWidth: number, height: number, bold = false): TextBox => ({
  fontSize,
  minFontSize: fontSize * MIN_SHRINK,
  lineHeight,
  maxWidth,
  height,
  maxLines: linesIn(height, fontSize, lineHeight),
  bold,
});

/**
 * Sets text in a box: at the nominal size when it fits, else a little smaller (down to
 * `minFontSize`), else at the smallest size cut to the box with "…" (`overflow`).
 */
export function fitBox(text: string, textBox: TextBox, advance: Advance): FittedText & { fontSize: number; maxLines: number } {
  const steps = 5;
  let last: (FittedText & { fontSize: number; maxLines: number }) | null = null;
  for (let step = 0; step <= steps; step++) {
    const fontSize = textBox.fontSize - ((textBox.fontSize - textBox.minFontSize) * step) / steps;
    const maxLines = linesIn(textBox.height, fontSize, textBox.lineHeight);
    const fitted = fitLines(text, { maxEms: textBox.maxWidth / fontSize, advance, maxLines });
    last = { ...fitted, fontSize, maxLines };
    if (!fitted.overflow) return last;
  }
  return last as FittedText & { fontSize: number; maxLines: number };
}

/** The body area below the title band: its top and bottom y in the board's frame. */
export function bodyArea(height: number): { top: number; bottom: number } {
  return { top: height / 2 - TITLE_BAND_HEIGHT - 0.08, bottom: -height / 2 + BOARD_PAD };
}

export interface BoardTextPlan {
  title: TextBox;
  summary: TextBox;
  /** Where the summary starts, below the body top. */
  summaryOffset: number;
  /** The first body paragraph printed small (milestones only). */
  lead: TextBox | null;
  leadOffset: number;
  /** Bullet points (notice boards) or the to-fill note. */
  list: TextBox | null;
  /** Labels under the figures of a statistics board. */
  statLabel: TextBox | null;
  /** Width the text takes when a picture shares the board. */
  textWidth: number;
}

export function boardTextPlan(panel: Panel, width: number, height: number): BoardTextPlan {
  const { top, bottom } = bodyArea(height);
  const bodyHeight = top - bottom;
  const hasImage = panel.images.length > 0 && panel.kind !== 'stats' && panel.kind !== 'to-fill';
  const textWidth = hasImage ? width * 0.48 - BOARD_PAD : width - 2 * BOARD_PAD;
  const title = box(0.1, 1.15, width - 2 * BOARD_PAD, TITLE_BAND_HEIGHT - 0.04, true);
  const none = { lead: null, leadOffset: 0, list: null, statLabel: null };
  switch (panel.kind) {
    case 'milestone':
      return {
        ...none,
        title,
        summary: box(0.078, 1.55, width - 2 * BOARD_PAD - YEAR_COLUMN, 0.4),
        summaryOffset: 0,
        lead: box(0.05, 1.6, width - 2 * BOARD_PAD, bodyHeight - 0.48),
        leadOffset: 0.48,
        textWidth,
      };
    case 'member': {
      const offset = panel.people.some((person) => person.honours.length > 0) ? 0.4 : 0.3;
      return { ...none, title, summary: box(0.066, 1.55, textWidth, bodyHeight - offset), summaryOffset: offset, textWidth };
    }
    case 'stats':
      return {
        ...none,
        title,
        summary: box(0.055, 1.3, width - 2 * BOARD_PAD, 0.08),
        summaryOffset: 0,
        statLabel: statLabelBox(width),
        textWidth,
      };
    case 'board':
      return {
        ...none,
        title,
        summary: box(0.062, 1.6, textWidth, bodyHeight),
        summaryOffset: 0,
        list: box(0.062, 1.6, textWidth, bodyHeight),
        textWidth,
      };
    case 'to-fill':
      return {
        ...none,
        title,
        summary: box(0.066, 1.55, width - 4 * BOARD_PAD, bodyHeight - 0.22),
        summaryOffset: 0.22,
        list: null,
        textWidth,
      };
    default: {
      const offset = panel.date ? 0.14 : 0;
      return { ...none, title, summary: box(0.07, 1.55, textWidth, bodyHeight - offset), summaryOffset: offset, textWidth };
    }
  }
}

/** One piece of board text to measure: where it stands in the JSON and the box it must fit. */
export interface BoardTextItem {
  path: string;
  text: LocalizedString;
  box: TextBox;
  /** How the board shows it: whole or cut with "…"; the check warns only for whole-text boxes. */
  mustFit: boolean;
}

/** The figures a statistics board has room for: two rows of four. */
export const STATS_COLUMNS = 4;
export const STATS_MAX = 8;
/** The largest size of a board's figures, and the vertical pitch of its rows (metres). */
export const STAT_FIGURE_MAX_SIZE = 0.15;
export const STAT_ROW_PITCH = 0.4;
/** Below the top of its figure, where a figure's label starts. */
export const STAT_LABEL_OFFSET = 0.19;

/** Whether a figure's label is shown in Chinese (the language, or an English board falling back to it). */
function labelInChinese(stat: Statistic, lang: Lang): boolean {
  return lang === 'zh' || typeof stat.label === 'string' || stat.label.en === undefined;
}

/**
 * The number as printed on the board. A Chinese label takes its measure word after the number
 * (204家, 拘留1人); an English label names what it counts ("Premises sealed"), so there the number
 * stands alone and the unit is not printed a second time.
 */
export function statFigureText(stat: Statistic, lang: Lang): string {
  const unit = localize(stat.unit, 'zh');
  return labelInChinese(stat, lang) && unit ? `${stat.value}${unit}` : String(stat.value);
}

/** A figure's label as printed on the board (and measured by the content check). */
export function statLabelText(stat: Statistic, lang: Lang): string {
  return localize(stat.label, lang);
}

export interface StatCellLayout {
  /** Index into the panel's `stats`. */
  index: number;
  figure: string;
  label: FittedText & { fontSize: number };
  /** Top-left of the figure, in the board's frame. */
  x: number;
  y: number;
}

export interface StatsBoardLayout {
  /** One size for every figure on the board. */
  figureSize: number;
  /** One size for every label on the board (a label that fits only larger keeps its size: see below). */
  labelSize: number;
  cells: StatCellLayout[];
}

/**
 * A statistics board's grid: every figure at one size, every label at one size, each label
 * broken onto up to its box's lines. The label size is the largest at which every label fits
 * whole; a label that fits at no size is cut with "…" (and the content check names it).
 */
export function statsBoardLayout(
  stats: readonly Statistic[],
  lang: Lang,
  width: number,
  height: number,
  advance: { regular: Advance; bold: Advance },
): StatsBoardLayout {
  const { top } = bodyArea(height);
  const cellWidth = (width - 2 * BOARD_PAD) / STATS_COLUMNS;
  const labelBox = statLabelBox(width);
  const shown = stats.slice(0, STATS_MAX);
  const figures = shown.map((stat) => statFigureText(stat, lang));
  const figureSize = Math.min(
    STAT_FIGURE_MAX_SIZE,
    ...figures.map((figure) => fitOneLine(figure, advance.bold, cellWidth - 0.05, STAT_FIGURE_MAX_SIZE)),
  );
  const alone = shown.map((stat) => fitBox(statLabelText(stat, lang), labelBox, advance.regular));
  const labelSize = Math.min(...alone.map((fitted) => fitted.fontSize));
  const cells = shown.map((stat, index): StatCellLayout => {
    const text = statLabelText(stat, lang);
    const own = alone[index] as FittedText & { fontSize: number };
    const atBoardSize = fitLines(text, {
      maxEms: labelBox.maxWidth / labelSize,
      advance: advance.regular,
      maxLines: linesIn(labelBox.height, labelSize, labelBox.lineHeight),
    });
    // A label cut at every size is cut at the smallest, which is then the board's size. One that
    // fits at its own size but not at the board's (a line break can shift) keeps its own: whole.
    const label = own.overflow || atBoardSize.overflow ? own : { ...atBoardSize, fontSize: labelSize };
    return {
      index,
      figure: figures[index] ?? '',
      label,
      x: -width / 2 + BOARD_PAD + (index % STATS_COLUMNS) * cellWidth,
      y: top - 0.1 - Math.floor(index / STATS_COLUMNS) * STAT_ROW_PITCH,
    };
  });
  return { figureSize, labelSize, cells };
}

/** The largest size (≤ max) at which a short text fits one line of `maxWidth`. */
export function fitOneLine(text: string, advance: Advance, maxWidth: number, max: number): number {
  const ems = Array.from(text).reduce((sum, char) => sum + advance(char), 0);
  return ems === 0 ? max : Math.min(max, maxWidth / ems);
}

/** The box of one figure's label. */
function statLabelBox(width: number): TextBox {
  return box(0.047, 1.3, (width - 2 * BOARD_PAD) / STATS_COLUMNS - 0.06, 0.13);
}

/** Every text the board prints for a panel, with its box — what the content check measures. */
export function boardTextItems(panel: Panel, width: number, height: number): BoardTextItem[] {
  const plan = boardTextPlan(panel, width, height);
  const items: BoardTextItem[] = [{ path: 'title', text: panel.title, box: plan.title, mustFit: true }];
  if (panel.kind === 'to-fill') {
    items.push({ path: 'note', text: panel.note, box: plan.summary, mustFit: true });
  } else if (panel.kind === 'board' && panel.points.length > 0) {
    // The points share one box, one bullet per line at least.
    const joined = panel.points.map((point) =>
      typeof point === 'string' ? { zh: `· ${point}` } : { zh: `· ${point.zh}`, en: point.en && `· ${point.en}` },
    );
    items.push({ path: 'points', text: joinLocalized(joined), box: plan.list ?? plan.summary, mustFit: true });
  } else if (panel.summary && panel.kind !== 'stats') {
    items.push({ path: 'summary', text: panel.summary, box: plan.summary, mustFit: true });
  }
  const { statLabel } = plan;
  if (panel.kind === 'stats' && statLabel) {
    panel.stats.forEach((stat, index) => {
      items.push({ path: `stats[${index}].label`, text: stat.label, box: statLabel, mustFit: true });
    });
  }
  return items;
}

function joinLocalized(parts: Array<{ zh: string; en?: string | undefined }>): LocalizedString {
  const zh = parts.map((part) => part.zh).join('\n');
  const hasEnglish = parts.some((part) => part.en);
  return hasEnglish ? { zh, en: parts.map((part) => part.en ?? part.zh).join('\n') } : zh;
}

export const TITLE_MAX_SIZE = 0.1;
export const TITLE_MIN_SIZE = 0.062;
export const TITLE_MAX_LINES = 2;

/**
 * A board title: one line at the largest size that fits (down to TITLE_MIN_SIZE), else broken
 * into lines at the smallest size; `overflow` when even two lines do not hold it.
 */
export function layoutTitle(text: string, advance: Advance, maxWidth: number): FittedText & { fontSize: number } {
  const ems = Array.from(text).reduce((sum, char) => sum + advance(char), 0);
  if (ems * TITLE_MAX_SIZE <= maxWidth) return { fontSize: TITLE_MAX_SIZE, lines: [text], overflow: false, neededLines: 1 };
  const oneLine = maxWidth / ems;
  if (oneLine >= TITLE_MIN_SIZE) return { fontSize: oneLine, lines: [text], overflow: false, neededLines: 1 };
  const fitted = fitLines(text, { maxEms: maxWidth / TITLE_MIN_SIZE, advance, maxLines: TITLE_MAX_LINES });
  return { ...fitted, fontSize: TITLE_MIN_SIZE };
}
