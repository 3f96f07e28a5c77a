/**
 * How the presenter's results read on screen and on paper: the same date and percentages as the
 * station's CSV (src/server/commands/contestResults.ts), so the sheet and the spreadsheet agree.
 */
import type { QuestionResult } from '../../../live/protocol.ts';

/** "2025-05-04 14:30" in this computer's zone (the station's, in the room): digits only, for either language. */
export function resultsTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "67%", rounded from the counts as the CSV does; null when nobody answered. */
export function correctPercent({
  answeredCount,
  correctCount,
}: Pick<QuestionResult, 'answeredCount' | 'correctCount'>): string | null {
  if (!answeredCount || correctCount === null) return null;
  return `${Math.round((100 * correctCount) / answeredCount)}%`;
}
