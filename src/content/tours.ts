/**
 * Tours (lessons) for projector mode, as pure functions: which tours exist, a tour's stops
 * resolved against the loaded panels, stepping with clamping, and resuming from a panel in the
 * URL. No React, no DOM: tested on their own.
 */

import { UI_STRINGS } from '../i18n/strings.ts';
import { allPanels } from './load.ts';
import type { Exhibition, LocalizedString, Panel, Section, Tour } from './schema.ts';

/** The implicit tour that visits every panel in exhibition order. */
export const DEFAULT_TOUR_ID = 'all';

/** A stop as projector mode uses it: the loaded panel itself, its section, notes and duration. */
export interface PresentStop {
  panel: Panel;
  section: Section;
  notes: LocalizedString[];
  /** Seconds before auto-advance moves on; null = wait for the presenter. */
  duration: number | null;
}

export interface PresentTour {
  id: string;
  title: LocalizedString;
  stops: PresentStop[];
  /** True for the implicit "every panel" tour. */
  isDefault: boolean;
}

/** The default tour in the content's own shape: every panel, in corridor order, no notes. */
export function defaultTour(exhibition: Exhibition): Tour {
  return {
    id: DEFAULT_TOUR_ID,
    title: { ...UI_STRINGS.presentAllTour },
    stops: allPanels(exhibition).map((panel) => ({ panel: panel.id, notes: [] })),
  };
}

/**
 * Every tour to offer: the authored lessons in file order, then the default tour (unless a
 * lesson took the id "all" for itself).
 */
export function toursOf(exhibition: Exhibition): Tour[] {
  const authored = exhibition.tours ?? [];
  return authored.some((tour) => tour.id === DEFAULT_TOUR_ID) ? authored : [...authored, defaultTour(exhibition)];
}

/**
 * A tour's stops matched to the loaded panels. A stop naming a panel that is not there (the
 * content check reports it) is left out, so the lesson still runs.
 */
export function presentTour(exhibition: Exhibition, tour: Tour): PresentTour {
  const stops: PresentStop[] = [];
  for (const stop of tour.stops) {
    for (const section of exhibition.sections) {
      const panel = section.panels.find((candidate) => candidate.id === stop.panel);
      if (panel) {
        stops.push({ panel, section, notes: stop.notes, duration: stop.duration ?? null });
        break;
      }
    }
  }
  return { id: tour.id, title: tour.title, stops, isDefault: tour.id === DEFAULT_TOUR_ID && !exhibition.tours?.includes(tour) };
}

/**
 * The tour a URL asks for. No id, an unknown id or a tour with no stop left gives the default
 * tour; `unknownId` then says which id was asked for in vain.
 */
export function resolveTour(exhibition: Exhibition, tourId: string | null): { tour: PresentTour; unknownId: string | null } {
  const tours = toursOf(exhibition);
  const wanted = tourId ? tours.find((tour) => tour.id === tourId) : undefined;
  const resolved = wanted ? presentTour(exhibition, wanted) : null;
  if (resolved && resolved.stops.length > 0) return { tour: resolved, unknownId: null };
  const fallback = tours.find((tour) => tour.id === DEFAULT_TOUR_ID) ?? defaultTour(exhibition);
  return { tour: presentTour(exhibition, fallback), unknownId: tourId && tourId !== DEFAULT_TOUR_ID ? tourId : null };
}

/** An index kept within 0…count−1 (0 for an empty tour). */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(index)));
}

/** The stop `step` stops away, stopping at the first and the last (no wrapping round). */
export function stepIndex(index: number, count: number, step: number): number {
  return clampIndex(index + step, count);
}

/**
 * Which stop shows a panel: the occurrence nearest to `near` (a lesson may come back to a
 * panel), or −1 when the tour does not visit it.
 */
export function stopIndexForPanel(tour: PresentTour, panelId: string, near = 0): number {
  let best = -1;
  tour.stops.forEach((stop, index) => {
    if (stop.panel.id !== panelId) return;
    if (best < 0 || Math.abs(index - near) < Math.abs(best - near)) best = index;
  });
  return best;
}

/** Where a lesson starts: at the panel the URL names (a reload resumes there), else at the first stop. */
export function startIndex(tour: PresentTour, openPanelId: string | null): { index: number; resumed: boolean } {
  const index = openPanelId ? stopIndexForPanel(tour, openPanelId) : -1;
  return index >= 0 ? { index, resumed: true } : { index: 0, resumed: false };
}

export function hasDurations(tour: PresentTour): boolean {
  return tour.stops.some((stop) => stop.duration !== null);
}
