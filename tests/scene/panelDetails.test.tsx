// @vitest-environment jsdom
/**
 * The card's labels and their values, joined with the language's own punctuation: "统计起始：
 * 2021年6月1日" in Chinese, "Counted since: 1 June 2021" in English (never a Chinese colon there).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectContentStrings } from '../../src/build/characters.ts';
import { allPanels, loadExhibition } from '../../src/content/load.ts';
import { type Lang, variants } from '../../src/content/localize.ts';
import type { Exhibition, Panel } from '../../src/content/schema.ts';
import { labelled } from '../../src/i18n/strings.ts';
import { useExhibition } from '../../src/store/store.ts';
import { PanelDetails } from '../../src/ui/PanelDetails.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let exhibition: Exhibition;
let root: Root | undefined;
let container: HTMLElement;

beforeAll(async () => {
  const loaded = await loadExhibition((name) => readFile(join(import.meta.dirname, '../../assets/content', name), 'utf8'));
  if (!loaded.exhibition) throw new Error('assets/content did not load');
  exhibition = loaded.exhibition;
  useExhibition.setState({ exhibition });
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

function render(panel: Panel, lang: Lang): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<PanelDetails panel={panel} lang={lang} />));
  return container;
}

const byId = (id: string) => {
  const panel = allPanels(exhibition).find((candidate) => candidate.id === id);
  if (!panel) throw new Error(`no panel ${id}`);
  return panel;
};

describe('labelled', () => {
  it('joins with a full-width colon in Chinese and a colon and space in English', () => {
    expect(labelled('统计起始', '2021年6月1日', 'zh')).toBe('统计起始：2021年6月1日');
    expect(labelled('Counted since', '1 June 2021', 'en')).toBe('Counted since: 1 June 2021');
  });
});

describe('the card', () => {
  it('says "Counted since: 1 June 2021" and "Source: …" in English, with the Chinese colon in Chinese', () => {
    const figures = byId('wang-yanping-figures');
    const english = render(figures, 'en');
    expect(english.querySelector('.panel-card__since')?.textContent).toBe('Counted since: 1 June 2021');
    expect(english.querySelector('.panel-card__source')?.textContent).toMatch(/^Source: “/);
    act(() => root?.unmount());
    const chinese = render(figures, 'zh');
    expect(chinese.querySelector('.panel-card__since')?.textContent).toBe('统计起始：2021年6月1日');
    expect(chinese.querySelector('.panel-card__source')?.textContent).toMatch(/^资料来源：《/);
  });

  it('puts no Chinese colon between a label and its value on any English card', () => {
    // The English content itself has none, so any on the card comes from how labels are joined.
    const englishContent = collectContentStrings(exhibition).filter((text) => !/[\u3400-\u9fff]/u.test(text));
    expect(englishContent.filter((text) => text.includes('：'))).toEqual([]);
    for (const panel of allPanels(exhibition)) {
      const card = render(panel, 'en');
      // Text that is still Chinese on an English card (a name without English) is the content's own.
      const chineseOnly = [panel.title, ...panel.body].flatMap((text) => variants(text)).filter((text) => text.includes('：'));
      let shown = card.textContent ?? '';
      for (const text of chineseOnly) shown = shown.replaceAll(text, '');
      expect(
        shown.includes('：'),
        `${panel.id}: ${shown.slice(Math.max(0, shown.indexOf('：') - 30), shown.indexOf('：') + 10)}`,
      ).toBe(false);
      act(() => root?.unmount());
      container.remove();
    }
  });

  it('labels a board still to be filled as such, in either language, before saying what it will show', () => {
    const toFill = byId('deqing-party-history');
    expect(render(toFill, 'zh').querySelector('.panel-card__to-fill')?.textContent).toMatch(/^待补充：这里将介绍德清县/);
    act(() => root?.unmount());
    expect(render(toFill, 'en').querySelector('.panel-card__to-fill')?.textContent).toMatch(/^To be filled in: This board will/);
  });
});
