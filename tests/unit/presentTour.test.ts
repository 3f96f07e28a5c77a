/**
 * Tours for projector mode: which exist, how their stops resolve, stepping with clamping,
 * resuming from the URL's panel; and the shipped lesson itself.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsContentReader } from '../../src/build/fonts.ts';
import { allPanels, loadExhibition } from '../../src/content/load.ts';
import { localize, variants } from '../../src/content/localize.ts';
import type { Exhibition, Panel } from '../../src/content/schema.ts';
import {
  clampIndex,
  DEFAULT_TOUR_ID,
  defaultTour,
  hasDurations,
  resolveTour,
  startIndex,
  stepIndex,
  stopIndexForPanel,
  toursOf,
} from '../../src/content/tours.ts';
import { LESSON, makeExhibition, PANEL_ORDER, TIMED } from './presentFixtures.ts';

const exhibition = makeExhibition([LESSON, TIMED]);

describe('the tours on offer', () => {
  it('the default tour visits every panel in exhibition order, with no notes or durations', () => {
    const tour = defaultTour(exhibition);
    expect(tour.id).toBe(DEFAULT_TOUR_ID);
    expect(tour.stops.map((stop) => stop.panel)).toEqual(PANEL_ORDER);
    expect(tour.stops.every((stop) => stop.notes.length === 0 && stop.duration === undefined)).toBe(true);
    expect(localize(tour.title, 'zh')).toBe('全部展板（按展览顺序）');
    expect(localize(tour.title, 'en')).toBe('All panels, in exhibition order');
  });

  it('lists the authored lessons first, in file order, then the default tour', () => {
    expect(toursOf(exhibition).map((tour) => tour.id)).toEqual(['lesson', 'timed', 'all']);
    expect(toursOf(makeExhibition([])).map((tour) => tour.id)).toEqual(['all']);
  });

  it('a lesson that takes the id "all" for itself replaces the default tour', () => {
    const own = makeExhibition([{ id: 'all', title: '精选', stops: [{ panel: 'b1' }] }]);
    expect(toursOf(own).map((tour) => tour.id)).toEqual(['all']);
    const { tour } = resolveTour(own, null);
    expect(tour.stops.map((stop) => stop.panel.id)).toEqual(['b1']);
    expect(tour.isDefault).toBe(false);
  });
});

describe('resolveTour', () => {
  it('resolves a lesson to the loaded panels, their sections, notes and durations', () => {
    const { tour, unknownId } = resolveTour(exhibition, 'lesson');
    expect(unknownId).toBeNull();
    expect(tour.isDefault).toBe(false);
    expect(tour.stops.map((stop) => [stop.panel.id, stop.section.id])).toEqual([
      ['c2', 'c'],
      ['a1', 'a'],
      ['b2', 'b'],
      ['c4', 'c'],
    ]);
    expect(tour.stops[0]?.notes.map((note) => localize(note, 'en'))).toEqual(['要点一', 'Point two']);
    expect(resolveTour(exhibition, 'timed').tour.stops.map((stop) => stop.duration)).toEqual([10, null, 5]);
  });

  it('no tour in the URL runs the default tour', () => {
    const { tour, unknownId } = resolveTour(exhibition, null);
    expect(tour.id).toBe('all');
    expect(tour.isDefault).toBe(true);
    expect(tour.stops.map((stop) => stop.panel.id)).toEqual(PANEL_ORDER);
    expect(unknownId).toBeNull();
  });

  it('an unknown tour falls back to the default tour and says which id was not found', () => {
    const { tour, unknownId } = resolveTour(exhibition, 'no-such-lesson');
    expect(tour.id).toBe('all');
    expect(unknownId).toBe('no-such-lesson');
  });

  it('leaves out a stop whose panel is not loaded (the content check reports it), and falls back when none is left', () => {
    const broken = makeExhibition([
      { id: 'gaps', title: '缺', stops: [{ panel: 'a1' }, { panel: 'gone' }, { panel: 'c1' }] },
      { id: 'empty', title: '空', stops: [{ panel: 'gone' }] },
    ]);
    expect(resolveTour(broken, 'gaps').tour.stops.map((stop) => stop.panel.id)).toEqual(['a1', 'c1']);
    expect(resolveTour(broken, 'empty')).toMatchObject({ tour: { id: 'all' }, unknownId: 'empty' });
  });

  it('knows whether a tour advances by itself', () => {
    expect(hasDurations(resolveTour(exhibition, 'timed').tour)).toBe(true);
    expect(hasDurations(resolveTour(exhibition, 'lesson').tour)).toBe(false);
  });
});

describe('stepping', () => {
  it('next and previous stop at the first and the last stop instead of wrapping round', () => {
    expect(stepIndex(0, 4, 1)).toBe(1);
    expect(stepIndex(2, 4, 1)).toBe(3);
    expect(stepIndex(3, 4, 1)).toBe(3);
    expect(stepIndex(1, 4, -1)).toBe(0);
    expect(stepIndex(0, 4, -1)).toBe(0);
  });

  it('first and last are the ends; any index is clamped into the tour', () => {
    expect(clampIndex(-5, 4)).toBe(0);
    expect(clampIndex(Number.MAX_SAFE_INTEGER, 4)).toBe(3);
    expect(clampIndex(2, 4)).toBe(2);
    expect(clampIndex(3, 0)).toBe(0);
  });
});

describe('resuming from the URL', () => {
  const { tour } = resolveTour(exhibition, 'lesson');

  it('a reload at #/panel/<id> resumes at that stop', () => {
    expect(startIndex(tour, 'b2')).toEqual({ index: 2, resumed: true });
    expect(startIndex(tour, 'c4')).toEqual({ index: 3, resumed: true });
  });

  it('no panel, or one the tour does not visit, starts at the first stop', () => {
    expect(startIndex(tour, null)).toEqual({ index: 0, resumed: false });
    expect(startIndex(tour, 'a3')).toEqual({ index: 0, resumed: false });
  });

  it('a panel the lesson visits twice resolves to the visit nearest the current stop', () => {
    const twice = resolveTour(
      makeExhibition([
        { id: 'twice', title: '两次', stops: [{ panel: 'a1' }, { panel: 'b1' }, { panel: 'c1' }, { panel: 'a1' }] },
      ]),
      'twice',
    ).tour;
    expect(stopIndexForPanel(twice, 'a1', 0)).toBe(0);
    expect(stopIndexForPanel(twice, 'a1', 3)).toBe(3);
    expect(stopIndexForPanel(twice, 'a1', 2)).toBe(3);
    expect(stopIndexForPanel(twice, 'zz', 2)).toBe(-1);
  });
});

describe('the content check', () => {
  it('reports a tour stop that names no panel at its JSON path in exhibition.json', async () => {
    const files: Record<string, string> = {
      'exhibition.json': JSON.stringify({
        title: '党史长廊',
        host: '大队',
        theme: '主题',
        sections: [{ id: 's', title: '栏目', file: 's.json' }],
        tours: [
          { id: 'ok', title: '好', stops: [{ panel: 'p1' }] },
          { id: 'bad', title: '坏', stops: [{ panel: 'p1' }, { panel: 'p2', notes: ['要点'] }, { panel: 'nowhere' }] },
        ],
      }),
      's.json': JSON.stringify({ panels: [{ id: 'p1', kind: 'event', title: '一' }] }),
    };
    const { exhibition: loaded, problems } = await loadExhibition(
      async (name) => files[name] ?? Promise.reject(new Error('HTTP 404')),
    );
    expect(loaded?.tours?.map((tour) => tour.id)).toEqual(['ok', 'bad']);
    expect(problems.map((problem) => `${problem.severity} ${problem.file}: ${problem.path}: ${problem.en}`)).toEqual([
      'error assets/content/exhibition.json: tours[1].stops[1].panel: no panel has the id "p2"',
      'error assets/content/exhibition.json: tours[1].stops[2].panel: no panel has the id "nowhere"',
    ]);
  });
});

describe('the shipped lesson', () => {
  const contentDir = join(import.meta.dirname, '../../assets/content');
  const load = () => loadExhibition(fsContentReader(contentDir));

  /** Every text a panel shows, in both languages. */
  const panelText = (panel: Panel): string => {
    const parts = [panel.title, panel.summary, ...panel.body, ...panel.images.map((image) => image.caption)];
    if (panel.kind === 'board') parts.push(...panel.points);
    if (panel.kind === 'member') parts.push(...panel.people.flatMap((person) => [person.name, person.role, ...person.honours]));
    if (panel.kind === 'stats') parts.push(...panel.stats.flatMap((stat) => [stat.label, stat.unit, String(stat.value)]));
    if (panel.kind === 'to-fill') parts.push(panel.note);
    if (panel.kind === 'oath') parts.push(...panel.phrases);
    return parts.flatMap((part) => variants(part)).join('\n');
  };

  it('has 新队员入队教育 with twelve stops, each on a shipped panel and with talking points, and loads cleanly', async () => {
    const { exhibition: shipped, problems } = await load();
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const loaded = shipped as Exhibition;
    const { tour, unknownId } = resolveTour(loaded, 'new-recruits');
    expect(unknownId).toBeNull();
    expect(localize(tour.title, 'zh')).toBe('新队员入队教育 · 党史长廊');
    expect(tour.stops).toHaveLength(12);
    expect(tour.stops.every((stop) => stop.notes.length > 0)).toBe(true);
    // Every note has its English twin, so an English session has notes too.
    expect(tour.stops.flatMap((stop) => stop.notes).every((note) => variants(note).length === 2)).toBe(true);
    expect(toursOf(loaded).map((candidate) => candidate.id)).toEqual(['new-recruits', 'renew-oath', 'all']);
    expect(resolveTour(loaded, 'all').tour.stops).toHaveLength(allPanels(loaded).length);
  });

  it('has 主题党日 · 重温入党誓词, which ends on the oath wall', async () => {
    const { exhibition: shipped } = await load();
    const { tour, unknownId } = resolveTour(shipped as Exhibition, 'renew-oath');
    expect(unknownId).toBeNull();
    expect(localize(tour.title, 'zh')).toBe('主题党日 · 重温入党誓词');
    expect(tour.stops.map((stop) => stop.panel.id)).toEqual([
      'fire-and-rescue-flag-2018',
      'fire-and-rescue-instructions',
      'party-oath',
    ]);
    expect(tour.stops.flatMap((stop) => stop.notes).every((note) => variants(note).length === 2)).toBe(true);
  });

  /** Every stop of every shipped lesson (the generated tour of all panels has no notes). */
  const lessonStops = async () => {
    const { exhibition: shipped } = await load();
    const loaded = shipped as Exhibition;
    return toursOf(loaded)
      .filter((candidate) => candidate.id !== 'all')
      .flatMap((candidate) => resolveTour(loaded, candidate.id).tour.stops);
  };

  it('invents no figures: every number and date in a talking point is on its panel', async () => {
    for (const stop of await lessonStops()) {
      const text = panelText(stop.panel);
      for (const note of stop.notes) {
        for (const variant of variants(note)) {
          for (const figure of variant.match(/\d+/g) ?? []) {
            expect(text, `${stop.panel.id}: "${figure}" in "${variant}"`).toContain(figure);
          }
        }
      }
    }
  });

  it('quotes the panels: each Chinese talking point shares most of its wording with its panel', async () => {
    // A question for the room ("提问：…") and a how-to for the presenter ("操作：…") are the
    // instructor's own wording; their figures are checked above.
    for (const stop of await lessonStops()) {
      const text = panelText(stop.panel);
      for (const note of stop.notes) {
        const zh = variants(note)[0] ?? '';
        if (zh.startsWith('提问：') || zh.startsWith('操作：')) continue;
        // Two-character runs of Chinese in the note that also occur in the panel's own text.
        const pairs = Array.from(zh.matchAll(/(?=(\p{Script=Han}{2}))/gu), (match) => match[1] ?? '');
        const found = pairs.filter((pair) => text.includes(pair));
        expect(found.length / pairs.length, `${stop.panel.id}: ${zh}`).toBeGreaterThan(0.7);
      }
    }
  });
});
