import { describe, expect, it } from 'vitest';
import { formatDate, LANGS, type Lang, localize, variants, yearOf } from '../../src/content/localize.ts';
import { partialDate } from '../../src/content/schema.ts';
import { KIOSK_STRINGS, type KioskStringKey, kioskText } from '../../src/i18n/kioskStrings.ts';
import { OATH_STRINGS, type OathStringKey, oathText } from '../../src/i18n/oathStrings.ts';
import { PRESENT_STRINGS, type PresentStringKey, presentText } from '../../src/i18n/presentStrings.ts';
import { QUIZ_STRINGS, type QuizStringKey, quizText } from '../../src/i18n/quizStrings.ts';
import { t, UI_STRINGS, type UiStringKey } from '../../src/i18n/strings.ts';

describe('localize', () => {
  it('gives plain text in every language', () => {
    for (const lang of LANGS) expect(localize('中国共产党诞生', lang)).toBe('中国共产党诞生');
  });

  it('picks the language of a { zh, en } string', () => {
    const text = { zh: '南昌起义', en: 'The Nanchang Uprising' };
    expect(localize(text, 'zh')).toBe('南昌起义');
    expect(localize(text, 'en')).toBe('The Nanchang Uprising');
  });

  it('falls back to Chinese when the English is missing', () => {
    expect(localize({ zh: '德清县党史' }, 'en')).toBe('德清县党史');
    expect(localize({ zh: '德清县党史' }, 'zh')).toBe('德清县党史');
  });

  it('gives "" for a missing string', () => {
    expect(localize(undefined, 'zh')).toBe('');
    expect(localize(undefined, 'en')).toBe('');
  });
});

describe('variants', () => {
  it('lists every language a string has, Chinese first', () => {
    expect(variants('红船')).toEqual(['红船']);
    expect(variants({ zh: '红船' })).toEqual(['红船']);
    expect(variants({ zh: '红船', en: 'The Red Boat' })).toEqual(['红船', 'The Red Boat']);
    expect(variants(undefined)).toEqual([]);
  });

  it('covers what localize can show in any language', () => {
    const samples = ['红船', { zh: '红船' }, { zh: '红船', en: 'The Red Boat' }];
    for (const sample of samples) {
      for (const lang of LANGS) expect(variants(sample)).toContain(localize(sample, lang));
    }
  });
});

describe('formatDate', () => {
  /** An independent reference: the platform's own date formatting. */
  const reference = (date: string, lang: 'zh' | 'en') => {
    const [year = 0, month, day] = date.split('-').map(Number);
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (month) options.month = 'long';
    if (day) options.day = 'numeric';
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const utc = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    return new Intl.DateTimeFormat(locale, options).format(utc);
  };

  it('YYYY', () => {
    expect(formatDate('1921', 'zh')).toBe('1921年');
    expect(formatDate('1921', 'en')).toBe('1921');
  });

  it('YYYY-MM', () => {
    expect(formatDate('1935-01', 'zh')).toBe('1935年1月');
    expect(formatDate('1935-01', 'en')).toBe('January 1935');
    expect(formatDate('2021-05', 'zh')).toBe('2021年5月');
    expect(formatDate('2021-05', 'en')).toBe('May 2021');
  });

  it('YYYY-MM-DD', () => {
    expect(formatDate('1921-07-23', 'zh')).toBe('1921年7月23日');
    expect(formatDate('1921-07-23', 'en')).toBe('23 July 1921');
    expect(formatDate('1949-10-01', 'zh')).toBe('1949年10月1日');
    expect(formatDate('1949-10-01', 'en')).toBe('1 October 1949');
  });

  it('agrees with the platform’s formatting for every month and precision', () => {
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      for (const date of [`2001-${mm}`, `2001-${mm}-09`, `1997-${mm}-28`]) {
        for (const lang of LANGS) expect(formatDate(date, lang), `${date} ${lang}`).toBe(reference(date, lang));
      }
    }
    for (const lang of LANGS) expect(formatDate('2012', lang)).toBe(reference('2012', lang));
  });

  it('never invents a month or a day the date does not have', () => {
    expect(formatDate('2021', 'zh')).not.toMatch(/月|日/);
    expect(formatDate('2021-05', 'zh')).not.toContain('日');
    expect(formatDate('2021-05', 'en')).not.toMatch(/\b\d{1,2}\s+May/);
  });
});

describe('yearOf', () => {
  it('reads the year at any precision', () => {
    expect(yearOf('1921')).toBe(1921);
    expect(yearOf('1921-07')).toBe(1921);
    expect(yearOf('2021-07-01')).toBe(2021);
  });

  it('agrees with the date schema: only valid dates, all with a 4-digit year', () => {
    for (const date of ['1921', '1921-07', '1921-07-23']) expect(partialDate.safeParse(date).success).toBe(true);
    for (const date of ['21', '1921-7', '1921-13', '1921-07-32', '1921/07', ''])
      expect(partialDate.safeParse(date).success, date).toBe(false);
  });
});

/**
 * Every table of interface strings, with the lookup that reads it: the shared one (`t`), and the
 * kiosk's, the projector's, the quizzes' and the oath's, which come with their screens' code
 * (issue 20, initial JS).
 */
const TABLES: Array<{
  name: string;
  table: Record<string, Record<Lang, string>>;
  lookup: (key: string, lang: Lang, values?: Record<string, string | number>) => string;
}> = [
  { name: 'UI_STRINGS', table: UI_STRINGS, lookup: (key, lang, values) => t(key as UiStringKey, lang, values) },
  {
    name: 'KIOSK_STRINGS',
    table: KIOSK_STRINGS,
    lookup: (key, lang, values) => kioskText(key as KioskStringKey, lang, values),
  },
  {
    name: 'PRESENT_STRINGS',
    table: PRESENT_STRINGS,
    lookup: (key, lang, values) => presentText(key as PresentStringKey, lang, values),
  },
  { name: 'QUIZ_STRINGS', table: QUIZ_STRINGS, lookup: (key, lang, values) => quizText(key as QuizStringKey, lang, values) },
  { name: 'OATH_STRINGS', table: OATH_STRINGS, lookup: (key, lang, values) => oathText(key as OathStringKey, lang, values) },
];

describe.each(TABLES)('UI strings: $name', ({ table, lookup }) => {
  const keys = Object.keys(table);
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('every string has Chinese and English text', () => {
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) {
      const entry: Record<string, string> = table[key] as Record<Lang, string>;
      expect(Object.keys(entry).sort(), key).toEqual([...LANGS].sort());
      for (const lang of LANGS) {
        expect(typeof entry[lang], `${key}.${lang}`).toBe('string');
        expect(entry[lang]?.trim(), `${key}.${lang}`).not.toBe('');
      }
    }
  });

  it('both languages of a string use the same placeholders', () => {
    for (const key of keys) expect(placeholders(table[key]?.en ?? ''), key).toEqual(placeholders(table[key]?.zh ?? ''));
  });

  it('the Chinese text is Chinese, except the language switch, which names the other language', () => {
    for (const key of keys) {
      const { zh, en } = table[key] as Record<Lang, string>;
      if (key === 'language') {
        expect(zh).toBe('English');
        expect(en).toBe('中文');
        continue;
      }
      expect(zh, key).toMatch(/\p{Script=Han}/u);
      expect(en, key).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('its lookup fills every placeholder of every string', () => {
    for (const key of keys) {
      for (const lang of LANGS) {
        const names = placeholders(table[key]?.[lang] ?? '');
        const values = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
        const filled = lookup(key, lang, values);
        expect(filled, `${key}.${lang}`).not.toMatch(/\{\w+\}/);
        for (const name of names) expect(filled).toContain(`«${name}»`);
      }
    }
  });
});

describe('UI strings', () => {
  it("no key is in two tables (a mode's lookup would hide the shared string)", () => {
    const shared = new Set(Object.keys(UI_STRINGS));
    for (const { name, table } of TABLES.slice(1)) {
      expect(
        Object.keys(table).filter((key) => shared.has(key)),
        name,
      ).toEqual([]);
    }
  });

  it('t() fills placeholders in either language', () => {
    expect(t('panelOf', 'zh', { n: 3, total: 30 })).toBe('第 3 / 30 块');
    expect(t('panelOf', 'en', { n: 3, total: 30 })).toBe('Panel 3 of 30');
    expect(t('unknownPanel', 'zh', { id: 'nobody' })).toBe('找不到展板“nobody”。');
    expect(t('unknownPanel', 'en', { id: 'nobody' })).toBe('There is no panel "nobody".');
    expect(t('problemsCount', 'en', { n: 0 })).toBe('0 content problem(s)');
  });

  it('t() leaves a placeholder it has no value for, and plain strings as they are', () => {
    expect(t('panelOf', 'en', { n: 2 })).toBe('Panel 2 of {total}');
    expect(t('close', 'zh')).toBe('关闭');
    expect(t('close', 'en')).toBe('Close');
  });

  it("the screens' own lookups find their own strings and the shared ones", () => {
    expect(kioskText('kioskStart', 'zh')).toBe('开始参观');
    expect(kioskText('close', 'en')).toBe('Close');
    expect(presentText('presentStopOf', 'en', { n: 2, total: 9 })).toBe('Stop 2 of 9');
    expect(presentText('presentStops', 'zh', { n: 4 })).toBe('4 站');
    expect(presentText('panelOf', 'en', { n: 2 })).toBe('Panel 2 of {total}');
    expect(quizText('quizProgress', 'en', { n: 1, total: 5 })).toBe('Question 1 of 5');
    expect(quizText('quiz', 'zh')).toBe('知识问答');
    expect(oathText('oathCeremony', 'zh')).toBe('重温入党誓词');
  });
});
