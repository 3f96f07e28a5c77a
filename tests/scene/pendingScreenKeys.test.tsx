// @vitest-environment jsdom
/**
 * The search, the card and the oath's ceremony load their code when one first opens (App.tsx). Esc pressed
 * while that code is still loading closes the screen through the store, as its dialog's Esc
 * would, with the URL following (closing a card goes to #/, closing the ceremony back to its
 * card's #/panel/<id>): the screen then never shows. The chunks are held back here by mocks that
 * wait for the test to let them through, as a slow network or a busy CPU does.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
/** The search's, the card's and the ceremony's chunks wait for these (one set per test). */
const gates = { search: null as Gate | null, card: null as Gate | null, ceremony: null as Gate | null };

/** The visitor's mode adds no overlay of its own that matters here. */
function NoOverlay() {
  return null;
}

type Store = typeof import('../../src/store/store.ts')['useExhibition'];
let store: Store;
let root: Root;
let container: HTMLDivElement;
let stopHashSync: () => void;

const exhibition = () =>
  testExhibition([
    testSection('a', 3),
    {
      ...testSection('oath', [
        testPanel('party-oath', {
          kind: 'oath',
          title: { zh: '入党誓词', en: 'The Oath' },
          phrases: [{ zh: '我志愿加入中国共产党，' }],
        }),
      ]),
      file: 'oath.json',
    },
  ]);

/** A fresh page: its own module graph (so the lazy chunks load anew), at `hash`, content ready. */
async function openPage(hash: string) {
  vi.resetModules();
  gates.search = gate();
  gates.card = gate();
  gates.ceremony = gate();
  vi.doMock('../../src/ui/SearchDialog.tsx', async (importOriginal) => {
    await gates.search?.promise;
    return importOriginal();
  });
  vi.doMock('../../src/ui/PanelCard.tsx', async (importOriginal) => {
    await gates.card?.promise;
    return importOriginal();
  });
  vi.doMock('../../src/ui/OathCeremony.tsx', async (importOriginal) => {
    await gates.ceremony?.promise;
    return importOriginal();
  });
  window.history.replaceState(null, '', hash);
  const { startMode, useExhibition } = await import('../../src/store/store.ts');
  const { VISITOR_CAPABILITIES } = await import('../../src/modes/visitor/capabilities.ts');
  const { startHashSync } = await import('../../src/routing/hashSync.ts');
  const { App } = await import('../../src/App.tsx');
  store = useExhibition;
  startMode(store, { mode: 'visitor', capabilities: VISITOR_CAPABILITIES, lang: 'zh' });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => {
    root.render(<App installed={{ Overlay: NoOverlay, standalone: false }} hasWebgl={false} />);
    stopHashSync = startHashSync(store);
    store.getState().contentLoaded(exhibition(), []);
  });
}

/** Lets a held-back chunk through, and React render what it brings. */
async function arrive(gate: Gate | null, chunk: () => Promise<unknown>) {
  await act(async () => {
    gate?.open();
    // The same module the page asked for (one graph per test): loaded once this settles.
    await chunk();
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
const cardCode = () => import('../../src/ui/PanelCard.tsx');
const ceremonyCode = () => import('../../src/ui/OathCeremony.tsx');
const searchCode = () => import('../../src/ui/SearchDialog.tsx');

const press = (key: string) =>
  act(() => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
const card = () => container.querySelector<HTMLDialogElement>('dialog.panel-card');
const ceremony = () => container.querySelector<HTMLDialogElement>('dialog.oath-ceremony');
const search = () => container.querySelector<HTMLElement>('.search');

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom draws no dialogs: showModal/close only toggle `open`, as the real ones do.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
  // Nor does it scroll (the card and the text twin start each page at its top).
  Element.prototype.scrollTo = () => {};
});

afterEach(async () => {
  await arrive(gates.search, searchCode);
  await arrive(gates.card, cardCode);
  await arrive(gates.ceremony, ceremonyCode);
  act(() => root.unmount());
  stopHashSync();
  container.remove();
});

describe('Esc while the card’s code is still loading', () => {
  it('closes the card that was opening: the URL goes to #/, and the card never shows', async () => {
    await openPage('#/');
    act(() => store.getState().openPanel('a2'));
    expect(window.location.hash).toBe('#/panel/a2');
    expect(card()).toBeNull();
    // A key the card has no use for yet changes nothing.
    press('ArrowDown');
    expect(store.getState().openPanelId).toBe('a2');
    press('Escape');
    expect(store.getState().openPanelId).toBeNull();
    expect(window.location.hash).toBe('#/');
    await arrive(gates.card, cardCode);
    expect(card()?.open).toBe(false);
    expect(window.location.hash).toBe('#/');
    // Its code is here now: the next card opens at once, and Esc is the dialog's own again.
    act(() => store.getState().openPanel('a1'));
    expect(card()?.open).toBe(true);
  });

  it('a link to #/panel/<id> is closed the same way, back to #/', async () => {
    await openPage('#/panel/a3');
    expect(store.getState().openPanelId).toBe('a3');
    press('Escape');
    expect(window.location.hash).toBe('#/');
    await arrive(gates.card, cardCode);
    expect(card()?.open).toBe(false);
  });

  it('with the ceremony over its card, one Esc closes the ceremony (back to #/panel/<id>), the next the card', async () => {
    await openPage('#/oath/party-oath');
    expect(store.getState().oath?.panelId).toBe('party-oath');
    press('Escape');
    expect(store.getState()).toMatchObject({ oath: null, openPanelId: 'party-oath' });
    expect(window.location.hash).toBe('#/panel/party-oath');
    press('Escape');
    expect(store.getState().openPanelId).toBeNull();
    expect(window.location.hash).toBe('#/');
    await arrive(gates.ceremony, ceremonyCode);
    await arrive(gates.card, cardCode);
    expect(ceremony()?.open ?? false).toBe(false);
    expect(card()?.open).toBe(false);
  });

  it('the ceremony already shown over a card still loading keeps its Esc: the card stays', async () => {
    await openPage('#/oath/party-oath');
    await arrive(gates.ceremony, ceremonyCode);
    expect(ceremony()?.open).toBe(true);
    press('Escape');
    // The ceremony's dialog takes Esc itself (its cancel event, which jsdom does not send).
    expect(store.getState().openPanelId).toBe('party-oath');
  });
});

describe('Esc while the search’s code is still loading', () => {
  it('closes the search that was opening, over an open card, and the card stays', async () => {
    await openPage('#/panel/a2');
    await arrive(gates.card, cardCode);
    expect(card()?.open).toBe(true);
    act(() => store.getState().setSearchOpen(true));
    expect(search()).toBeNull();
    press('Escape');
    expect(store.getState()).toMatchObject({ searchOpen: false, openPanelId: 'a2' });
    expect(window.location.hash).toBe('#/panel/a2');
    await arrive(gates.search, searchCode);
    expect(search()).toBeNull();
    // Its code is here now: the next search opens at once.
    act(() => store.getState().setSearchOpen(true));
    expect(search()).not.toBeNull();
  });
});
