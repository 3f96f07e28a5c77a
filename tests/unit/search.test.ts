import { describe, expect, it } from 'vitest';
import { type Exhibition, panelSchema } from '../../src/content/schema.ts';
import { buildSearchIndex, foldText, queryTerms, type SnippetPart, searchPanels, snippetOf } from '../../src/content/search.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

const panel = (json: unknown) => panelSchema.parse(json);

function exhibition(): Exhibition {
  return {
    title: '党史长廊',
    host: '德清县消防救援大队',
    theme: '学党史',
    sections: [
      {
        id: 'timeline',
        title: '百年党史',
        file: 'timeline.json',
        panels: [
          panel({
            id: 'founding',
            kind: 'milestone',
            date: '1921-07',
            period: 'new-democratic-revolution',
            title: { zh: '中国共产党成立', en: 'The Communist Party of China is founded' },
            summary: { zh: '1921年7月，中共一大在上海召开。', en: 'In July 1921 the First Congress met in Shanghai.' },
          }),
          panel({
            id: 'centenary',
            kind: 'milestone',
            date: '2021-07-01',
            period: 'new-era',
            title: { zh: '建党一百周年', en: 'The centenary' },
            body: [
              { zh: '庆祝中国共产党成立100周年大会在北京举行。', en: 'The centenary of the Party was celebrated in Beijing.' },
            ],
          }),
        ],
      },
      {
        id: 'brigade',
        title: '大队风采',
        file: 'brigade.json',
        panels: [
          panel({
            id: 'heroes',
            kind: 'member',
            title: { zh: '最美逆行者', en: 'The most beautiful heroes' },
            people: [
              { name: '方杰', role: { zh: '消防员', en: 'Firefighter' }, honours: [{ zh: '二等功', en: 'Second-Class Merit' }] },
            ],
            images: [{ src: 'photos/a.jpg', caption: { zh: '抬出液化气罐', en: 'Carrying out gas cylinders' } }],
          }),
          panel({
            id: 'figures',
            kind: 'stats',
            title: '王彦平的检查成果',
            stats: [{ label: { zh: '检查单位', en: 'Premises inspected' }, value: 204, unit: '家' }],
          }),
          panel({
            id: 'notice',
            kind: 'board',
            title: { zh: '党务公开栏', en: 'Party affairs notice board' },
            points: [{ zh: '党建联盟成立仪式', en: 'The Party-building alliance founded' }],
          }),
          panel({
            id: 'local',
            kind: 'to-fill',
            title: '德清县党史',
            note: { zh: '待大队提供内容', en: 'Awaiting the brigade' },
          }),
        ],
      },
    ],
  };
}

const index = buildSearchIndex(exhibition());
const ids = (query: string, lang: 'zh' | 'en' = 'zh') => searchPanels(index, query, lang).map((result) => result.panelId);
const joined = (parts: SnippetPart[]) => parts.map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');

describe('foldText', () => {
  it('folds full-width forms and case, remembering where each character came from', () => {
    const { folded, origin } = foldText('２０２１年ＣＰＣ');
    expect(folded).toBe('2021年cpc');
    expect(origin).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps astral characters whole', () => {
    // NFKC leaves 𠀀 as two UTF-16 units, both from index 0.
    expect(foldText('𠀀a').origin).toEqual([0, 0, 2, 3]);
  });
});

describe('queryTerms', () => {
  it('splits on any space, full-width spaces too, and ignores an empty query', () => {
    expect(queryTerms('  党史　ＣＰＣ ')).toEqual(['党史', 'cpc']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('searchPanels', () => {
  it('finds Chinese by substring, anywhere in a word', () => {
    expect(ids('共产党')).toEqual(['founding', 'centenary']);
    expect(ids('逆行')).toEqual(['heroes']);
  });

  it('finds English case-insensitively, whatever the visitor language', () => {
    expect(ids('SHANGHAI')).toEqual(['founding']);
    expect(ids('shanghai', 'en')).toEqual(['founding']);
  });

  it('treats full-width and half-width digits and letters alike', () => {
    expect(ids('２０２１')).toEqual(['centenary']);
    expect(ids('１９２１')).toEqual(['founding']);
    expect(ids('２０４')).toEqual(['figures']);
    expect(ids('ＳＥＣＯＮＤ')).toEqual(['heroes']);
  });

  it('searches people, honours, captions, points, stats labels and notes', () => {
    expect(ids('方杰')).toEqual(['heroes']);
    expect(ids('二等功')).toEqual(['heroes']);
    expect(ids('cylinders')).toEqual(['heroes']);
    expect(ids('党建联盟')).toEqual(['notice']);
    expect(ids('premises')).toEqual(['figures']);
    expect(ids('待大队')).toEqual(['local']);
  });

  it('ranks title hits first, then by where the hit is, then in exhibition order', () => {
    // 成立: founding's title, notice's points (党建联盟成立仪式, 4th character), centenary's body (8th).
    expect(ids('成立')).toEqual(['founding', 'notice', 'centenary']);
    const [first] = searchPanels(index, '成立', 'zh');
    expect(first?.field).toBe('title');
    // Every one has 党 in its title: more fields with hits rank higher, then the earlier hit.
    expect(ids('党')).toEqual(['notice', 'centenary', 'local', 'founding']);
  });

  it('needs every word of the query', () => {
    expect(ids('1921 上海')).toEqual(['founding']);
    expect(ids('1921 北京')).toEqual([]);
  });

  it('marks the hits in the title and a snippet in the visitor language', () => {
    const [result] = searchPanels(index, '上海', 'zh');
    expect(result && joined(result.title)).toBe('中国共产党成立');
    expect(result && joined(result.snippet)).toBe('1921年7月，中共一大在[上海]召开。');
    const [english] = searchPanels(index, '上海', 'en');
    // The hit is only in the Chinese text: the English visitor still finds it, with the Chinese snippet.
    expect(english && joined(english.title)).toBe('The Communist Party of China is founded');
    expect(english && joined(english.snippet)).toBe('1921年7月，中共一大在[上海]召开。');
    const [byTitle] = searchPanels(index, 'communist', 'en');
    expect(byTitle && joined(byTitle.title)).toBe('The [Communist] Party of China is founded');
    // Only the title matched: the snippet shows the summary for context.
    expect(byTitle && joined(byTitle.snippet)).toBe('In July 1921 the First Congress met in Shanghai.');
  });

  it('shows a date as the panels do (2021年7月1日 / 1 July 2021), and finds it typed either way', () => {
    for (const [query, lang, snippet] of [
      ['2021', 'zh', '[2021]年7月1日'],
      ['2021', 'en', '1 July [2021]'],
      ['2021年7月', 'zh', '[2021年7月]1日'],
      ['July 2021', 'en', '1 [July] [2021]'],
      // The ISO form the content files use still finds the panel, and is shown formatted.
      ['2021-07-01', 'zh', '[2021年7月1日]'],
      ['2021-07', 'en', '[1 July 2021]'],
    ] as const) {
      const [result] = searchPanels(index, query, lang);
      expect(result?.panelId, query).toBe('centenary');
      expect(result?.field, query).toBe('date');
      expect(result && joined(result.snippet), `${query} (${lang})`).toBe(snippet);
    }
    // No snippet anywhere shows a date in the files' form.
    for (const query of ['19', '20', '07', '-']) {
      for (const lang of ['zh', 'en'] as const) {
        for (const result of searchPanels(index, query, lang)) expect(joined(result.snippet)).not.toMatch(/\d{4}-\d{2}/);
      }
    }
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchPanels(index, '', 'zh')).toEqual([]);
    expect(searchPanels(index, '不存在的词', 'zh')).toEqual([]);
  });
});

describe('snippetOf', () => {
  it('cuts long texts around the first hit with ellipses', () => {
    const text = `${'甲'.repeat(50)}目标${'乙'.repeat(80)}`;
    const parts = snippetOf(text, [[50, 52]], 5);
    expect(joined(parts)).toBe(`…${'甲'.repeat(5)}[目标]${'乙'.repeat(10)}…`);
  });
});

describe('the shipped content', () => {
  it('finds every panel by its own Chinese and English title', async () => {
    const shipped = await loadShippedExhibition();
    const shippedIndex = buildSearchIndex(shipped);
    for (const section of shipped.sections) {
      for (const item of section.panels) {
        const title = typeof item.title === 'string' ? { zh: item.title, en: undefined } : item.title;
        expect(searchPanels(shippedIndex, title.zh, 'zh').map((result) => result.panelId)).toContain(item.id);
        if (title.en) expect(searchPanels(shippedIndex, title.en, 'en')[0]?.panelId).toBe(item.id);
      }
    }
  });
});
