/**
 * Never a dead screen. In kiosk mode this is installed before React renders anything, so it
 * outlives a crashed React tree:
 *
 * - an uncaught error or unhandled rejection → a calm 正在恢复 screen, then a reload;
 * - content that cannot be loaded (the server gone before the offline cache was filled) → the same;
 * - the WebGL context lost → the same screen while the browser restores the context; if it has not
 *   come back within a few seconds, a reload;
 * - a heartbeat an external watchdog can read (see `heartbeat.ts`).
 *
 * Reloads back off when they keep happening (a broken build must not reload in a tight loop), and
 * the last errors are kept in localStorage for the admin screen (message and time only).
 */
import { kioskText } from '../../i18n/kioskStrings.ts';
import { safeStorage } from '../../store/safeStorage.ts';

export const RELOADS_KEY = 'dangshi.kiosk.reloads';
export const ERRORS_KEY = 'dangshi.kiosk.errors';
const MAX_ERRORS = 20;

export interface ErrorRecord {
  at: number;
  message: string;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * How long to wait before reloading, given the times of earlier reloads: a few seconds normally,
 * a minute after 3 reloads within 10 minutes, 5 minutes after 6.
 */
export function reloadDelay(previousReloads: readonly number[], now: number): number {
  const recent = previousReloads.filter((time) => now - time < 10 * 60_000 && time <= now).length;
  if (recent >= 6) return 5 * 60_000;
  if (recent >= 3) return 60_000;
  return 3000;
}

/** Errors that are not errors: Chromium reports a ResizeObserver that had more to deliver. */
export function isBenignError(message: string): boolean {
  return /ResizeObserver loop/i.test(message);
}

function readList<T>(storage: KeyValueStorage | null, key: string): T[] {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

function writeList(storage: KeyValueStorage | null, key: string, list: unknown[]): void {
  try {
    storage?.setItem(key, JSON.stringify(list));
  } catch {
    // storage full or gone: recovery goes on without the record
  }
}

export function recentErrors(storage: KeyValueStorage | null): ErrorRecord[] {
  return readList<ErrorRecord>(storage, ERRORS_KEY).filter(
    (entry) => typeof entry?.at === 'number' && typeof entry.message === 'string',
  );
}

export interface KioskRecovery {
  /** Shows the calm screen and reloads after the back-off delay. Later calls change nothing. */
  recover(reason: string): void;
  /** Shows the calm screen without a reload (waiting for something to come back). */
  showScreen(): void;
  hideScreen(): void;
  /** True once a reload is scheduled. */
  readonly reloading: boolean;
  stop(): void;
}

export interface RecoveryOptions {
  storage?: KeyValueStorage | null;
  /** Reloads the page; injectable for tests. */
  reload?: () => void;
  now?: () => number;
}

let installed: KioskRecovery | null = null;

/** The installed recovery (null outside kiosk mode). */
export function kioskRecovery(): KioskRecovery | null {
  return installed;
}

export function installKioskRecovery(win: Window = window, options: RecoveryOptions = {}): KioskRecovery {
  if (installed) return installed;
  const storage = options.storage === undefined ? safeStorage(win) : options.storage;
  const now = options.now ?? Date.now;
  const reload = options.reload ?? (() => win.location.reload());
  const doc = win.document;
  let screen: HTMLDialogElement | null = null;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;

  const logError = (message: string) => {
    const list = recentErrors(storage);
    list.push({ at: now(), message: message.slice(0, 300) });
    writeList(storage, ERRORS_KEY, list.slice(-MAX_ERRORS));
  };

  const showScreen = () => {
    if (screen?.isConnected) return;
    // Plain DOM with inline styles: it must work when React (or the stylesheet) is gone.
    screen = doc.createElement('dialog');
    screen.className = 'kiosk-recovering';
    screen.setAttribute('aria-live', 'polite');
    screen.style.cssText =
      'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0;border:none;' +
      'display:grid;place-items:center;background:radial-gradient(circle at 50% 40%,#7b1216,#2a0607 70%);' +
      'color:#f8f1e3;font-family:"Exhibit Sans","Noto Sans SC",sans-serif;text-align:center;z-index:2147483647;';
    const title = doc.createElement('p');
    title.style.cssText = 'margin:0;font-size:3rem;letter-spacing:0.3em;color:#f3d48a;';
    title.textContent = kioskText('kioskRecovering', 'zh');
    const subtitle = doc.createElement('p');
    subtitle.style.cssText = 'margin:12px 0 0;font-size:1.4rem;opacity:0.85;';
    subtitle.textContent = `${kioskText('kioskRecoveringHint', 'zh')} · ${kioskText('kioskRecovering', 'en')}…`;
    const box = doc.createElement('div');
    box.append(title, subtitle);
    screen.append(box);
    // Escape must not dismiss it.
    screen.addEventListener('cancel', (event) => event.preventDefault());
    doc.body.append(screen);
    try {
      // The top layer: above an open card (itself a modal dialog).
      screen.showModal();
    } catch {
      screen.setAttribute('open', '');
    }
  };

  const hideScreen = () => {
    if (recovery.reloading) return;
    screen?.remove();
    screen = null;
  };

  const recovery: KioskRecovery = {
    get reloading() {
      return reloadTimer !== null;
    },
    recover(reason) {
      showScreen();
      if (reloadTimer !== null) return;
      logError(reason);
      const reloads = readList<number>(storage, RELOADS_KEY).filter((time) => typeof time === 'number');
      const delay = reloadDelay(reloads, now());
      console.error(`[kiosk] recovering (${reason}); reloading in ${Math.round(delay / 1000)} s`);
      reloadTimer = setTimeout(() => {
        writeList(storage, RELOADS_KEY, [...reloads, now()].slice(-20));
        reload();
      }, delay);
    },
    showScreen,
    hideScreen,
    stop() {
      win.removeEventListener('error', onError);
      win.removeEventListener('unhandledrejection', onRejection);
      if (reloadTimer !== null) clearTimeout(reloadTimer);
      reloadTimer = null;
      screen?.remove();
      screen = null;
      if (installed === recovery) installed = null;
    },
  };

  const onError = (event: ErrorEvent) => {
    // Resource errors (an <img> 404) reach only capturing listeners; this is not one.
    const message = event.error instanceof Error ? `${event.error.name}: ${event.error.message}` : event.message || 'error';
    if (isBenignError(message)) return;
    recovery.recover(`uncaught ${message}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason instanceof Error ? `${event.reason.name}: ${event.reason.message}` : String(event.reason);
    if (isBenignError(reason)) return;
    recovery.recover(`unhandled rejection ${reason}`);
  };
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);

  installed = recovery;
  return recovery;
}

export interface ContextWatchOptions {
  /** How long a lost context may take to come back before the page reloads. */
  restoreWithinMs: number;
  onLost(): void;
  onRestored(): void;
  /** The context did not come back in time. */
  onGaveUp(): void;
}

/**
 * Watches every WebGL canvas of the page (the events do not bubble, but a capturing listener on the
 * window sees them). three.js already calls `preventDefault()` on `webglcontextlost`, which lets
 * the browser restore the context; three re-creates its GPU state then and uploads again.
 */
export function watchWebglContext(win: Window, options: ContextWatchOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const onLost = (event: Event) => {
    event.preventDefault();
    options.onLost();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      options.onGaveUp();
    }, options.restoreWithinMs);
  };
  const onRestored = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    options.onRestored();
  };
  win.addEventListener('webglcontextlost', onLost, true);
  win.addEventListener('webglcontextrestored', onRestored, true);
  return () => {
    if (timer !== null) clearTimeout(timer);
    win.removeEventListener('webglcontextlost', onLost, true);
    win.removeEventListener('webglcontextrestored', onRestored, true);
  };
}
