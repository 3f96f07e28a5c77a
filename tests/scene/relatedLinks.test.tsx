// @vitest-environment jsdom
/**
 * 相关展板 on the card: real links to the related panels, named by their titles in the visitor's
 * language; an id that names no panel is not shown.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Exhibition, type Panel, panelSchema } from '../../src/content/schema.ts';
import { useExhibition } from '../../src/store/store.ts';
import { RelatedLinks, relatedPanels } from '../../src/ui/RelatedLinks.tsx';
import { domRootPerTest } from '../support/domRoot.ts';

const panel = (raw: Record<string, unknown>): Panel => panelSchema.parse({ kind: 'event', ...raw });

const source = panel({
  id: 'party-committee-2021',
  title: { zh: '党委班子调整', en: 'A New Party Committee' },
  related: ['party-affairs', 'no-such-panel', 'member-activities', 'party-affairs', 'party-committee-2021'],
});
const affairs = panel({ id: 'party-affairs', title: { zh: '党务公开栏', en: 'Party Affairs Notice Board' } });
const activities = panel({ id: 'member-activities', title: '党员活动风采' });
const lonely = panel({ id: 'lonely', title: '无关展板' });

const exhibition: Exhibition = {
  title: '党史长廊',
  host: '德清县消防救援大队',
  theme: '学党史、悟思想、办实事、开新局',
  sections: [
    { id: 'deqing', title: '大事记', file: 'deqing.json', panels: [source, lonely] },
    { id: 'members', title: '党员风采', file: 'members.json', panels: [affairs, activities] },
  ],
};

const dom = domRootPerTest(() => {
  useExhibition.setState({ exhibition: null, lang: 'zh' });
});

beforeEach(() => {
  useExhibition.setState({ exhibition, lang: 'zh' });
});

const links = () =>
  [...dom.container.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent] as const);

describe('relatedPanels', () => {
  it('keeps existing panels in the listed order, without repeats, dangling ids or the panel itself', () => {
    expect(relatedPanels(source, exhibition).map((found) => found.id)).toEqual(['party-affairs', 'member-activities']);
    expect(relatedPanels(lonely, exhibition)).toEqual([]);
    expect(relatedPanels(source, null)).toEqual([]);
  });
});

describe('RelatedLinks', () => {
  it('renders links to #/panel/<id> named by the Chinese titles', () => {
    act(() => dom.root.render(<RelatedLinks panel={source} lang="zh" />));
    expect(dom.container.querySelector('nav')?.getAttribute('aria-label')).toBe('相关展板');
    expect(dom.container.querySelector('h3')?.textContent).toBe('相关展板');
    expect(links()).toEqual([
      ['#/panel/party-affairs', '党务公开栏'],
      ['#/panel/member-activities', '党员活动风采'],
    ]);
  });

  it('uses the English titles in English, falling back to the Chinese', () => {
    act(() => dom.root.render(<RelatedLinks panel={source} lang="en" />));
    expect(dom.container.querySelector('nav')?.getAttribute('aria-label')).toBe('Related panels');
    expect(links()).toEqual([
      ['#/panel/party-affairs', 'Party Affairs Notice Board'],
      ['#/panel/member-activities', '党员活动风采'],
    ]);
  });

  it('renders nothing for a panel without related panels', () => {
    act(() => dom.root.render(<RelatedLinks panel={lonely} lang="zh" />));
    expect(dom.container.innerHTML).toBe('');
  });
});
