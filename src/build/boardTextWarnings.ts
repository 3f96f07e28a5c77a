/**
 * Content-check warnings for text too long to fit its board, measured with the board's own
 * line-breaker and text plan (src/layout), so the check and the board always agree.
 */

import type { ContentProblem } from '../content/problems.ts';
import type { Exhibition } from '../content/schema.ts';
import { boardTextItems, fitBox, layoutTitle, TITLE_MAX_SIZE } from '../layout/boardText.ts';
import { DEFAULT_DIMENSIONS } from '../layout/corridor.ts';
import { advanceOf, type FontMetrics } from '../layout/lineBreak.ts';

/** Where a loaded panel stands in its file. */
export type PanelLocation = (section: number, panel: number) => { file: string; index: number };

export interface BoardTextWarningOptions {
  /**
   * Also warn when a Chinese text fits only printed smaller than its board's size for it. The build keeps
   * quiet about that (shrinking is how a board makes room); the curator says it as the staff type,
   * so they can shorten a title before it looks smaller than its neighbours'.
   */
  shrink?: boolean;
}

/**
 * The words of these warnings, for the interface font's subset (src/build/characters.ts): the
 * curator shows them at the field, on any machine, so none of their characters may draw blank.
 */
export function boardTextWarningWords(): string[] {
  const sample = { percent: 80, maxLines: 2, neededLines: 3 };
  return [shrunkText(sample.percent), tooLongText(sample.maxLines, sample.neededLines)].flatMap((text) => [text.zh, text.en]);
}

const shrunkText = (percent: number) => ({
  zh: `文字偏长：展板上要缩小到原来的 ${percent}% 才放得下，比旁边的展板显得小`,
  en: `text long for its board: it fits only printed at ${percent}% of its size, smaller than its neighbours`,
});

const tooLongText = (maxLines: number, neededLines: number) => ({
  zh: `文字太长：展板上只能显示 ${maxLines} 行，这段需要 ${neededLines} 行，多出的部分会以“…”省略`,
  en: `text too long for its board: ${maxLines} line(s) fit, it needs ${neededLines}; the rest is cut with "…"`,
});

/** Below this share of its nominal size a text counts as shrunk (rounding of the fitting steps aside). */
const SHRUNK_BELOW = 0.995;

export function boardTextWarnings(
  exhibition: Exhibition,
  metrics: FontMetrics | null,
  locate: PanelLocation,
  { shrink = false }: BoardTextWarningOptions = {},
): ContentProblem[] {
  const regular = advanceOf(metrics, false);
  const bold = advanceOf(metrics, true);
  const { boardWidth, boardHeight } = DEFAULT_DIMENSIONS;
  const problems: ContentProblem[] = [];
  exhibition.sections.forEach((section, s) => {
    section.panels.forEach((panel, p) => {
      const { file, index } = locate(s, p);
      for (const item of boardTextItems(panel, boardWidth, boardHeight)) {
        const variants =
          typeof item.text === 'string'
            ? [{ key: '', text: item.text }]
            : [{ key: '.zh', text: item.text.zh }, ...(item.text.en ? [{ key: '.en', text: item.text.en }] : [])];
        for (const { key, text } of variants) {
          const advance = item.box.bold ? bold : regular;
          const fitted =
            item.path === 'title'
              ? { ...layoutTitle(text, advance, item.box.maxWidth), maxLines: 2 }
              : fitBox(text, item.box, advance);
          if (!fitted.overflow) {
            const nominal = item.path === 'title' ? TITLE_MAX_SIZE : item.box.fontSize;
            const share = fitted.fontSize / nominal;
            // English runs about three times as long as the Chinese and nearly always prints a
            // little smaller (52 of the shipped texts do): only the Chinese is worth a word.
            if (shrink && key !== '.en' && share < SHRUNK_BELOW) {
              const percent = Math.round(share * 100);
              problems.push({
                severity: 'warning',
                file,
                path: `panels[${index}].${item.path}${key}`,
                ...shrunkText(percent),
              });
            }
            continue;
          }
          const { maxLines } = fitted;
          problems.push({
            severity: 'warning',
            file,
            path: `panels[${index}].${item.path}${key}`,
            ...tooLongText(maxLines, fitted.neededLines),
          });
        }
      }
    });
  });
  return problems;
}
