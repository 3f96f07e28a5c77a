// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { actionForKey, isHeldAction, KEYMAP, type KeyAction } from '../../src/input/keymap.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { yawPitchTowards } from '../../src/layout/queries.ts';
import { installVisitorKeys } from '../../src/modes/visitor/visitorInput.ts';
import { isWalking, livePose, motionInput, setFrameRequester } from '../../src/store/live.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';

// The canvas renders on demand: held keys must wake it. Spy on the wake-up call (the scene lends
// its renderer's invalidate through this channel).
const invalidate = vi.fn();
setFrameRequester(invalidate);

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

describe('KEYMAP', () => {
  it('maps the visitor keys: W/A/S/D, arrows, N, P, Enter and / (search)', () => {
    const expected: Array<[string, KeyAction]> = [
      ['w', 'walkForward'],
      ['a', 'strafeLeft'],
      ['s', 'walkBackward'],
      ['d', 'strafeRight'],
      ['ArrowUp', 'walkForward'],
      ['ArrowDown', 'walkBackward'],
      ['ArrowLeft', 'turnLeft'],
      ['ArrowRight', 'turnRight'],
      ['n', 'nextPanel'],
      ['p', 'previousPanel'],
      ['Enter', 'openPanelInView'],
      ['/', 'openSearch'],
    ];
    for (const [key, action] of expected) {
      expect(actionForKey('visitor', key), key).toBe(action);
      // Letters work with Shift or Caps Lock too.
      if (key.length === 1) expect(actionForKey('visitor', key.toUpperCase()), key.toUpperCase()).toBe(action);
    }
    expect(Object.keys(KEYMAP.visitor).sort()).toEqual(expected.map(([key]) => key).sort());
  });

  it('maps the card keys: ←/→ previous/next, ↑/↓ and PageUp/PageDown scroll, Escape closes, / searches', () => {
    const expected: Array<[string, KeyAction]> = [
      ['ArrowLeft', 'cardPrevious'],
      ['ArrowRight', 'cardNext'],
      ['ArrowUp', 'cardScrollUp'],
      ['ArrowDown', 'cardScrollDown'],
      ['PageUp', 'cardPageUp'],
      ['PageDown', 'cardPageDown'],
      ['Escape', 'closeCard'],
      ['/', 'openSearch'],
    ];
    for (const [key, action] of expected) expect(actionForKey('card', key), key).toBe(action);
    expect(Object.keys(KEYMAP.card).sort()).toEqual(expected.map(([key]) => key).sort());
  });

  it('maps the search keys: ↓/↑ move through the results, Escape closes', () => {
    expect(actionForKey('search', 'ArrowDown')).toBe('searchNext');
    expect(actionForKey('search', 'ArrowUp')).toBe('searchPrevious');
    expect(actionForKey('search', 'Escape')).toBe('closeSearch');
    expect(Object.keys(KEYMAP.search)).toHaveLength(3);
  });

  it('knows no other keys, and does not case-fold named keys', () => {
    for (const key of ['x', 'q', ' ', 'Escape', 'Tab', 'F5']) expect(actionForKey('visitor', key), key).toBeUndefined();
    for (const key of ['w', 'n', 'Enter', 'Home']) expect(actionForKey('card', key), key).toBeUndefined();
    expect(actionForKey('visitor', 'arrowup')).toBeUndefined();
    expect(actionForKey('visitor', 'ENTER')).toBeUndefined();
  });

  it('isHeldAction: walking, strafing and turning are held; the rest happen once per press', () => {
    const held = ['walkForward', 'walkBackward', 'strafeLeft', 'strafeRight', 'turnLeft', 'turnRight'];
    const all = new Set<KeyAction>([...Object.values(KEYMAP.visitor), ...Object.values(KEYMAP.card)]);
    for (const action of all) expect(isHeldAction(action), action).toBe(held.includes(action));
    // Every held action has a key, and none belongs to the card.
    for (const action of held) expect(Object.values(KEYMAP.visitor)).toContain(action);
    expect(Object.values(KEYMAP.card).some(isHeldAction)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// installVisitorKeys
// ---------------------------------------------------------------------------------------------

function makeExhibition(): Exhibition {
  const panels = ['p1', 'p2', 'p3', 'p4'].map((id) => testPanel(id, { title: id }));
  return testExhibition([testSection('s', panels, { title: '栏目' })]);
}

const exhibition = makeExhibition();
const layout = layoutCorridor(exhibition);

let store: ExhibitionStore;
let uninstall: () => void;

function resetMotion() {
  for (const key of Object.keys(motionInput) as Array<keyof typeof motionInput>) motionInput[key] = 0;
}

beforeEach(() => {
  resetMotion();
  invalidate.mockClear();
  livePose.position = [...layout.start.position];
  livePose.yaw = 0;
  livePose.pitch = 0;
  store = createExhibitionStore();
  store.getState().contentLoaded(exhibition, []);
  uninstall = installVisitorKeys(store, window);
});

afterEach(() => {
  uninstall();
  document.body.replaceChildren();
});

function key(
  type: 'keydown' | 'keyup',
  keyName: string,
  init: KeyboardEventInit = {},
  target: EventTarget = window,
): KeyboardEvent {
  const event = new KeyboardEvent(type, { key: keyName, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Stands at a board's viewpoint looking straight at it, so Enter would open it. */
function lookAt(panelId: string) {
  const board = layout.boards.find((candidate) => candidate.panelId === panelId);
  if (!board) throw new Error(`no board ${panelId}`);
  livePose.position = [...board.viewpoint.position];
  const { yaw, pitch } = yawPitchTowards(board.viewpoint.position, board.position);
  livePose.yaw = yaw;
  livePose.pitch = pitch;
}

describe('installVisitorKeys', () => {
  it('holding W walks forward until the key is released', () => {
    const down = key('keydown', 'w');
    expect(motionInput.forward).toBe(1);
    expect(isWalking()).toBe(true);
    expect(down.defaultPrevented).toBe(true);
    expect(motionInput.takeover).toBe(1);
    expect(invalidate).toHaveBeenCalled();
    // Auto-repeat keeps walking but takes over only once.
    key('keydown', 'w', { repeat: true });
    expect(motionInput.forward).toBe(1);
    expect(motionInput.takeover).toBe(1);
    key('keyup', 'w');
    expect(motionInput.forward).toBe(0);
    expect(isWalking()).toBe(false);
  });

  it('each held key drives its own motion', () => {
    const fields: Array<[string, keyof typeof motionInput]> = [
      ['s', 'backward'],
      ['a', 'left'],
      ['d', 'right'],
      ['ArrowUp', 'forward'],
      ['ArrowDown', 'backward'],
      ['ArrowLeft', 'turnLeft'],
      ['ArrowRight', 'turnRight'],
    ];
    for (const [name, field] of fields) {
      key('keydown', name);
      expect(motionInput[field], name).toBe(1);
      key('keyup', name);
      expect(motionInput[field], name).toBe(0);
    }
  });

  it('Shift+W walks too, and releasing Shift first still stops', () => {
    key('keydown', 'W', { shiftKey: true });
    expect(motionInput.forward).toBe(1);
    key('keyup', 'w');
    expect(motionInput.forward).toBe(0);
  });

  it('losing the window focus releases every held key', () => {
    key('keydown', 'w');
    key('keydown', 'a');
    key('keydown', 'ArrowLeft');
    expect(isWalking()).toBe(true);
    window.dispatchEvent(new Event('blur'));
    expect(isWalking()).toBe(false);
    expect([motionInput.forward, motionInput.left, motionInput.turnLeft]).toEqual([0, 0, 0]);
  });

  it('N and P step the focus along the boards without opening a card', () => {
    key('keydown', 'n');
    expect(store.getState().focusPanelId).toBe('p1');
    key('keydown', 'N', { shiftKey: true });
    expect(store.getState().focusPanelId).toBe('p2');
    key('keydown', 'n');
    key('keydown', 'p');
    expect(store.getState().focusPanelId).toBe('p2');
    expect(store.getState().openPanelId).toBeNull();
  });

  it('a held-down N steps once, not once per auto-repeat', () => {
    key('keydown', 'n');
    key('keydown', 'n', { repeat: true });
    key('keydown', 'n', { repeat: true });
    expect(store.getState().focusPanelId).toBe('p1');
  });

  it('Enter opens the board in view', () => {
    lookAt('p3');
    const event = key('keydown', 'Enter');
    expect(store.getState().openPanelId).toBe('p3');
    expect(event.defaultPrevented).toBe(true);
  });

  it('keys are ignored while a card is open', () => {
    store.getState().openPanel('p2');
    const walk = key('keydown', 'w');
    expect(motionInput.forward).toBe(0);
    expect(invalidate).not.toHaveBeenCalled();
    expect(walk.defaultPrevented).toBe(false);
    key('keydown', 'n');
    key('keydown', 'p');
    expect(store.getState().openPanelId).toBe('p2');
    expect(store.getState().focusPanelId).toBe('p2');
  });

  it('a key held when a card opens still stops on release', () => {
    key('keydown', 'w');
    store.getState().openPanel('p1');
    key('keyup', 'w');
    expect(motionInput.forward).toBe(0);
  });

  it('keys are ignored in the problems view and before the content loads', () => {
    store.getState().showView('problems');
    key('keydown', 'w');
    key('keydown', 'n');
    expect(motionInput.forward).toBe(0);
    expect(store.getState().focusPanelId).toBeNull();

    uninstall();
    const loading = createExhibitionStore();
    uninstall = installVisitorKeys(loading, window);
    key('keydown', 'w');
    expect(motionInput.forward).toBe(0);
  });

  it('/ opens the search, in the corridor and in the text twin, but not while typing or with a card open', () => {
    const slash = key('keydown', '/');
    expect(slash.defaultPrevented).toBe(true);
    expect(store.getState().searchOpen).toBe(true);
    // While the search is open, keys belong to it: nothing walks.
    key('keydown', 'w');
    expect(motionInput.forward).toBe(0);
    store.getState().setSearchOpen(false);

    store.getState().applyRoute({ kind: 'text' });
    key('keydown', '/');
    expect(store.getState().searchOpen).toBe(true);
    store.getState().setSearchOpen(false);

    const input = document.createElement('input');
    document.body.append(input);
    key('keydown', '/', {}, input);
    expect(store.getState().searchOpen).toBe(false);

    store.getState().applyRoute({ kind: 'home' });
    store.getState().openPanel('p2');
    key('keydown', '/');
    expect(store.getState().searchOpen).toBe(false);
  });

  it('without a 3D scene (no WebGL) the arrow keys scroll the page and only / works', () => {
    uninstall();
    uninstall = installVisitorKeys(store, window, { scene: false });
    const arrow = key('keydown', 'ArrowDown');
    expect(arrow.defaultPrevented).toBe(false);
    expect(motionInput.backward).toBe(0);
    key('keydown', 'n');
    expect(store.getState().focusPanelId).toBeNull();
    key('keydown', '/');
    expect(store.getState().searchOpen).toBe(true);
  });

  it('shortcuts with Ctrl, Alt or Meta are left to the browser', () => {
    for (const modifier of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      const event = key('keydown', 'w', { [modifier]: true });
      expect(motionInput.forward, modifier).toBe(0);
      expect(event.defaultPrevented, modifier).toBe(false);
    }
  });

  it('Enter on a focused button is left to the button; walking keys still walk', () => {
    lookAt('p2');
    const button = document.createElement('button');
    button.textContent = '展厅目录';
    document.body.append(button);
    button.focus();
    const enter = key('keydown', 'Enter', {}, button);
    expect(enter.defaultPrevented).toBe(false);
    expect(store.getState().openPanelId).toBeNull();
    // The HUD button keeps the focus after a click; W must still walk.
    key('keydown', 'w', {}, button);
    expect(motionInput.forward).toBe(1);
    // Enter on a link inside the page is the link's too.
    const link = document.createElement('a');
    link.href = '#/panel/p2';
    link.append(document.createElement('span'));
    document.body.append(link);
    key('keydown', 'Enter', {}, link.firstChild ?? link);
    expect(store.getState().openPanelId).toBeNull();
  });

  it('typing in a text field is left to the field', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const event = key('keydown', 'w', {}, input);
    key('keydown', 'n', {}, input);
    expect(motionInput.forward).toBe(0);
    expect(store.getState().focusPanelId).toBeNull();
    expect(event.defaultPrevented).toBe(false);
  });

  it('uninstalling stops listening and releases held keys', () => {
    key('keydown', 'w');
    uninstall();
    expect(motionInput.forward).toBe(0);
    key('keydown', 'w');
    key('keydown', 'n');
    expect(motionInput.forward).toBe(0);
    expect(store.getState().focusPanelId).toBeNull();
    uninstall = () => {};
  });
});
