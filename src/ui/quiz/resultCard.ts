/**
 * The result card's words, and the card drawn on a 2D canvas as a PNG the visitor can keep. The
 * same words go on the screen, on paper (the print stylesheet) and in the image. The image is drawn
 * in the site's own interface font (the build's Noto Sans SC subset, "Exhibit Sans"), which carries
 * every character of the interface and the quizzes; nothing is fetched from anywhere else.
 */
import { formatDate, type Lang, localize } from '../../content/localize.ts';
import type { LocalizedString } from '../../content/schema.ts';
import { quizText } from '../../i18n/quizStrings.ts';
import { formatScore, type Score } from '../../quiz/score.ts';
import { type DownloadTarget, downloadBlob } from '../downloadFile.ts';

export interface ResultCardText {
  exhibition: string;
  host: string;
  label: string;
  quizTitle: string;
  /** "7 / 10" (formatScore). */
  score: string;
  /** "答对 7 题，共 10 题". */
  scoreSentence: string;
  /** Only what the visitor typed; null when they typed nothing. */
  name: string | null;
  date: string;
}

export interface ResultCardInput {
  exhibition: { title: LocalizedString; host: LocalizedString };
  quizTitle: LocalizedString;
  score: Pick<Score, 'correct' | 'total'>;
  name: string;
  /** When the quiz was finished (the card's date). */
  at: Date;
  lang: Lang;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A local date as the content's dates are written ("2026-12-03"). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function resultCardText({ exhibition, quizTitle, score, name, at, lang }: ResultCardInput): ResultCardText {
  const typed = name.trim();
  return {
    exhibition: localize(exhibition.title, lang),
    host: localize(exhibition.host, lang),
    label: `${quizText('quiz', lang)} · ${quizText('quizResultCard', lang)}`,
    quizTitle: localize(quizTitle, lang),
    score: formatScore(score),
    scoreSentence: quizText('quizScoreSentence', lang, { correct: score.correct, total: score.total }),
    name: typed === '' ? null : typed,
    date: formatDate(localDay(at), lang),
  };
}

/** The saved image's size in CSS pixels (drawn at twice that, for sharp print and phone screens). */
export const RESULT_IMAGE = { width: 1200, height: 800, scale: 2 } as const;
// The page's own list (src/ui/styles.css): a typed name may hold characters the subset lacks, and
// then the device's own Chinese font draws them.
const FONT_FAMILY = '"Exhibit Sans", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
const COLOURS = { red: '#9b1b1e', deepRed: '#5e0d10', gold: '#d9b25f', cream: '#f8f1e3', ink: '#24160f', muted: '#6b5646' };

/** Breaks `text` into lines no wider than `width` (at characters: Chinese has no spaces), at most `max` lines. */
export function wrapLines(measure: (text: string) => number, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const character of text) {
    if (line !== '' && measure(line + character) > width) {
      lines.push(line);
      line = character.trim() === '' ? '' : character;
      if (lines.length === max) break;
    } else {
      line += character;
    }
  }
  if (lines.length < max && line !== '') lines.push(line);
  if (lines.length === max && lines.join('').length < [...text].length) {
    lines[max - 1] = `${(lines[max - 1] ?? '').slice(0, -1)}…`;
  }
  return lines;
}

/** Draws the card on a context of RESULT_IMAGE's size (in its own units). */
export function drawResultCard(context: CanvasRenderingContext2D, card: ResultCardText): void {
  const { width, height } = RESULT_IMAGE;
  const font = (weight: 400 | 700, size: number) => `${weight} ${size}px ${FONT_FAMILY}`;
  const centred = (text: string, y: number) => context.fillText(text, width / 2, y);

  context.fillStyle = COLOURS.cream;
  context.fillRect(0, 0, width, height);
  context.strokeStyle = COLOURS.red;
  context.lineWidth = 24;
  context.strokeRect(12, 12, width - 24, height - 24);
  context.strokeStyle = COLOURS.gold;
  context.lineWidth = 3;
  context.strokeRect(40, 40, width - 80, height - 80);

  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillStyle = COLOURS.red;
  context.font = font(700, 44);
  centred(card.exhibition, 120);
  context.fillStyle = COLOURS.muted;
  context.font = font(400, 26);
  centred(card.host, 162);

  context.fillStyle = COLOURS.ink;
  context.font = font(700, 34);
  const titleLines = wrapLines((text) => context.measureText(text).width, card.quizTitle, width - 200, 2);
  titleLines.forEach((line, index) => {
    centred(line, 240 + index * 46);
  });
  context.fillStyle = COLOURS.muted;
  context.font = font(400, 24);
  centred(card.label, 240 + titleLines.length * 46 + 4);

  context.fillStyle = COLOURS.red;
  context.font = font(700, 150);
  centred(card.score, 520);
  context.fillStyle = COLOURS.ink;
  context.font = font(400, 32);
  centred(card.scoreSentence, 580);

  if (card.name) {
    context.font = font(700, 36);
    const [nameLine = ''] = wrapLines((text) => context.measureText(text).width, card.name, width - 240, 1);
    centred(nameLine, 650);
  }
  context.fillStyle = COLOURS.muted;
  context.font = font(400, 26);
  centred(card.date, height - 78);
}

/** What saving needs of the page (the document, in tests a stand-in). */
export type SaveTarget = DownloadTarget;

/**
 * Draws the card and downloads it as a PNG (`canvas.toBlob` and an `<a download>`). Resolves to
 * false when the browser cannot draw or encode it (no 2D canvas): the screen then says so.
 */
export async function saveResultImage(
  card: ResultCardText,
  fileName: string,
  { document: doc, url }: SaveTarget = { document, url: URL },
): Promise<boolean> {
  const canvas = doc.createElement('canvas');
  canvas.width = RESULT_IMAGE.width * RESULT_IMAGE.scale;
  canvas.height = RESULT_IMAGE.height * RESULT_IMAGE.scale;
  const context = canvas.getContext('2d');
  if (!context) return false;
  // The interface font is usually in already; wait for both weights so the image never falls back.
  const sample = Object.values(card).join('');
  await Promise.all([
    doc.fonts?.load(`400 32px ${FONT_FAMILY}`, sample),
    doc.fonts?.load(`700 32px ${FONT_FAMILY}`, sample),
  ]).catch(() => undefined);
  context.scale(RESULT_IMAGE.scale, RESULT_IMAGE.scale);
  drawResultCard(context, card);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  downloadBlob(blob, fileName, { document: doc, url });
  return true;
}
