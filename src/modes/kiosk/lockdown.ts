/**
 * Closes every exit a visitor at the lobby kiosk could try from the page: the context menu (long
 * press, right click), text selection, dragging images or links, pinch and double-tap zoom (with
 * the CSS in kiosk.css: `touch-action`, `overscroll-behavior`, `user-select`), ctrl+wheel zoom,
 * links that leave the exhibition, new windows, and the keys that would reload, go back, print…
 * (`KIOSK_BLOCKED_CHORDS`). Links inside the exhibition (`#/panel/<id>` on a card) open their
 * panel without touching the history, so there is never a page to go back to.
 *
 * What a page cannot stop (Ctrl+W, Alt+F4, the OS's own gestures) is for the browser's kiosk
 * flags: see the README.
 */
import { chordName, KIOSK_BLOCKED_CHORDS } from '../../input/keymap.ts';

export const KIOSK_ROOT_CLASS = 'kiosk-mode';

/** Whether the kiosk swallows this key chord. */
export function isBlockedChord(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>): boolean {
  return KIOSK_BLOCKED_CHORDS.has(chordName(event));
}

/** A link's destination, sorted: inside the exhibition (a hash route), a download we made, or away. */
export function linkKind(href: string, base: string): 'route' | 'away' {
  let target: URL;
  let here: URL;
  try {
    target = new URL(href, base);
    here = new URL(base);
  } catch {
    return 'away';
  }
  const sameDocument = target.origin === here.origin && target.pathname === here.pathname && target.search === here.search;
  return sameDocument && target.hash.startsWith('#/') ? 'route' : 'away';
}

export interface LockdownOptions {
  /** A link inside the exhibition was followed: show that route (e.g. open the panel). */
  onRoute(hash: string): void;
}

/** Installs the guards on a window; returns the uninstaller. */
export function installKioskLockdown(win: Window, { onRoute }: LockdownOptions): () => void {
  const doc = win.document;
  const root = doc.documentElement;
  root.classList.add(KIOSK_ROOT_CLASS);

  // Mobile browsers take zoom limits from the viewport; desktop Chromium uses --disable-pinch and touch-action.
  const viewport = doc.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  const viewportBefore = viewport?.content ?? null;
  viewport?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover');

  const prevent = (event: Event) => {
    if (event.cancelable) event.preventDefault();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (isBlockedChord(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const onWheel = (event: WheelEvent) => {
    // Ctrl+wheel is zoom (and a touchpad pinch arrives as one).
    if (event.ctrlKey) event.preventDefault();
  };
  const onTouchMove = (event: TouchEvent) => {
    // Two fingers would pinch-zoom where touch-action is not honoured.
    if (event.touches.length > 1) prevent(event);
  };
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(target instanceof HTMLAnchorElement)) return;
    if (target.hasAttribute('download') && target.href.startsWith('blob:')) return; // the admin's CSV export
    event.preventDefault();
    if (event.button === 0 && linkKind(target.getAttribute('href') ?? '', win.location.href) === 'route') {
      onRoute(new URL(target.href).hash);
    }
  };
  const onAuxClick = (event: MouseEvent) => {
    // Middle click would open a link in a new tab.
    if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
  };

  const listeners: Array<[string, EventListener, AddEventListenerOptions]> = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['gesturestart', prevent, { capture: true }],
    ['dblclick', prevent, { capture: true }],
    ['keydown', onKeyDown as EventListener, { capture: true }],
    ['wheel', onWheel as EventListener, { capture: true, passive: false }],
    ['touchmove', onTouchMove as EventListener, { capture: true, passive: false }],
    ['click', onClick as EventListener, { capture: true }],
    ['auxclick', onAuxClick as EventListener, { capture: true }],
  ];
  for (const [type, listener, options] of listeners) win.addEventListener(type, listener, options);

  // Nothing in the exhibition opens windows; make sure nothing can.
  const open = win.open;
  win.open = () => null;

  return () => {
    for (const [type, listener, options] of listeners) win.removeEventListener(type, listener, options);
    win.open = open;
    root.classList.remove(KIOSK_ROOT_CLASS);
    if (viewport && viewportBefore !== null) viewport.setAttribute('content', viewportBefore);
  };
}
