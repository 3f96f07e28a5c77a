/**
 * The query string chooses how the exhibition runs: `?mode=kiosk[&idle=S][&warn=S][&rest=S]` for the lobby
 * touch screen, `?mode=present[&tour=<id>]` for projector sessions, `?mode=follow[&code=<code>]` for
 * an audience phone following a live lesson, `?mode=curate[&setup=<token>]` for the station's staff
 * editing the exhibition (布展; the curate mode reads and drops its one-time `setup` token itself),
 * nothing for visitors. The
 * hash stays free for routes (`#/panel/<id>`), so both combine: `?mode=present&tour=t#/panel/p`.
 */
import type { Mode } from '../store/types.ts';

export interface ModeParams {
  mode: Mode;
  /** Kiosk: seconds without input before it resets (overrides the exhibition's setting). */
  idleSeconds: number | null;
  /** Kiosk: how long the 还在参观吗？ warning counts down (at most the idle time; null: the default rule). */
  warningSeconds: number | null;
  /** Kiosk: how long the attract loop rests at each board (null: its default). */
  attractRestSeconds: number | null;
  /** Present: the tour to run (the default tour when null). */
  tourId: string | null;
}

/** The modes a `?mode=` names; anything else (or nothing) is the visitor's. */
const OTHER_MODES = ['kiosk', 'present', 'follow', 'curate'] as const satisfies readonly Exclude<Mode, 'visitor'>[];
const namesOtherMode = (name: string | null): name is (typeof OTHER_MODES)[number] => OTHER_MODES.some((mode) => mode === name);

export function parseModeParams(search: string): ModeParams {
  const params = new URLSearchParams(search);
  const requested = params.get('mode');
  const mode: Mode = namesOtherMode(requested) ? requested : 'visitor';
  // Whole seconds from 1 to a day; anything else (missing, 0, negative, not a number) is ignored.
  const seconds = (name: string): number | null => {
    const value = Number(params.get(name));
    return mode === 'kiosk' && params.has(name) && Number.isFinite(value) && value >= 1
      ? Math.min(86_400, Math.round(value))
      : null;
  };
  return {
    mode,
    idleSeconds: seconds('idle'),
    warningSeconds: seconds('warn'),
    attractRestSeconds: seconds('rest'),
    tourId: mode === 'present' ? params.get('tour') || null : null,
  };
}

/** The query string for a mode, e.g. to link to present mode from the directory. */
export function formatModeParams({ mode, idleSeconds, warningSeconds, attractRestSeconds, tourId }: Partial<ModeParams>): string {
  const params = new URLSearchParams();
  if (mode && mode !== 'visitor') params.set('mode', mode);
  if (mode === 'kiosk' && idleSeconds) params.set('idle', String(idleSeconds));
  if (mode === 'kiosk' && warningSeconds) params.set('warn', String(warningSeconds));
  if (mode === 'kiosk' && attractRestSeconds) params.set('rest', String(attractRestSeconds));
  if (mode === 'present' && tourId) params.set('tour', tourId);
  const text = params.toString();
  return text ? `?${text}` : '';
}
