/**
 * Content-check warnings for text too long to fit its board, measured with the board's own
 * line-breaker and text plan (src/layout), so the check and the board always agree.
 */

import type { ContentProblem } from '../content/problems.ts';
import type { Exhibition } from '../content/schema.ts';
import { boardTextItems, fitBox, layoutTitle } from '../layout/boardText.ts';
import { DEFAULT_DIMENSIONS } from '../layout/corridor.ts';
import { advanceOf, type FontMetrics } from '../layout/lineBreak.ts';

/** Where a loaded panel stands in its file. */
export type PanelLocation = (section: number, panel: number) => { file: string; index: number };

export function boardTextWarnings(exhibition: Exhibition, metrics: FontMetrics | null, locate: PanelLocation): ContentProblem[] {
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
          if (!fitted.overflow) continue;
          const { maxLines } = fitted;
          problems.push({
            severity: 'warning',
            file,
            path: `panels[${index}].${item.path}${key}`,
            zh: `文字太长：展板上只能显示 ${maxLines} 行，这段需要 ${fitted.neededLines} 行，多出的部分会以“…”省略`,
            en: `text too long for its board: ${maxLines} line(s) fit, it needs ${fitted.neededLines}; the rest is cut with "…"`,
          });
        }
      }
    });
  });
  return problems;
}
