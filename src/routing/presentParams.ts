/**
 * Projector mode's URL parameters (`?mode=present&tour=<id>`, and the presenter window's
 * `&view=presenter&session=<id>`). Small and separate: the app shell decides which window it is
 * before the projector code (a lazy chunk) loads.
 */
import { formatModeParams, parseModeParams } from './modeParams.ts';

export interface PresentParams {
  tourId: string | null;
  /** True in the presenter window. */
  presenter: boolean;
  /** The lesson the presenter window belongs to. */
  sessionId: string | null;
}

export function parsePresentParams(search: string): PresentParams {
  const params = new URLSearchParams(search);
  const session = params.get('session');
  return {
    tourId: parseModeParams(search).tourId,
    presenter: params.get('view') === 'presenter',
    sessionId: session && /^[a-z0-9-]{1,64}$/i.test(session) ? session : null,
  };
}

/** The presenter window's address: the same page, its tour, `view=presenter` and the lesson's id. */
export function presenterSearch(tourId: string, sessionId: string): string {
  const params = new URLSearchParams(formatModeParams({ mode: 'present', tourId }));
  params.set('view', 'presenter');
  params.set('session', sessionId);
  return `?${params.toString()}`;
}

export function isPresenterWindow(search = typeof window === 'undefined' ? '' : window.location.search): boolean {
  return parsePresentParams(search).presenter;
}
