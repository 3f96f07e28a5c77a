// @vitest-environment jsdom
/**
 * The kiosk's guards in a DOM: the lock-down (keys, context menu, zoom, links), recovery from
 * errors with a back-off, the WebGL context watch, and the heartbeat a watchdog reads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chordName, KIOSK_BLOCKED_CHORDS } from '../../src/input/keymap.ts';
import { beatFromTitle, HEARTBEAT_KEY, startHeartbeat, titleWithBeat } from '../../src/modes/kiosk/heartbeat.ts';
import { installKioskLockdown, isBlockedChord, KIOSK_ROOT_CLASS, linkKind } from '../../src/modes/kiosk/lockdown.ts';
import {
  ERRORS_KEY,
  installKioskRecovery,
  isBenignError,
  RELOADS_KEY,
  recentErrors,
  reloadDelay,
  watchWebglContext,
} from '../../src/modes/kiosk/recovery.ts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('blocked keys', () => {
  it('names chords the same way whatever the letter case or Cmd/Ctrl', () => {
    expect(chordName({ key: 'r', ctrlKey: true, altKey: false, shiftKey: false, metaKey: false })).toBe('Ctrl+R');
    expect(chordName({ key: 'R', ctrlKey: true, altKey: false, shiftKey: true, metaKey: false })).toBe('Ctrl+Shift+R');
    expect(chordName({ key: 'r', ctrlKey: false, altKey: false, shiftKey: false, metaKey: true })).toBe('Ctrl+R');
    expect(chordName({ key: 'ArrowLeft', ctrlKey: false, altKey: true, shiftKey: false, metaKey: false })).toBe('Alt+ArrowLeft');
    expect(chordName({ key: 'Shift', ctrlKey: false, altKey: false, shiftKey: true, metaKey: false })).toBe('Shift');
  });

  it('blocks reload, history, print, zoom, devtools; lets ordinary keys through', () => {
    const blocked = [
      { key: 'F5' },
      { key: 'r', ctrlKey: true },
      { key: 'ArrowLeft', altKey: true },
      { key: 'Backspace' },
      { key: 'BrowserBack' },
      { key: 'p', ctrlKey: true },
      { key: '=', ctrlKey: true },
      { key: '-', ctrlKey: true },
      { key: '0', ctrlKey: true },
      { key: 'F12' },
      { key: 'I', ctrlKey: true, shiftKey: true },
    ];
    for (const init of blocked) expect(isBlockedChord(key(init)), JSON.stringify(init)).toBe(true);
    for (const init of [{ key: 'a' }, { key: 'Escape' }, { key: 'ArrowLeft' }, { key: 'Enter' }, { key: '5' }, { key: 'Tab' }]) {
      expect(isBlockedChord(key(init)), JSON.stringify(init)).toBe(false);
    }
    expect(KIOSK_BLOCKED_CHORDS.size).toBeGreaterThan(40);
  });
});

describe('links', () => {
  const base = 'http://127.0.0.1:4173/?mode=kiosk&idle=60';
  it('tells routes inside the exhibition from links that leave', () => {
    expect(linkKind('#/panel/cpc-founding-1921', base)).toBe('route');
    expect(linkKind('?mode=kiosk&idle=60#/panel/x', base)).toBe('route');
    expect(linkKind('https://example.org/', base)).toBe('away');
    expect(linkKind('/other/', base)).toBe('away');
    expect(linkKind('?mode=visitor', base)).toBe('away');
    expect(linkKind('#top', base)).toBe('away');
    expect(linkKind('javascript:alert(1)', base)).toBe('away');
  });
});

describe('lock-down', () => {
  let uninstall: () => void;
  const routes: string[] = [];

  beforeEach(() => {
    document.head.innerHTML = '<meta name="viewport" content="width=device-width, initial-scale=1">';
    document.body.innerHTML =
      '<a id="away" href="https://example.org/">away</a><a id="route" href="#/panel/p1">route</a><img id="photo" src="data:,">';
    routes.length = 0;
    uninstall = installKioskLockdown(window, { onRoute: (hash) => routes.push(hash) });
  });

  afterEach(() => uninstall());

  it('marks the page and stops zooming through the viewport', () => {
    expect(document.documentElement.classList.contains(KIOSK_ROOT_CLASS)).toBe(true);
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('user-scalable=no');
    uninstall();
    expect(document.documentElement.classList.contains(KIOSK_ROOT_CLASS)).toBe(false);
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    uninstall = () => {};
  });

  it('swallows the context menu, selection, dragging, double-click and blocked keys', () => {
    for (const type of ['contextmenu', 'selectstart', 'dragstart', 'dblclick']) {
      const event = new Event(type, { bubbles: true, cancelable: true });
      document.getElementById('photo')?.dispatchEvent(event);
      expect(event.defaultPrevented, type).toBe(true);
    }
    const reload = key({ key: 'F5' });
    document.body.dispatchEvent(reload);
    expect(reload.defaultPrevented).toBe(true);
    const ordinary = key({ key: 'Escape' });
    document.body.dispatchEvent(ordinary);
    expect(ordinary.defaultPrevented).toBe(false);
  });

  it('swallows ctrl+wheel zoom but not a plain wheel', () => {
    const zoom = new WheelEvent('wheel', { ctrlKey: true, deltaY: -100, bubbles: true, cancelable: true });
    const scroll = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true });
    document.body.dispatchEvent(zoom);
    document.body.dispatchEvent(scroll);
    expect(zoom.defaultPrevented).toBe(true);
    expect(scroll.defaultPrevented).toBe(false);
  });

  it('stops links that leave, and opens routes in place without navigating', () => {
    const away = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    document.getElementById('away')?.dispatchEvent(away);
    expect(away.defaultPrevented).toBe(true);
    const route = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    document.getElementById('route')?.dispatchEvent(route);
    expect(route.defaultPrevented).toBe(true);
    expect(routes).toEqual(['#/panel/p1']);
    expect(window.open('https://example.org/')).toBeNull();
  });
});

describe('recovery', () => {
  let reloads: number;
  const storage = new Map<string, string>();
  const fakeStorage = {
    getItem: (name: string) => storage.get(name) ?? null,
    setItem: (name: string, value: string) => void storage.set(name, value),
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-07-01T10:00:00'));
    reloads = 0;
    storage.clear();
    document.body.innerHTML = '';
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('backs off when reloads keep happening', () => {
    const now = Date.now();
    expect(reloadDelay([], now)).toBe(3000);
    expect(reloadDelay([now - 60_000, now - 30_000], now)).toBe(3000);
    expect(reloadDelay([now - 60_000, now - 30_000, now - 10_000], now)).toBe(60_000);
    expect(
      reloadDelay(
        Array.from({ length: 6 }, (_, i) => now - i * 1000),
        now,
      ),
    ).toBe(300_000);
    expect(reloadDelay([now - 11 * 60_000, now - 12 * 60_000, now - 13 * 60_000], now)).toBe(3000);
    expect(isBenignError('ResizeObserver loop completed with undelivered notifications.')).toBe(true);
  });

  it('an uncaught error shows 正在恢复 and reloads after a few seconds, once', () => {
    const recovery = installKioskRecovery(window, { storage: fakeStorage, reload: () => reloads++ });
    try {
      window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined'), message: 'x is undefined' }));
      const screen = document.querySelector('.kiosk-recovering');
      expect(screen?.textContent).toContain('正在恢复');
      window.dispatchEvent(new ErrorEvent('error', { error: new Error('again') }));
      expect(document.querySelectorAll('.kiosk-recovering')).toHaveLength(1);
      vi.advanceTimersByTime(2999);
      expect(reloads).toBe(0);
      vi.advanceTimersByTime(1);
      expect(reloads).toBe(1);
      expect(JSON.parse(storage.get(RELOADS_KEY) ?? '[]')).toHaveLength(1);
      expect(recentErrors(fakeStorage).map((entry) => entry.message)).toEqual(['uncaught TypeError: x is undefined']);
      expect(storage.get(ERRORS_KEY)).toBeTruthy();
    } finally {
      recovery.stop();
    }
  });

  it('ignores the benign ResizeObserver report; an unhandled rejection recovers too', () => {
    storage.set(RELOADS_KEY, JSON.stringify([Date.now() - 3000, Date.now() - 2000, Date.now() - 1000]));
    const recovery = installKioskRecovery(window, { storage: fakeStorage, reload: () => reloads++ });
    try {
      window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop completed with undelivered notifications.' }));
      expect(document.querySelector('.kiosk-recovering')).toBeNull();
      const rejection = new Event('unhandledrejection') as PromiseRejectionEvent;
      Object.defineProperty(rejection, 'reason', { value: new Error('lost') });
      window.dispatchEvent(rejection);
      expect(document.querySelector('.kiosk-recovering')).not.toBeNull();
      // Three reloads in the last minutes: wait a minute this time.
      vi.advanceTimersByTime(59_000);
      expect(reloads).toBe(0);
      vi.advanceTimersByTime(1000);
      expect(reloads).toBe(1);
    } finally {
      recovery.stop();
    }
  });

  it('shows the screen while waiting for something to come back, and hides it', () => {
    const recovery = installKioskRecovery(window, { storage: fakeStorage, reload: () => reloads++ });
    try {
      recovery.showScreen();
      recovery.showScreen();
      expect(document.querySelectorAll('.kiosk-recovering')).toHaveLength(1);
      recovery.hideScreen();
      expect(document.querySelector('.kiosk-recovering')).toBeNull();
      vi.advanceTimersByTime(60_000);
      expect(reloads).toBe(0);
    } finally {
      recovery.stop();
    }
  });

  it('a lost WebGL context that comes back is fine; one that does not gives up', () => {
    const events: string[] = [];
    const stop = watchWebglContext(window, {
      restoreWithinMs: 5000,
      onLost: () => events.push('lost'),
      onRestored: () => events.push('restored'),
      onGaveUp: () => events.push('gave up'),
    });
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    const lost = new Event('webglcontextlost', { cancelable: true });
    canvas.dispatchEvent(lost);
    expect(lost.defaultPrevented).toBe(true); // allows the browser to restore it
    vi.advanceTimersByTime(2000);
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    vi.advanceTimersByTime(10_000);
    canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['lost', 'restored', 'lost', 'gave up']);
    stop();
  });
});

describe('heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-07-01T10:00:00Z'));
    document.title = '党史长廊 · 德清县消防救援大队';
  });
  afterEach(() => vi.useRealTimers());

  it('writes the time into the title, localStorage and window, and goes stale when unhealthy', () => {
    let healthy = true;
    let phase = 'loading';
    const heartbeat = startHeartbeat(window, { intervalMs: 5000, status: () => (healthy ? { phase, frames: 3 } : null) });
    expect(window.__kioskHeartbeat?.phase).toBe('loading');
    phase = 'attract';
    heartbeat.beat();
    const first = Math.floor(Date.now() / 1000);
    expect(beatFromTitle(document.title)).toBe(first);
    expect(document.title.startsWith('党史长廊 · 德清县消防救援大队 · kiosk-heartbeat=')).toBe(true);
    expect(window.__kioskHeartbeat).toMatchObject({ phase: 'attract', frames: 3, at: Date.now() });
    expect(JSON.parse(localStorage.getItem(HEARTBEAT_KEY) ?? '{}').phase).toBe('attract');
    vi.advanceTimersByTime(5000);
    expect(beatFromTitle(document.title)).toBe(first + 5);
    healthy = false;
    vi.advanceTimersByTime(20_000);
    expect(beatFromTitle(document.title)).toBe(first + 5);
    heartbeat.stop();
    expect(titleWithBeat(titleWithBeat('T', 1_000_000), 2_000_000)).toBe('T · kiosk-heartbeat=2000');
    expect(beatFromTitle('T')).toBeNull();
  });
});
