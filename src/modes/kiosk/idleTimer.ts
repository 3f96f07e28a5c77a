/**
 * The kiosk's idle clock: after `idleMs` without input the visit is over. The last `warningMs`
 * are announced second by second (还在参观吗？), and input during them withdraws the warning.
 *
 * Input only records a time stamp (`activity()` is cheap enough for every pointermove); one timer
 * is pending at a time and re-checks the clock when it fires, so a busy visitor costs no timer
 * churn. Times come from the clock, not from counting ticks, so late timers (a busy main thread,
 * a sleeping PC) never stretch the countdown.
 */

export interface IdleTimerOptions {
  /** Milliseconds without input before `onIdle`. */
  idleMs: number;
  /** The last part of `idleMs`, announced by `onWarning` once per second. */
  warningMs: number;
  /** Called when the warning starts and each time the whole seconds left change. */
  onWarning(secondsLeft: number): void;
  /** Input arrived during the warning: it is withdrawn and the clock starts again. */
  onResume(): void;
  /** The full idle time passed; the timer stops (call `start()` for the next visit). */
  onIdle(): void;
  now?: () => number;
}

export type IdleTimerState = 'stopped' | 'counting' | 'warning';

/** The warning lasts 10 s, or half the idle time when that is shorter (a short `?idle=` override in tests). */
export function warningSecondsFor(idleSeconds: number): number {
  return Math.min(10, Math.max(1, Math.floor(idleSeconds / 2)));
}

export class IdleTimer {
  private readonly options: IdleTimerOptions;
  private readonly now: () => number;
  private lastInput = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private current: IdleTimerState = 'stopped';
  private announced: number | null = null;

  constructor(options: IdleTimerOptions) {
    if (!(options.idleMs > 0)) throw new Error('idleMs must be positive');
    this.options = { ...options, warningMs: Math.min(Math.max(0, options.warningMs), options.idleMs) };
    this.now = options.now ?? Date.now;
  }

  get state(): IdleTimerState {
    return this.current;
  }

  /** Milliseconds since the last input (0 when stopped). */
  get idleFor(): number {
    return this.current === 'stopped' ? 0 : this.now() - this.lastInput;
  }

  /** Starts (or restarts) the clock from now. */
  start(): void {
    this.clear();
    this.lastInput = this.now();
    this.current = 'counting';
    this.announced = null;
    this.schedule(this.options.idleMs - this.options.warningMs);
  }

  stop(): void {
    this.clear();
    this.current = 'stopped';
    this.announced = null;
  }

  /** Input from the visitor. Ignored while stopped. */
  activity(): void {
    if (this.current === 'stopped') return;
    this.lastInput = this.now();
    if (this.current === 'warning') {
      this.current = 'counting';
      this.announced = null;
      this.clear();
      this.schedule(this.options.idleMs - this.options.warningMs);
      this.options.onResume();
    }
    // While counting, the pending timer finds the newer time stamp when it fires.
  }

  private check = () => {
    this.timer = null;
    if (this.current === 'stopped') return;
    const { idleMs, warningMs } = this.options;
    const elapsed = this.now() - this.lastInput;
    if (elapsed >= idleMs) {
      this.stop();
      this.options.onIdle();
      return;
    }
    const warnAt = idleMs - warningMs;
    if (elapsed < warnAt) {
      this.schedule(warnAt - elapsed);
      return;
    }
    this.current = 'warning';
    const left = idleMs - elapsed;
    const seconds = Math.ceil(left / 1000);
    if (seconds !== this.announced) {
      this.announced = seconds;
      this.options.onWarning(seconds);
    }
    // Wake at the next whole second of the countdown (or at the end).
    this.schedule(left % 1000 || 1000);
  };

  private schedule(delay: number): void {
    this.clear();
    this.timer = setTimeout(this.check, Math.max(0, delay));
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
