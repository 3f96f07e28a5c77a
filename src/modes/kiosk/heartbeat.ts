/**
 * The kiosk's heartbeat, for a watchdog outside the browser. Every few seconds, while the page's
 * main thread is alive and the kiosk is not stuck recovering, it writes the time three ways:
 *
 * - the page title ends with ` · kiosk-heartbeat=<unix seconds>`: readable from outside the browser
 *   through Chromium's DevTools endpoint (`curl -s http://127.0.0.1:9222/json/list`, launched with
 *   `--remote-debugging-port=9222`), or as the window title (`xdotool`, `wmctrl -l`) on X11;
 * - `localStorage['dangshi.kiosk.heartbeat']`: JSON `{ at, phase, … }`, read by the next start;
 * - `window.__kioskHeartbeat`: the same object, for anything that drives the page (CDP, tests).
 *
 * A watchdog that sees no new beat for a minute restarts the browser (see the README and
 * `src/deploy/kiosk/kiosk-watchdog.sh`). No server endpoint is involved: the kiosk works offline.
 */

export const HEARTBEAT_KEY = 'dangshi.kiosk.heartbeat';
export const HEARTBEAT_TITLE_MARK = 'kiosk-heartbeat=';

export interface Heartbeat {
  /** Milliseconds since 1970 (Date.now()). */
  at: number;
  /** What the kiosk is doing: attract, visit, admin, recovering… */
  phase: string;
  /** Frames drawn so far (the renderer's counter), when known. */
  frames?: number;
  /** Seconds since the page loaded. */
  uptime: number;
}

declare global {
  interface Window {
    __kioskHeartbeat?: Heartbeat;
  }
}

/** The page title with the beat's mark, replacing an earlier mark. */
export function titleWithBeat(title: string, at: number): string {
  const base = title.replace(/ · kiosk-heartbeat=\d+$/, '');
  return `${base} · ${HEARTBEAT_TITLE_MARK}${Math.floor(at / 1000)}`;
}

/** The beat's unix seconds in a title, or null. For watchdogs written in TypeScript (and the tests). */
export function beatFromTitle(title: string): number | null {
  const match = / · kiosk-heartbeat=(\d+)$/.exec(title);
  return match ? Number(match[1]) : null;
}

export interface HeartbeatOptions {
  intervalMs?: number;
  /** The current status; return null to skip a beat (the kiosk is not healthy). */
  status(): Omit<Heartbeat, 'at' | 'uptime'> | null;
  now?: () => number;
}

export interface HeartbeatControl {
  /** Beat now, e.g. when the phase changed, so a reader never sees a phase older than the page's. */
  beat(): void;
  stop(): void;
}

/** Beats at once and then every `intervalMs`. */
export function startHeartbeat(win: Window, { intervalMs = 5000, status, now = Date.now }: HeartbeatOptions): HeartbeatControl {
  const loadedAt = now();
  const beat = () => {
    const current = status();
    if (!current) return;
    const at = now();
    const heartbeat: Heartbeat = { ...current, at, uptime: Math.round((at - loadedAt) / 1000) };
    win.__kioskHeartbeat = heartbeat;
    win.document.title = titleWithBeat(win.document.title, at);
    try {
      win.localStorage.setItem(HEARTBEAT_KEY, JSON.stringify(heartbeat));
    } catch {
      // no storage: the title and the window value still beat
    }
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return { beat, stop: () => clearInterval(timer) };
}
