/**
 * The query string chooses how the exhibition runs: `?mode=kiosk[&idle=SECONDS]` for the lobby
 * touch screen, `?mode=present[&tour=<id>]` for projector sessions, `?mode=follow[&code=<code>]` for
 * an audience phone following a live lesson, nothing for visitors. The
 * hash stays free for routes (`#/panel/<id>`), so both combine: `?mode=present&tour=t#/panel/p`.
 */
import type { Mode } from '../store/types.ts';

export interface ModeParams {
  mode: Mode;
  /** Kiosk: seconds without input before it resets (overrides the exhibition's setting). */
  idleSeconds: number | null;
  /** Present: the tour to run (the default tour when null). */
  tourId: string | null;
}

export function parseModeParams(search: string): ModeParams {
  const params = new URLSearchParams(search);
  const requested = params.get('mode');
  const mode: Mode = requested === 'kiosk' || requested === 'present' || requested === 'follow' ? requested : 'visitor';
  const idle = Number(params.get('idle'));
  return {
    mode,
    idleSeconds: mode === 'kiosk' && Number.isFinite(idle) && idle >= 1 ? Math.min(86_400, Math.round(idle)) : null,
    tourId: mode === 'present' ? params.get('tour') || null : null,
  };
}

/** The query string for a mode, e.g. to link to present mode from the directory. */
export function formatModeParams({ mode, idleSeconds, tourId }: Partial<ModeParams>): string {
  const params = new URLSearchParams();
  if (mode && mode !== 'visitor') params.set('mode', mode);
  if (mode === 'kiosk' && idleSeconds) params.set('idle', String(idleSeconds));
  if (mode === 'present' && tourId) params.set('tour', tourId);
  const text = params.toString();
  return text ? `?${text}` : '';
}
