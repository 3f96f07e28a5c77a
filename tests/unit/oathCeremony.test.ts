/**
 * The oath's ceremony in the store and the URL: `#/oath/<id>` opens an oath panel's ceremony over
 * its card (anything else is refused with a notice), the phrases are lit one at a time within
 * 0…all, 再读一遍 starts a new round, closing goes back to the card (`#/panel/<id>`), and another
 * card, the corridor or back in the browser ends it. And `litAtTime`, which lights the phrases a
 * recording has reached.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { litAtTime } from '../../src/content/oath.ts';
import { startHashSync } from '../../src/routing/hashSync.ts';
import { formatHash, oathHref, parseHash } from '../../src/routing/routes.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';
import { FakeWindow } from '../support/fakeWindow.ts';

const PHRASES = ['我志愿加入中国共产党，', '拥护党的纲领，', '永不叛党。'];

function loadedStore(): ExhibitionStore {
  const store = createExhibitionStore();
  const panels = [testPanel('party-oath', { kind: 'oath', title: '入党誓词', phrases: PHRASES }), testPanel('event-1')];
  store.getState().contentLoaded(testExhibition([{ ...testSection('oath', panels), file: 'oath.json' }]), []);
  return store;
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('the ceremony in the store', () => {
  it('opens over its card with nothing lit, and lights the phrases one by one within 0…all', () => {
    const store = loadedStore();
    store.getState().openOath('party-oath');
    expect(store.getState().oath).toEqual({ panelId: 'party-oath', lit: 0, phrases: 3, round: 0 });
    expect(store.getState().openPanelId).toBe('party-oath');
    store.getState().stepOath(-1);
    expect(store.getState().oath?.lit).toBe(0);
    for (let step = 0; step < 5; step++) store.getState().stepOath(1);
    expect(store.getState().oath?.lit).toBe(3);
    store.getState().stepOath(-1);
    expect(store.getState().oath?.lit).toBe(2);
    store.getState().setOathLit(99);
    expect(store.getState().oath?.lit).toBe(3);
    store.getState().setOathLit(-4);
    expect(store.getState().oath?.lit).toBe(0);
  });

  it('reads again as a new round, and closes back to its card', () => {
    const store = loadedStore();
    store.getState().openOath('party-oath');
    store.getState().setOathLit(3);
    store.getState().restartOath();
    expect(store.getState().oath).toEqual({ panelId: 'party-oath', lit: 0, phrases: 3, round: 1 });
    store.getState().closeOath();
    expect(store.getState().oath).toBeNull();
    expect(store.getState().openPanelId).toBe('party-oath');
  });

  it('refuses a panel that is not an oath, or none at all, with a notice', () => {
    const store = loadedStore();
    store.getState().openOath('event-1');
    expect(store.getState().oath).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'event-1' });
    store.getState().openOath('nowhere');
    expect(store.getState().oath).toBeNull();
    expect(store.getState().openPanelId).toBeNull();
  });

  it('ends when its card closes or another card opens', () => {
    const store = loadedStore();
    store.getState().openOath('party-oath');
    store.getState().closePanel();
    expect(store.getState().oath).toBeNull();
    store.getState().openOath('party-oath');
    store.getState().openPanel('event-1');
    expect(store.getState().oath).toBeNull();
    // Asking for the oath's own card again keeps the ceremony.
    store.getState().openOath('party-oath');
    store.getState().stepOath(1);
    store.getState().openPanel('party-oath');
    expect(store.getState().oath?.lit).toBe(1);
  });
});

describe('#/oath/<id>', () => {
  it('parses and formats, encoded like a panel id', () => {
    expect(parseHash('#/oath/party-oath')).toEqual({ kind: 'oath', id: 'party-oath' });
    expect(parseHash('#/oath/party-oath/')).toEqual({ kind: 'oath', id: 'party-oath' });
    expect(parseHash('#/oath/')).toEqual({ kind: 'unknown', path: '/oath/' });
    expect(oathHref('誓词 墙')).toBe(`#/oath/${encodeURIComponent('誓词 墙')}`);
    expect(parseHash(formatHash({ kind: 'oath', id: '誓词 墙' }))).toEqual({ kind: 'oath', id: '誓词 墙' });
  });

  it('a link opens the ceremony; closing it pushes the card; back from there ends it', () => {
    const store = loadedStore();
    const win = new FakeWindow('#/oath/party-oath');
    stop = startHashSync(store, win.asWindow());
    expect(store.getState().oath?.panelId).toBe('party-oath');
    expect(store.getState().openPanelId).toBe('party-oath');
    expect(win.pushed).toEqual([]);
    // Lighting phrases makes no history entries.
    store.getState().stepOath(1);
    store.getState().stepOath(1);
    expect(win.pushed).toEqual([]);
    store.getState().closeOath();
    expect(win.pushed).toEqual(['#/panel/party-oath']);
    // Forward again to the ceremony: it opens afresh; back to the card ends it.
    win.navigate('#/oath/party-oath');
    expect(store.getState().oath).toMatchObject({ panelId: 'party-oath', lit: 0 });
    win.navigate('#/panel/party-oath');
    expect(store.getState().oath).toBeNull();
    expect(store.getState().openPanelId).toBe('party-oath');
    win.navigate('#/');
    expect(store.getState().openPanelId).toBeNull();
  });

  it('a deep link that arrives before the content opens the ceremony once it is there, and pushes nothing', () => {
    const store = createExhibitionStore();
    const win = new FakeWindow('#/oath/party-oath');
    stop = startHashSync(store, win.asWindow());
    expect(store.getState().oath).toBeNull();
    const panels = [testPanel('party-oath', { kind: 'oath', title: '入党誓词', phrases: PHRASES }), testPanel('event-1')];
    store.getState().contentLoaded(testExhibition([{ ...testSection('oath', panels), file: 'oath.json' }]), []);
    expect(store.getState().oath).toEqual({ panelId: 'party-oath', lit: 0, phrases: 3, round: 0 });
    expect(store.getState().openPanelId).toBe('party-oath');
    expect(win.pushed).toEqual([]);
    // A deep link to a panel that is no oath gets the notice, and opens nothing.
    const other = createExhibitionStore();
    other.getState().applyRoute({ kind: 'oath', id: 'event-1' });
    other.getState().contentLoaded(testExhibition([{ ...testSection('oath', panels), file: 'oath.json' }]), []);
    expect(other.getState()).toMatchObject({ oath: null, openPanelId: null, notice: { kind: 'unknown-panel', id: 'event-1' } });
  });

  it('opening the ceremony from the card pushes #/oath/<id>; a link to a panel that is no oath gets the notice', () => {
    const store = loadedStore();
    const win = new FakeWindow('#/panel/party-oath');
    stop = startHashSync(store, win.asWindow());
    store.getState().openOath('party-oath');
    expect(win.pushed).toEqual(['#/oath/party-oath']);
    win.navigate('#/oath/event-1');
    expect(store.getState().oath).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'event-1' });
  });
});

describe('litAtTime', () => {
  it('lights the phrases whose cue has come', () => {
    const cues = [0.5, 3.2, 5.1];
    expect(litAtTime(cues, 0)).toBe(0);
    expect(litAtTime(cues, 0.5)).toBe(1);
    expect(litAtTime(cues, 3.19)).toBe(1);
    expect(litAtTime(cues, 4)).toBe(2);
    expect(litAtTime(cues, 60)).toBe(3);
    expect(litAtTime([], 10)).toBe(0);
  });
});
