import { describe, expect, it } from 'vitest';
import { allPanels } from '../../src/content/load.ts';
import { narrationFiles, narrationFor, narrationScript, speechLang } from '../../src/content/narration.ts';
import { panelSchema } from '../../src/content/schema.ts';
import { twinOutline, twinPanelAnchor } from '../../src/ui/text/twinOutline.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';
import { makeExhibition, PANEL_ORDER } from './presentFixtures.ts';

describe('twinOutline', () => {
  it('lists every section and every panel in exhibition order, numbered, with unique anchors', () => {
    const outline = twinOutline(makeExhibition(), 'en');
    expect(outline.title).toBe('党史长廊');
    expect(outline.sections.map((section) => section.title)).toEqual(['Section a', 'Section b', 'Section c']);
    const panels = outline.sections.flatMap((section) => section.panels);
    expect(panels.map((panel) => panel.id)).toEqual(PANEL_ORDER);
    expect(panels.map((panel) => panel.number)).toEqual(PANEL_ORDER.map((_, index) => index + 1));
    expect(outline.panelCount).toBe(PANEL_ORDER.length);
    expect(panels[0]?.title).toBe('Panel a1');
    const anchors = [...outline.sections.map((section) => section.anchor), ...panels.map((panel) => panel.anchor)];
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(panels[0]?.anchor).toBe(twinPanelAnchor('a1'));
  });

  it('speaks the visitor language, falling back to Chinese, with dates as precise as the source', async () => {
    const exhibition = await loadShippedExhibition();
    const zh = twinOutline(exhibition, 'zh');
    const en = twinOutline(exhibition, 'en');
    // Exactly the shipped panels, none added or left out.
    expect(zh.sections.flatMap((section) => section.panels.map((panel) => panel.id))).toEqual(
      allPanels(exhibition).map((panel) => panel.id),
    );
    const founding = zh.sections.flatMap((section) => section.panels).find((panel) => panel.id === 'cpc-founding-1921');
    expect(founding?.date).toMatch(/^1921年/);
    const foundingEn = en.sections.flatMap((section) => section.panels).find((panel) => panel.id === 'cpc-founding-1921');
    expect(foundingEn?.date).toMatch(/1921$/);
    expect(en.title).not.toBe(zh.title);
  });
});

describe('narration', () => {
  const panel = panelSchema.parse({
    id: 'p',
    kind: 'event',
    title: { zh: '标题', en: 'Title' },
    summary: '只有中文的摘要',
    body: [{ zh: '第一段', en: 'First' }],
    narration: { zh: { src: 'audio/p.zh.mp3', captions: 'audio/p.zh.vtt' } },
  });

  it('speech reads title, summary and body, each in the language it is written in', () => {
    expect(narrationScript(panel, 'zh')).toEqual([
      { text: '标题', lang: 'zh' },
      { text: '只有中文的摘要', lang: 'zh' },
      { text: '第一段', lang: 'zh' },
    ]);
    expect(narrationScript(panel, 'en')).toEqual([
      { text: 'Title', lang: 'en' },
      // No English summary: the Chinese is read by a Chinese voice, not spelled out by an English one.
      { text: '只有中文的摘要', lang: 'zh' },
      { text: 'First', lang: 'en' },
    ]);
    expect(speechLang('zh')).toBe('zh-CN');
    expect(speechLang('en')).toBe('en');
  });

  it('plays the recording of the visitor language only; a single recording is the Chinese one', () => {
    expect(narrationFor(panel.narration, 'zh')?.src).toBe('audio/p.zh.mp3');
    expect(narrationFor(panel.narration, 'en')).toBeUndefined();
    expect(narrationFor({ src: 'audio/a.mp3' }, 'zh')?.src).toBe('audio/a.mp3');
    expect(narrationFor({ src: 'audio/a.mp3' }, 'en')).toBeUndefined();
    expect(narrationFor(undefined, 'zh')).toBeUndefined();
  });

  it('names every file with its JSON path, for the content check', () => {
    expect(narrationFiles(panel.narration)).toEqual([
      { src: 'audio/p.zh.mp3', path: ['zh', 'src'] },
      { src: 'audio/p.zh.vtt', path: ['zh', 'captions'] },
    ]);
    expect(narrationFiles({ src: 'audio/a.mp3' })).toEqual([{ src: 'audio/a.mp3', path: ['src'] }]);
  });

  it('the schema refuses a narration that is a web address or has unknown fields', () => {
    const base = { id: 'p', kind: 'event', title: '标题' };
    expect(panelSchema.safeParse({ ...base, narration: { src: 'https://example.com/a.mp3' } }).success).toBe(false);
    expect(panelSchema.safeParse({ ...base, narration: { src: 'audio/a.mp3', volume: 1 } }).success).toBe(false);
    expect(panelSchema.safeParse({ ...base, narration: { en: { src: 'audio/a.en.mp3' } } }).success).toBe(true);
  });
});
