// @vitest-environment jsdom
/**
 * A statistics board (王彦平的监督检查) as the corridor prints it, in both languages: every label
 * whole, the unit once, one size for the figures and one for the labels; and the content check
 * names exactly the labels the board has to cut. The troika text mesh is `MockText` (see corridor.test).
 */
import ReactThreeTestRenderer from '@react-three/test-renderer';
import type * as THREE from 'three';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardTextWarnings } from '../../src/build/boardTextWarnings.ts';
import { collectContentStrings, fontCharacters } from '../../src/build/characters.ts';
import { fontMetricsFor } from '../../src/build/fonts.ts';
import { allPanels } from '../../src/content/load.ts';
import { type Lang, localize } from '../../src/content/localize.ts';
import { type Exhibition, type Panel, panelSchema } from '../../src/content/schema.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import type { FontMetrics } from '../../src/layout/lineBreak.ts';
import { Corridor } from '../../src/scene/Corridor.tsx';
import { FONT_BOLD } from '../../src/scene/fonts.ts';
import { useExhibition } from '../../src/store/store.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

vi.mock('../../src/scene/TroikaText.tsx', async () => ({ TroikaText: (await import('./mockText.tsx')).MockText }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STATS_PANEL = 'wang-yanping-figures';

let exhibition: Exhibition;
let metrics: FontMetrics;
const mounted: Array<Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>> = [];

beforeAll(async () => {
  exhibition = await loadShippedExhibition();
  // The advance widths the board measures with, from the shipped font (as the build writes them).
  metrics = fontMetricsFor(fontCharacters([...collectContentStrings(exhibition), 'A label far too long to fit two lines']));
});

afterEach(async () => {
  for (const renderer of mounted.splice(0)) await renderer.unmount();
  useExhibition.setState({ textBoardIds: null, fontMetrics: null });
});

interface PrintedText {
  text: string;
  fontSize: number;
  bold: boolean;
}

/** The texts printed on one board, as the corridor renders it in `lang`. */
async function printedOn(source: Exhibition, panelId: string, lang: Lang): Promise<PrintedText[]> {
  useExhibition.setState({ textBoardIds: [panelId], fontMetrics: metrics });
  const renderer = await ReactThreeTestRenderer.create(
    <Corridor exhibition={source} layout={layoutCorridor(source)} lang={lang} onOpenPanel={() => {}} onWalkTo={() => {}} />,
  );
  mounted.push(renderer);
  const board = renderer.scene.find((node) => node.instance.userData.panelId === panelId).instance as THREE.Object3D;
  const printed: PrintedText[] = [];
  board.traverse((object) => {
    const { text, fontSize, font } = object.userData as { text?: string; fontSize?: number; font?: string };
    if (typeof text === 'string') printed.push({ text, fontSize: fontSize ?? Number.NaN, bold: font === FONT_BOLD });
  });
  return printed;
}

/** A broken text put back together: an English break stood for a space, a Chinese one for nothing. */
const oneLine = (text: string, lang: Lang = 'en') => text.replace(/\n/g, lang === 'en' ? ' ' : '');
const occurrences = (text: string, word: string) => text.toLowerCase().split(word.toLowerCase()).length - 1;

describe('the statistics board', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: prints every label whole, the unit once, figures at one size and labels at one size`, async () => {
      const panel = allPanels(exhibition).find((candidate) => candidate.id === STATS_PANEL);
      if (panel?.kind !== 'stats') throw new Error(`${STATS_PANEL} is not a stats panel`);
      const printed = await printedOn(exhibition, STATS_PANEL, lang);
      expect(printed.filter((text) => text.text.includes('…')).map((text) => text.text)).toEqual([]);
      // The date the figures count from, joined to its label in the language's own punctuation.
      expect(printed.map((text) => text.text)).toContain(lang === 'en' ? 'Counted since: 1 June 2021' : '统计起始：2021年6月1日');

      const figures: PrintedText[] = [];
      const labels: PrintedText[] = [];
      for (const stat of panel.stats) {
        const label = localize(stat.label, lang);
        const labelText = printed.find((text) => oneLine(text.text, lang) === label);
        expect(labelText, `label “${label}” printed whole`).toBeDefined();
        const figure = printed.find((text) => text.bold && new RegExp(`^${stat.value}(\\D|$)`).test(text.text));
        expect(figure, `figure ${stat.value}`).toBeDefined();
        if (!labelText || !figure) continue;
        labels.push(labelText);
        figures.push(figure);
        // What is counted is said once: by the measure word after the Chinese number (204家),
        // by the English label itself ("Premises sealed"), never both.
        const unit = localize(stat.unit, lang);
        if (lang === 'en' && unit) {
          expect(occurrences(`${figure.text} ${labelText.text}`, unit), `“${unit}” for ${stat.value}`).toBeLessThanOrEqual(1);
        } else {
          expect(figure.text).toBe(`${stat.value}${unit}`);
          expect(occurrences(labelText.text, unit), `“${unit}” for ${stat.value}`).toBe(0);
        }
      }
      expect(new Set(figures.map((text) => text.fontSize)).size, 'figure sizes').toBe(1);
      expect(new Set(labels.map((text) => text.fontSize)).size, 'label sizes').toBe(1);
    });
  }

  it('is checked by the content check, which names exactly the labels the board cuts', async () => {
    const template = allPanels(exhibition).find((candidate) => candidate.id === STATS_PANEL) as Panel;
    const panel = panelSchema.parse({
      ...template,
      id: 'fit-test-figures',
      related: [],
      stats: [
        { label: { zh: '发现隐患', en: 'Hazards found' }, value: 246, unit: { zh: '处', en: 'hazards' } },
        // Fits whole on two lines, as long as nothing is put before it.
        {
          label: { zh: '下发责令限期改正通知书', en: 'Orders to correct within a time limit' },
          value: 125,
          unit: { zh: '份', en: 'notices' },
        },
        { label: { zh: '太长', en: 'A label far too long to fit two lines of its cell on the board' }, value: 3, unit: '家' },
      ],
    });
    const source: Exhibition = {
      ...exhibition,
      sections: [{ ...(exhibition.sections[0] as Exhibition['sections'][0]), panels: [panel] }],
    };
    const warned = boardTextWarnings(source, metrics, (_section, index) => ({ file: 'members.json', index }))
      .map((problem) => problem.path)
      .filter((path) => path.includes('.stats['));
    expect(warned).toEqual(['panels[0].stats[2].label.en']);

    const printed = await printedOn(source, panel.id, 'en');
    const cut = printed.filter((text) => text.text.includes('…')).map((text) => oneLine(text.text));
    expect(cut).toHaveLength(1);
    expect(cut[0]?.startsWith('A label far too long')).toBe(true);
  });
});
