import { describe, expect, it } from 'vitest';
import {
  ALWAYS_INCLUDED,
  codePointLabel,
  collectContentStrings,
  fontCharacters,
  locateContentStrings,
  uiStrings,
} from '../../src/build/characters.ts';
import { type Exhibition, panelSchema } from '../../src/content/schema.ts';

const exhibition: Exhibition = {
  title: { zh: '党史长廊', en: 'Corridor' },
  host: '德清县消防救援大队',
  theme: '不忘初心',
  motto: { zh: '赴汤蹈火', en: 'Through fire and water' },
  sections: [
    {
      id: 'timeline',
      title: '百年历程',
      intro: { zh: '序言', en: 'Preface' },
      file: 'timeline.json',
      panels: [
        panelSchema.parse({
          id: 'founding',
          kind: 'milestone',
          date: '1921-07',
          period: 'new-democratic-revolution',
          title: { zh: '建党', en: 'Founding' },
          body: ['𠀀字段', { zh: '囧', en: 'Body' }],
          images: [{ src: 'photos/a.jpg', caption: '红船', alt: { zh: '游船', en: 'A boat' } }],
        }),
        panelSchema.parse({
          id: 'people',
          kind: 'member',
          title: '先进',
          people: [{ name: '张三', role: { zh: '站长', en: 'Chief' }, honours: ['三等功'] }],
        }),
        panelSchema.parse({
          id: 'stats',
          kind: 'stats',
          title: '统计',
          stats: [{ label: '检查', value: 42, unit: { zh: '家', en: 'sites' } }],
        }),
        panelSchema.parse({ id: 'board', kind: 'board', title: '公开栏', points: ['要点'], source: '来源' }),
        panelSchema.parse({ id: 'to-fill', kind: 'to-fill', title: '待定', note: { zh: '待补', en: 'Pending' } }),
      ],
    },
  ],
};

describe('collectContentStrings', () => {
  const strings = collectContentStrings(exhibition);

  it('walks every visitor-facing field in every language', () => {
    for (const expected of [
      '党史长廊',
      'Corridor',
      '德清县消防救援大队',
      '不忘初心',
      'Through fire and water',
      '百年历程',
      'Preface',
      '建党',
      'Founding',
      '𠀀字段',
      '囧',
      'Body',
      '红船',
      '游船',
      'A boat',
      '张三',
      'Chief',
      '三等功',
      '检查',
      'sites',
      '要点',
      '来源',
      '待补',
      'Pending',
      '1921年7月',
      'July 1921',
    ]) {
      expect(strings).toContain(expected);
    }
  });

  it('knows where each string stands', () => {
    const located = locateContentStrings(exhibition);
    expect(located.find((entry) => entry.text === 'A boat')).toEqual({
      text: 'A boat',
      section: 0,
      panel: 0,
      path: ['images', 0, 'alt', 'en'],
    });
    expect(located.find((entry) => entry.text === '三等功')?.path).toEqual(['people', 0, 'honours', 0]);
    expect(located.find((entry) => entry.text === 'Preface')).toEqual({ text: 'Preface', section: 0, path: ['intro', 'en'] });
    expect(located.find((entry) => entry.text === '德清县消防救援大队')).toEqual({ text: '德清县消防救援大队', path: ['host'] });
  });
});

describe('fontCharacters', () => {
  it('keeps astral characters whole', () => {
    const chars = Array.from(fontCharacters(['𠀀']));
    expect(chars).toContain('𠀀');
    expect(chars).not.toContain('\uD840');
    expect(chars.every((char) => char.length === 1 || (char.codePointAt(0) ?? 0) > 0xffff)).toBe(true);
  });

  it('sorts by code point and lists each character once', () => {
    const chars = Array.from(fontCharacters(['党党党', '史', '党史', '𠀀']));
    expect(new Set(chars).size).toBe(chars.length);
    const codePoints = chars.map((char) => char.codePointAt(0) ?? 0);
    expect(codePoints).toEqual([...codePoints].sort((a, b) => a - b));
    expect(chars.at(-1)).toBe('𠀀');
  });

  it('always has printable ASCII, common punctuation and the UI strings', () => {
    const chars = new Set(Array.from(fontCharacters([])));
    for (let code = 0x20; code <= 0x7e; code++) expect(chars.has(String.fromCharCode(code))).toBe(true);
    for (const char of '“”‘’、。，：；！？（）《》—…·「」『』【】') expect(chars.has(char)).toBe(true);
    for (const char of uiStrings().join('')) expect(chars.has(char)).toBe(true);
    expect(chars.has('廊')).toBe(true); // from UI_STRINGS.appName
    expect(Array.from(fontCharacters([])).length).toBeGreaterThan(Array.from(ALWAYS_INCLUDED).length);
  });

  it('drops control characters and line breaks but keeps spaces that take room', () => {
    const chars = new Set(Array.from(fontCharacters(['a\nb\tc\r\u200b\ufeff', '\u3000\u3000正文'])));
    for (const char of ['\n', '\t', '\r', '\u200b', '\ufeff']) expect(chars.has(char)).toBe(false);
    expect(chars.has(' ')).toBe(true);
    expect(chars.has('\u3000')).toBe(true);
    expect(chars.has('正')).toBe(true);
  });

  it('covers every collected content string', () => {
    const chars = new Set(Array.from(fontCharacters(collectContentStrings(exhibition))));
    for (const char of Array.from(collectContentStrings(exhibition).join(''))) expect(chars.has(char)).toBe(true);
  });
});

describe('codePointLabel', () => {
  it('names code points as U+XXXX', () => {
    expect(codePointLabel('𠀀')).toBe('U+20000');
    expect(codePointLabel('囧')).toBe('U+56E7');
    expect(codePointLabel('a')).toBe('U+0061');
  });
});
