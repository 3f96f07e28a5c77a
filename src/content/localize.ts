/** Picks the visitor's language from a content string, falling back to Chinese. */
import type { Lang } from '../i18n/lang.ts';
import type { LocalizedString, PartialDate } from './schema.ts';

// The languages are the interface's too (src/i18n/ sits below the content): one definition, named here as well.
export { LANGS, type Lang } from '../i18n/lang.ts';

export function localize(text: LocalizedString | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** Every language variant of a string, for font subsetting and checks. */
export function variants(text: LocalizedString | undefined): string[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [text];
  return text.en === undefined ? [text.zh] : [text.zh, text.en];
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1921-07-23" → "1921年7月23日" / "23 July 1921"; as precise as the date is. */
export function formatDate(date: PartialDate, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number);
  if (lang === 'zh') {
    return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  }
  const monthName = month ? MONTHS_EN[month - 1] : undefined;
  if (!monthName) return String(year);
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The year a date falls in. */
export function yearOf(date: PartialDate): number {
  return Number(date.slice(0, 4));
}
