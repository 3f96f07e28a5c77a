/**
 * The `oath` kind (the 重温入党誓词 wall): its schema, the content check's view of its text and its
 * recording's cues, and what the rest of the app does with it (fonts, search, no synthetic voice).
 */
import { describe, expect, it } from 'vitest';
import { locateContentStrings } from '../../src/build/characters.ts';
import { type LoadResult, loadExhibition, type ReadContentFile } from '../../src/content/load.ts';
import { narrationScript, speechAllowed } from '../../src/content/narration.ts';
import { oathText, PARTY_OATH } from '../../src/content/oath.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { type Exhibition, type Panel, panelSchema } from '../../src/content/schema.ts';
import { buildSearchIndex, searchPanels } from '../../src/content/search.ts';

const CONSTITUTION_TEXT =
  '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定，严守党的纪律，保守党的秘密，对党忠诚，积极工作，为共产主义奋斗终身，随时准备为党和人民牺牲一切，永不叛党。';

/** The oath cut after every comma, each phrase keeping its punctuation. */
const PHRASES = CONSTITUTION_TEXT.match(/[^，。]+[，。]/gu) ?? [];

const oath = (extra: Record<string, unknown> = {}) => ({
  id: 'party-oath',
  kind: 'oath',
  title: '入党誓词',
  phrases: PHRASES,
  ...extra,
});

function loadOath(panel: unknown): Promise<LoadResult> {
  const files = new Map([
    [
      'exhibition.json',
      JSON.stringify({
        title: '党史长廊',
        host: '德清县消防救援大队',
        theme: '主题',
        sections: [{ id: 'oath', title: '重温入党誓词', file: 'oath.json' }],
      }),
    ],
    ['oath.json', JSON.stringify({ panels: [panel] })],
  ]);
  const read: ReadContentFile = async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`ENOENT: ${name}`);
    return text;
  };
  return loadExhibition(read);
}

const lines = (result: LoadResult) => result.problems.map(formatProblem);

describe('the oath kind', () => {
  it('holds the Party Constitution’s text (Chapter 1, Article 6)', () => {
    expect(PARTY_OATH).toBe(CONSTITUTION_TEXT);
    expect(PHRASES).toHaveLength(12);
  });

  it('loads the oath phrase by phrase, zh or zh + en, with an optional recording and cues', async () => {
    const result = await loadOath(
      oath({
        phrases: [{ zh: PHRASES[0], en: 'It is my will to join the Communist Party of China,' }, ...PHRASES.slice(1)],
        recording: { src: 'audio/oath.mp3', cues: PHRASES.map((_, index) => index * 2.5) },
      }),
    );
    expect(lines(result)).toEqual([]);
    const panel = result.exhibition?.sections[0]?.panels[0] as Panel;
    expect(panel.kind).toBe('oath');
    if (panel.kind === 'oath') expect(oathText(panel)).toBe(CONSTITUTION_TEXT);
  });

  it('needs its phrases: missing or empty is an error, and the panel is left out', async () => {
    expect(lines(await loadOath({ id: 'party-oath', kind: 'oath', title: '入党誓词' }))).toEqual([
      'assets/content/oath.json: panels[0].phrases: 缺少必填项 (required field is missing)',
    ]);
    expect(lines(await loadOath(oath({ phrases: [] })))).toEqual([
      'assets/content/oath.json: panels[0].phrases: 誓词展板（oath）至少要有一句誓词 (an oath panel holds at least one phrase)',
    ]);
  });

  it('takes its recording from assets/ only', async () => {
    const problems = lines(await loadOath(oath({ recording: { src: 'https://example.com/oath.mp3' } })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^assets\/content\/oath\.json: panels\[0\]\.recording\.src: .*不能是网址/);
  });

  it('warns when the phrases, joined, are not the Constitution’s text word for word', async () => {
    const changed = [...PHRASES];
    changed[8] = '努力工作，';
    const dropped = PHRASES.map((phrase) => phrase.replace(/[，。]$/u, ''));
    for (const phrases of [changed, dropped]) {
      const result = await loadOath(oath({ phrases }));
      expect(result.problems.map(({ severity, path }) => [severity, path])).toEqual([['warning', 'panels[0].phrases']]);
      expect(result.problems[0]?.zh).toContain('与《中国共产党章程》第一章第六条的誓词原文不一致');
      // A warning: the wall still stands.
      expect(result.exhibition?.sections[0]?.panels).toHaveLength(1);
    }
  });

  it('reports cues that cannot be the phrases’ start times: one per phrase, increasing', async () => {
    const tooFew = await loadOath(oath({ recording: { src: 'audio/oath.mp3', cues: [0, 2, 4] } }));
    expect(lines(tooFew)).toEqual([
      'assets/content/oath.json: panels[0].recording.cues: cues 要和誓词一样多：誓词有 12 句，cues 有 3 个 (there must be one cue per phrase: 12 phrase(s), 3 cue(s))',
    ]);
    const cues = PHRASES.map((_, index) => index * 2);
    cues[5] = 8;
    const backwards = await loadOath(oath({ recording: { src: 'audio/oath.mp3', cues } }));
    expect(lines(backwards)).toEqual([
      "assets/content/oath.json: panels[0].recording.cues[5]: 每句开始的时间要从小到大：8 秒不晚于上一句的 8 秒 (cues must increase: 8 s is not after the previous phrase's 8 s)",
    ]);
  });

  it('is never read by a synthetic voice; other kinds still are', () => {
    const panel = panelSchema.parse(oath({ summary: '党员重温，参观者诵读。' }));
    expect(speechAllowed(panel)).toBe(false);
    expect(speechAllowed(panelSchema.parse({ id: 'e', kind: 'event', title: '事件' }))).toBe(true);
    // The script for speech never holds the oath's own words.
    const spoken = narrationScript(panel, 'zh')
      .map((part) => part.text)
      .join('');
    expect(spoken).not.toContain('永不叛党');
  });

  it('its phrases are content strings (the font carries their characters) and search finds them', () => {
    const panel = panelSchema.parse(oath({ phrases: [{ zh: PHRASES[0], en: 'It is my will to join' }, ...PHRASES.slice(1)] }));
    const exhibition: Exhibition = {
      title: '党史长廊',
      host: '德清县消防救援大队',
      theme: '主题',
      sections: [{ id: 'oath', title: '重温入党誓词', file: 'oath.json', panels: [panel] }],
    };
    const located = locateContentStrings(exhibition).filter((entry) => entry.path[0] === 'phrases');
    expect(located.map((entry) => entry.path)).toContainEqual(['phrases', 0, 'en']);
    expect(located.map((entry) => entry.text).join('')).toContain('为共产主义奋斗终身');
    const [hit] = searchPanels(buildSearchIndex(exhibition), '永不叛党', 'zh');
    expect(hit?.panelId).toBe('party-oath');
    expect(hit?.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['永不叛党']);
  });
});
