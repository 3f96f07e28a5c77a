// @vitest-environment jsdom
/**
 * Projector mode in a (jsdom) window: the presenter's keys through the key table, the URL that
 * follows the stop (`?mode=present&tour=<id>#/panel/<id>`) and resumes on reload, the presenter
 * window opened with S and driving the projector over the BroadcastChannel, full screen, the
 * motion setting, and the pointer that hides after 2 s.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actionForKey, KEYMAP, type KeyAction } from '../../src/input/keymap.ts';
import {
  commandForAction,
  installPointerHiding,
  POINTER_IDLE_CLASS,
  presentKeyOutcome,
} from '../../src/modes/present/presentInput.ts';
import { installPresentMode, presentRuntime } from '../../src/modes/present/presentMode.ts';
import { createPresentSession } from '../../src/modes/present/presentSession.ts';
import { channelName, publishSession } from '../../src/modes/present/presentSync.ts';
import { startHashSync } from '../../src/routing/hashSync.ts';
import { parsePresentParams, presenterSearch } from '../../src/routing/presentParams.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';
import { LESSON, makeExhibition } from './presentFixtures.ts';

const exhibition = makeExhibition([LESSON]);

const press = (key: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  window.dispatchEvent(event);
  return event;
};
const session = () => {
  const current = presentRuntime.getState().session;
  if (!current) throw new Error('no session');
  return current;
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let store: ExhibitionStore;
const cleanups: Array<() => void> = [];

/** Opens the app's present mode at `url` and loads the content, as App does. */
async function openAt(url: string) {
  window.history.replaceState(null, '', url);
  store = createExhibitionStore(modeOptions('present'));
  cleanups.push(startHashSync(store, window), installPresentMode(store, window));
  store.getState().contentLoaded(exhibition, []);
  await flush();
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the present key table', () => {
  it('has the presenter-remote keys PowerPoint and reveal.js users know, plus P, M, L and Q', () => {
    const expected: Array<[string, KeyAction]> = [
      ['PageDown', 'presentNext'],
      ['ArrowRight', 'presentNext'],
      [' ', 'presentNext'],
      ['Enter', 'presentNext'],
      ['PageUp', 'presentPrevious'],
      ['ArrowLeft', 'presentPrevious'],
      ['Home', 'presentFirst'],
      ['End', 'presentLast'],
      ['b', 'presentBlack'],
      ['.', 'presentBlack'],
      ['w', 'presentWhite'],
      ['f', 'presentFullscreen'],
      ['s', 'presentPresenterView'],
      ['p', 'presentPause'],
      ['m', 'presentMotion'],
      ['l', 'presentLive'],
      ['q', 'presentQuiz'],
      ['c', 'presentContest'],
      ['Escape', 'presentEscape'],
    ];
    for (const [key, action] of expected) expect(actionForKey('present', key), key).toBe(action);
    expect(actionForKey('present', 'B')).toBe('presentBlack');
    expect(Object.keys(KEYMAP.present).sort()).toEqual(expected.map(([key]) => key).sort());
  });

  it("reads key events into commands; modified keys and Enter on a button stay the browser's", () => {
    const outcome = (key: string, init: Partial<KeyboardEvent> = {}) =>
      presentKeyOutcome({ key, altKey: false, ctrlKey: false, metaKey: false, target: window, ...init });
    expect(outcome('PageDown')).toEqual({ kind: 'command', command: 'next' });
    expect(outcome('.')).toEqual({ kind: 'command', command: 'black' });
    expect(outcome('F')).toEqual({ kind: 'fullscreen' });
    expect(outcome('s')).toEqual({ kind: 'presenterView' });
    expect(outcome('q')).toEqual({ kind: 'command', command: 'quiz' });
    expect(outcome('Q')).toEqual({ kind: 'command', command: 'quiz' });
    expect(outcome('x')).toEqual({ kind: 'none' });
    expect(outcome('PageDown', { ctrlKey: true })).toEqual({ kind: 'none' });
    expect(outcome('ArrowLeft', { altKey: true })).toEqual({ kind: 'none' });
    const button = document.createElement('button');
    document.body.append(button);
    expect(outcome('Enter', { target: button })).toEqual({ kind: 'none' });
    expect(outcome('PageDown', { target: button })).toEqual({ kind: 'command', command: 'next' });
    button.remove();
    expect(commandForAction('presentPresenterView')).toBeNull();
  });
});

describe('the projector window', () => {
  it('names the tour and the first stop in the URL, without an extra history entry', async () => {
    const before = window.history.length;
    await openAt('/?mode=present&tour=lesson');
    expect(window.location.search).toBe('?mode=present&tour=lesson');
    expect(window.location.hash).toBe('#/panel/c2');
    expect(window.history.length).toBe(before);
    expect(session().store.getState()).toMatchObject({ ready: true, index: 0 });
  });

  it('a bare ?mode=present runs the default tour and says so in the URL', async () => {
    await openAt('/?mode=present');
    expect(window.location.search).toBe('?mode=present&tour=all');
    expect(window.location.hash).toBe('#/panel/a1');
  });

  it('the keys move through the tour and the URL follows each stop, backwards too', async () => {
    await openAt('/?mode=present&tour=lesson');
    const hashes: string[] = [];
    for (const key of ['PageDown', 'ArrowRight', ' ', 'Enter', 'PageUp', 'ArrowLeft', 'End', 'Home']) {
      const event = press(key);
      expect(event.defaultPrevented, key).toBe(true);
      hashes.push(window.location.hash);
    }
    expect(hashes).toEqual([
      '#/panel/a1',
      '#/panel/b2',
      '#/panel/c4',
      '#/panel/c4',
      '#/panel/b2',
      '#/panel/a1',
      '#/panel/c4',
      '#/panel/c2',
    ]);
    expect(window.location.search).toBe('?mode=present&tour=lesson');
  });

  it('a held key does not repeat, and Ctrl+key is left to the browser', async () => {
    await openAt('/?mode=present&tour=lesson');
    press('PageDown', { repeat: true });
    expect(session().store.getState().index).toBe(0);
    const reload = press('r', { ctrlKey: true });
    expect(reload.defaultPrevented).toBe(false);
    press('PageDown', { ctrlKey: true });
    expect(session().store.getState().index).toBe(0);
  });

  it('B and . black out and restore, W whites out, Esc restores', async () => {
    await openAt('/?mode=present&tour=lesson');
    press('b');
    expect(session().store.getState().blank).toBe('black');
    press('.');
    expect(session().store.getState().blank).toBe('none');
    press('W');
    expect(session().store.getState().blank).toBe('white');
    press('Escape');
    expect(session().store.getState().blank).toBe('none');
  });

  it("a reload resumes at the stop in the URL, and the lesson's clock carries on", async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    await openAt('/?mode=present&tour=lesson');
    const startedAt = session().store.getState().startedAt;
    press('PageDown');
    press('PageDown');
    const url = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();

    vi.setSystemTime(1_600_000);
    window.history.replaceState(null, '', url);
    store = createExhibitionStore(modeOptions('present'));
    store.getState().applyRoute({ kind: 'panel', id: 'b2' }); // what the hash says on arrival
    cleanups.push(startHashSync(store, window), installPresentMode(store, window));
    store.getState().contentLoaded(exhibition, []);
    await flush();
    expect(session().store.getState()).toMatchObject({ index: 2, arrived: true, startedAt });
    expect(window.location.hash).toBe('#/panel/b2');
    press('PageDown');
    // The camera glides, so the slide fades out first (the view would say when; there is none here).
    session().slideHidden();
    expect(window.location.hash).toBe('#/panel/c4');
  });

  it('prefers-reduced-motion cuts from stop to stop; M switches to gliding and is remembered', async () => {
    window.matchMedia = ((query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
    })) as typeof window.matchMedia;
    try {
      await openAt('/?mode=present&tour=lesson');
      press('PageDown');
      expect(store.getState().cameraGoal).toMatchObject({ kind: 'viewpoint', instant: true });
      press('m');
      expect(window.localStorage.getItem('dangshi-present:motion')).toBe('glide');
      press('PageDown');
      session().slideHidden(); // what the view says once the slide has faded out
      expect(store.getState().cameraGoal).toMatchObject({ kind: 'viewpoint', instant: false });
    } finally {
      Reflect.deleteProperty(window, 'matchMedia');
    }
  });

  it('Esc closes what is open: the blank screen first, then the messages and the control bar', async () => {
    await openAt('/?mode=present&tour=no-such-lesson');
    vi.spyOn(window, 'open').mockReturnValue(null);
    press('b');
    press('s');
    window.dispatchEvent(new Event('pointermove'));
    press('Escape');
    expect(session().store.getState().blank).toBe('none');
    expect(presentRuntime.getState()).toMatchObject({ popupBlocked: true, tourNoticeHidden: false });
    expect(document.documentElement.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
    press('Escape');
    expect(presentRuntime.getState()).toMatchObject({ popupBlocked: false, tourNoticeHidden: true });
    expect(document.documentElement.classList.contains(POINTER_IDLE_CLASS)).toBe(true);
    expect(session().store.getState().index).toBe(0);
  });

  it('P pauses auto-advance', async () => {
    await openAt('/?mode=present&tour=lesson');
    press('p');
    expect(session().store.getState().paused).toBe(true);
    press('P');
    expect(session().store.getState().paused).toBe(false);
  });

  it('F asks for full screen and shrugs off a refusal', async () => {
    await openAt('/?mode=present&tour=lesson');
    const request = vi.fn(() => Promise.reject(new Error('not allowed')));
    document.documentElement.requestFullscreen = request;
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    press('f');
    await flush();
    process.off('unhandledRejection', unhandled);
    expect(request).toHaveBeenCalledOnce();
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("S opens the presenter window at the same page with view=presenter and the lesson's channel", async () => {
    await openAt('/?mode=present&tour=lesson');
    const fakeWindow = { closed: false, focus: vi.fn() } as unknown as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(fakeWindow);
    press('s');
    expect(open).toHaveBeenCalledOnce();
    const [url, name] = open.mock.calls[0] ?? [];
    const params = parsePresentParams(String(url));
    expect(params).toMatchObject({ tourId: 'lesson', presenter: true });
    expect(params.sessionId).toBe(window.sessionStorage.getItem('dangshi-present:session'));
    expect(name).toBe(`dangshi-presenter-${params.sessionId}`);
    // Pressed again while it is open: it comes forward instead of opening twice.
    press('s');
    expect(open).toHaveBeenCalledOnce();
    expect(fakeWindow.focus).toHaveBeenCalledOnce();
    expect(presentRuntime.getState().popupBlocked).toBe(false);
  });

  it('a blocked pop-up is reported, and the message goes with the next key', async () => {
    await openAt('/?mode=present&tour=lesson');
    vi.spyOn(window, 'open').mockReturnValue(null);
    press('s');
    expect(presentRuntime.getState().popupBlocked).toBe(true);
    press('PageDown');
    expect(presentRuntime.getState().popupBlocked).toBe(false);
  });
});

describe('the presenter window', () => {
  it("its keys drive the projector's session over the channel, and it mirrors the state", async () => {
    // The projector window's side, as in the other window.
    const projectorStore = createExhibitionStore(modeOptions('present'));
    projectorStore.getState().contentLoaded(exhibition, []);
    const projector = createPresentSession({ exhibition: projectorStore, tourId: 'lesson', motion: 'cut' });
    const channel = new BroadcastChannel(channelName('room-7'));
    const stopPublish = publishSession(projector, projectorStore, channel);
    cleanups.push(() => {
      stopPublish();
      channel.close();
      projector.dispose();
    });

    await openAt(`/${presenterSearch('lesson', 'room-7')}`);
    expect(presentRuntime.getState().session).toBeNull();
    await vi.waitFor(() => expect(presentRuntime.getState()).toMatchObject({ remoteStatus: 'connected', remote: { index: 0 } }));
    press('PageDown');
    press('PageDown');
    await vi.waitFor(() => expect(projector.store.getState().index).toBe(2));
    expect(projectorStore.getState().openPanelId).toBe('b2');
    await vi.waitFor(() => expect(presentRuntime.getState().remote?.index).toBe(2));
    press('b');
    await vi.waitFor(() => expect(projector.store.getState().blank).toBe('black'));
    // The presenter window opens no stop of its own: the projector's URL is the lesson's.
    expect(store.getState().openPanelId).toBeNull();
    // S there does not open a third window.
    const open = vi.spyOn(window, 'open');
    press('s');
    expect(open).not.toHaveBeenCalled();
    // The projector switches language: the presenter reads in the same language.
    projectorStore.getState().toggleLang();
    await vi.waitFor(() => expect(store.getState().lang).toBe('en'));
  });
});

describe('the pointer', () => {
  it('hides after 2 s of stillness and shows again when it moves', () => {
    vi.useFakeTimers();
    const root = document.createElement('div');
    const stop = installPointerHiding(root, window);
    vi.advanceTimersByTime(1999);
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(true);
    window.dispatchEvent(new Event('pointermove'));
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
    vi.advanceTimersByTime(1500);
    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(1500);
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(true);
    stop();
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(5000);
    expect(root.classList.contains(POINTER_IDLE_CLASS)).toBe(false);
  });
});
