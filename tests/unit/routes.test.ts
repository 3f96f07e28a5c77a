import { afterEach, describe, expect, it } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { routeOfState, startHashSync } from '../../src/routing/hashSync.ts';
import { formatHash, panelHref, parseHash } from '../../src/routing/routes.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import type { Route } from '../../src/store/types.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';
import { FakeWindow } from '../support/fakeWindow.ts';

describe('parseHash', () => {
  it('reads the corridor from an empty hash, "#" and "#/"', () => {
    for (const hash of ['', '#', '#/']) expect(parseHash(hash)).toEqual({ kind: 'home' });
  });

  it('reads a panel', () => {
    expect(parseHash('#/panel/cpc-founding-1921')).toEqual({ kind: 'panel', id: 'cpc-founding-1921' });
  });

  it('decodes encoded characters in a panel id', () => {
    expect(parseHash('#/panel/a%20b')).toEqual({ kind: 'panel', id: 'a b' });
    expect(parseHash(`#/panel/${encodeURIComponent('德清县党史')}`)).toEqual({ kind: 'panel', id: '德清县党史' });
    expect(parseHash('#/panel/a%2Fb')).toEqual({ kind: 'panel', id: 'a/b' });
  });

  it('keeps a badly encoded id as it is instead of throwing', () => {
    expect(parseHash('#/panel/100%')).toEqual({ kind: 'panel', id: '100%' });
    expect(parseHash('#/%E0%A4%A')).toEqual({ kind: 'unknown', path: '/%E0%A4%A' });
  });

  it('accepts a trailing slash after a panel id', () => {
    expect(parseHash('#/panel/wang-yanping/')).toEqual({ kind: 'panel', id: 'wang-yanping' });
  });

  it('reads the problems view', () => {
    expect(parseHash('#/problems')).toEqual({ kind: 'problems' });
  });

  it('keeps anything else as an unknown path', () => {
    expect(parseHash('#/nowhere')).toEqual({ kind: 'unknown', path: '/nowhere' });
    expect(parseHash('#/panel/')).toEqual({ kind: 'unknown', path: '/panel/' });
    expect(parseHash('#/panel/a/b')).toEqual({ kind: 'unknown', path: '/panel/a/b' });
    expect(parseHash('#/problems/extra')).toEqual({ kind: 'unknown', path: '/problems/extra' });
    expect(parseHash('#/text')).toEqual({ kind: 'text' });
    expect(parseHash('#/text/')).toEqual({ kind: 'text' });
    expect(parseHash('#/text/cpc-founding-1921')).toEqual({ kind: 'text', panelId: 'cpc-founding-1921' });
    expect(parseHash('#/texts')).toEqual({ kind: 'unknown', path: '/texts' });
  });
});

describe('formatHash', () => {
  it('writes each kind of route', () => {
    expect(formatHash({ kind: 'home' })).toBe('#/');
    expect(formatHash({ kind: 'panel', id: 'huang-yong' })).toBe('#/panel/huang-yong');
    expect(formatHash({ kind: 'problems' })).toBe('#/problems');
    expect(formatHash({ kind: 'unknown', path: '/nowhere' })).toBe('#/nowhere');
  });

  it('encodes characters that do not belong in a URL', () => {
    expect(formatHash({ kind: 'panel', id: 'a b/c?d#e' })).toBe('#/panel/a%20b%2Fc%3Fd%23e');
    expect(panelHref('德清')).toBe(`#/panel/${encodeURIComponent('德清')}`);
  });

  it('round-trips through parseHash', () => {
    const routes: Route[] = [
      { kind: 'home' },
      { kind: 'problems' },
      { kind: 'panel', id: 'cpc-founding-1921' },
      { kind: 'panel', id: 'a b' },
      { kind: 'panel', id: 'a/b?c#d%e' },
      { kind: 'panel', id: '党史' },
      { kind: 'unknown', path: '/somewhere/else' },
    ];
    for (const route of routes) expect(parseHash(formatHash(route))).toEqual(route);
    for (const hash of ['#/', '#/problems', '#/panel/x-1', '#/panel/a%20b', '#/elsewhere'])
      expect(formatHash(parseHash(hash))).toBe(hash);
  });
});

// ---------------------------------------------------------------------------------------------
// startHashSync with a fake window
// ---------------------------------------------------------------------------------------------

function makeExhibition(): Exhibition {
  const panels = ['fang-jie', 'wang-yanping', 'huang-yong'].map((id) => testPanel(id, { title: id }));
  return testExhibition([{ ...testSection('members', panels, { title: '党员风采' }), file: 'm.json' }]);
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

function setUp(hash = '', loaded = true): { store: ExhibitionStore; win: FakeWindow } {
  const store = createExhibitionStore();
  if (loaded) store.getState().contentLoaded(makeExhibition(), []);
  const win = new FakeWindow(hash);
  stop = startHashSync(store, win.asWindow());
  return { store, win };
}

describe('routeOfState', () => {
  it('says nothing until the content is ready', () => {
    expect(routeOfState({ status: 'loading', view: 'corridor', openPanelId: 'x' })).toBeNull();
    expect(routeOfState({ status: 'failed', view: 'corridor', openPanelId: null })).toBeNull();
  });
  it('names the problems view, an open card, or the corridor', () => {
    expect(routeOfState({ status: 'ready', view: 'problems', openPanelId: null })).toEqual({ kind: 'problems' });
    expect(routeOfState({ status: 'ready', view: 'corridor', openPanelId: 'x' })).toEqual({ kind: 'panel', id: 'x' });
    expect(routeOfState({ status: 'ready', view: 'corridor', openPanelId: null })).toEqual({ kind: 'home' });
  });
  it('names the text twin, at a panel or from its top', () => {
    expect(routeOfState({ status: 'ready', view: 'text', openPanelId: null, textPanelId: null })).toEqual({ kind: 'text' });
    expect(routeOfState({ status: 'ready', view: 'text', openPanelId: null, textPanelId: 'x' })).toEqual({
      kind: 'text',
      panelId: 'x',
    });
  });
});

describe('startHashSync', () => {
  it('listens for hashchange and applies the address it starts with', () => {
    const { store, win } = setUp('#/panel/huang-yong');
    expect(win.listenerCount).toBe(1);
    expect(store.getState().openPanelId).toBe('huang-yong');
    // The address already says so: no history entry for it.
    expect(win.pushed).toEqual([]);
  });

  it('opening a panel pushes #/panel/<id>; closing pushes #/', () => {
    const { store, win } = setUp('');
    store.getState().openPanel('wang-yanping');
    expect(win.pushed).toEqual(['#/panel/wang-yanping']);
    expect(win.location.hash).toBe('#/panel/wang-yanping');
    store.getState().stepPanel(1);
    expect(win.pushed).toEqual(['#/panel/wang-yanping', '#/panel/huang-yong']);
    store.getState().closePanel();
    expect(win.pushed).toEqual(['#/panel/wang-yanping', '#/panel/huang-yong', '#/']);
    expect(win.location.hash).toBe('#/');
  });

  it('state changes that do not change the route push nothing', () => {
    const { store, win } = setUp('');
    store.getState().toggleLang();
    store.getState().walkTo(0, -3);
    store.getState().focusPanel('fang-jie');
    store.getState().setDirectoryOpen(true);
    expect(win.pushed).toEqual([]);
  });

  it('a text twin address shows the twin, at its panel; an unknown panel gets the notice', () => {
    const { store, win } = setUp('#/text/wang-yanping');
    expect(store.getState().view).toBe('text');
    expect(store.getState().textPanelId).toBe('wang-yanping');
    expect(win.pushed).toEqual([]);
    win.navigate('#/text/nobody');
    expect(store.getState().view).toBe('text');
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'nobody' });
  });

  it('a text twin address that arrives before the content is applied when it loads', () => {
    const { store } = setUp('#/text', false);
    expect(store.getState().view).toBe('corridor');
    store.getState().contentLoaded(makeExhibition(), []);
    expect(store.getState().view).toBe('text');
    expect(store.getState().textPanelId).toBeNull();
  });

  it('the problems view pushes #/problems', () => {
    const { store, win } = setUp('');
    store.getState().showView('problems');
    expect(win.pushed).toEqual(['#/problems']);
  });

  it('a hashchange to another panel opens it without pushing', () => {
    const { store, win } = setUp('');
    store.getState().openPanel('fang-jie');
    win.pushed.length = 0;
    win.navigate('#/panel/huang-yong');
    expect(store.getState().openPanelId).toBe('huang-yong');
    expect(win.pushed).toEqual([]);
    win.navigate('#/');
    expect(store.getState().openPanelId).toBeNull();
    expect(win.pushed).toEqual([]);
    win.navigate('#/problems');
    expect(store.getState().view).toBe('problems');
    expect(win.pushed).toEqual([]);
  });

  it('an unknown panel id leaves the address as it is and sets a notice', () => {
    const { store, win } = setUp('');
    store.getState().openPanel('fang-jie');
    win.pushed.length = 0;
    win.navigate('#/panel/nobody');
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'nobody' });
    expect(win.pushed).toEqual([]);
    expect(win.location.hash).toBe('#/panel/nobody');
  });

  it('an unknown path stays in the address bar with its notice', () => {
    const { store, win } = setUp('');
    store.getState().showView('problems');
    win.pushed.length = 0;
    win.navigate('#/elsewhere');
    expect(store.getState().notice).toEqual({ kind: 'unknown-route', path: '/elsewhere' });
    expect(store.getState().view).toBe('corridor');
    expect(win.pushed).toEqual([]);
    expect(win.location.hash).toBe('#/elsewhere');
    // Opening a panel from there replaces it as usual.
    store.getState().openPanel('fang-jie');
    expect(win.pushed).toEqual(['#/panel/fang-jie']);
  });

  it('a deep link that arrives before the content opens its panel once loaded, without a new entry', () => {
    const { store, win } = setUp('#/panel/wang-yanping', false);
    expect(store.getState().openPanelId).toBeNull();
    store.getState().contentLoaded(makeExhibition(), []);
    expect(store.getState().openPanelId).toBe('wang-yanping');
    expect(win.pushed).toEqual([]);
    expect(win.location.hash).toBe('#/panel/wang-yanping');
  });

  it('a deep link to the problems view, before the content, adds no history entry', () => {
    const { store, win } = setUp('#/problems', false);
    store.getState().contentLoaded(makeExhibition(), []);
    expect(store.getState().view).toBe('problems');
    expect(win.pushed).toEqual([]);
  });

  it('a deep link to an unknown panel, before the content, stays in the address bar with its notice', () => {
    const { store, win } = setUp('#/panel/nobody', false);
    store.getState().contentLoaded(makeExhibition(), []);
    expect(store.getState().notice).toEqual({ kind: 'unknown-panel', id: 'nobody' });
    expect(win.location.hash).toBe('#/panel/nobody');
    expect(win.pushed).toEqual([]);
  });

  it('a plain visit, before the content, adds no history entry when it loads', () => {
    const { store, win } = setUp('', false);
    store.getState().contentLoaded(makeExhibition(), []);
    expect(store.getState().openPanelId).toBeNull();
    // "" and "#/" both mean the corridor; rewriting one as the other would add a needless entry.
    expect(win.pushed.filter((hash) => hash !== '#/')).toEqual([]);
    expect(win.pushed.length).toBeLessThanOrEqual(1);
  });

  it('cleanup removes the listener and stops pushing', () => {
    const { store, win } = setUp('');
    stop?.();
    stop = undefined;
    expect(win.listenerCount).toBe(0);
    store.getState().openPanel('fang-jie');
    expect(win.pushed).toEqual([]);
    win.navigate('#/panel/huang-yong');
    expect(store.getState().openPanelId).toBe('fang-jie');
  });
});
