// @vitest-environment jsdom
/**
 * The oath on the card and in the text twin (both render PanelDetails) until its wall and ceremony
 * come: the phrases as an ordered list in Chinese, the English translation beside each in English,
 * and no 朗读 button, since no synthetic voice may read the oath.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Panel, panelSchema } from '../../src/content/schema.ts';
import { Narration } from '../../src/ui/Narration.tsx';
import { PanelDetails } from '../../src/ui/PanelDetails.tsx';
import { domRootPerTest } from '../support/domRoot.ts';

const oath: Panel = panelSchema.parse({
  id: 'party-oath',
  kind: 'oath',
  title: { zh: '入党誓词', en: 'The Party Admission Oath' },
  summary: { zh: '党员重温入党誓词，其他参观者可以诵读。', en: 'Members renew the oath; other visitors may read it aloud.' },
  phrases: [
    { zh: '我志愿加入中国共产党，', en: 'It is my will to join the Communist Party of China,' },
    '拥护党的纲领，',
    { zh: '永不叛党。', en: 'and never betray the Party.' },
  ],
  body: [{ zh: '由领誓人逐句领读。', en: 'One member leads, phrase by phrase.' }],
});
const event: Panel = panelSchema.parse({ id: 'e', kind: 'event', title: '事件', summary: '摘要' });

const speechWindow = window as unknown as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown };
const dom = domRootPerTest(() => {
  delete speechWindow.speechSynthesis;
  delete (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
});

beforeEach(() => {
  // jsdom has no speech synthesis; the card offers it wherever the browser has it.
  speechWindow.speechSynthesis = { cancel() {}, speak() {}, getVoices: () => [] };
  (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = class {};
});

const phrases = () => [...dom.container.querySelectorAll('ol.panel-card__oath > li')];

describe('an oath panel on the card', () => {
  it('lists the phrases in order, in Chinese', () => {
    act(() => dom.root.render(<PanelDetails panel={oath} lang="zh" />));
    expect(phrases().map((item) => item.textContent)).toEqual(['我志愿加入中国共产党，', '拥护党的纲领，', '永不叛党。']);
    expect(dom.container.querySelector('ol.panel-card__oath')?.getAttribute('lang')).toBe('zh-CN');
    expect(dom.container.querySelector('.panel-card__summary')?.textContent).toBe('党员重温入党誓词，其他参观者可以诵读。');
  });

  it('keeps the Chinese in English and adds the translation where there is one', () => {
    act(() => dom.root.render(<PanelDetails panel={oath} lang="en" />));
    expect(phrases().map((item) => item.firstChild?.textContent)).toEqual([
      '我志愿加入中国共产党，',
      '拥护党的纲领，',
      '永不叛党。',
    ]);
    expect(phrases().map((item) => item.querySelector('[lang="en"]')?.textContent ?? null)).toEqual([
      'It is my will to join the Communist Party of China,',
      null,
      'and never betray the Party.',
    ]);
  });

  it('offers no read-aloud button without a recording, while other panels keep theirs', () => {
    act(() => dom.root.render(<Narration panel={oath} lang="zh" />));
    expect(dom.container.querySelector('button')).toBeNull();
    act(() => dom.root.render(<Narration panel={event} lang="zh" />));
    expect(dom.container.querySelector('button')?.textContent).toContain('朗读');
  });
});
