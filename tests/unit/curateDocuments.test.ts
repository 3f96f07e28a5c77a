/**
 * The draft's pure parts (src/server/curate/draftDocuments.ts, panelTemplates.ts, draftCheck.ts'
 * comparisons) and the curation protocol's schemas: paths, ids, changed fields, where a problem
 * belongs, templates, and the protocol's kinds kept equal to the content schema's.
 */
import { describe, expect, it } from 'vitest';
import { PARTY_OATH } from '../../src/content/oath.ts';
import { type ContentProblem, formatJsonPath } from '../../src/content/problems.ts';
import { PANEL_KINDS } from '../../src/content/schema.ts';
import {
  addPanelBodySchema,
  addQuizBodySchema,
  addTourBodySchema,
  CURATE_PANEL_KINDS,
  movePanelBodySchema,
  updatePanelBodySchema,
} from '../../src/live/curateDraftProtocol.ts';
import { DEFAULT_QUIZ_TITLE, DEFAULT_TOUR_TITLE, quizTemplate, tourTemplate } from '../../src/server/curate/documentTemplates.ts';
import { newErrors, storeFileOf } from '../../src/server/curate/draftCheck.ts';
import {
  changedFields,
  type DraftFiles,
  documentIds,
  draftVersions,
  locate,
  parseJsonPath,
  sectionsOf,
  uniqueId,
  versionOf,
  withAddedDocument,
  withDocument,
  withoutDocument,
} from '../../src/server/curate/draftDocuments.ts';
import { oathPhrases, panelTemplate, periodForPlace } from '../../src/server/curate/panelTemplates.ts';

const FILES: DraftFiles = {
  'content/exhibition.json': {
    $schema: './exhibition.schema.json',
    title: '展',
    periods: [
      { id: 'early', from: 1921, to: 1949 },
      { id: 'late', from: 1949 },
    ],
    sections: [
      { id: 'a', title: 'A', file: 'a.json' },
      { id: 'b', title: 'B', file: '../escape.json' },
      { id: 'c', title: 'C', file: 'quiz.json' },
    ],
    tours: [{ id: 't', title: 'T', stops: [{ panel: 'p1' }] }],
  },
  'content/a.json': { panels: [{ id: 'p1', kind: 'event', title: '一' }, { kind: 'event' }, { id: 'p1', kind: 'event' }] },
  'content/quiz.json': { quizzes: [{ id: 'q', title: 'Q', questions: [] }] },
};

describe('the draft documents', () => {
  it('reads JSON paths back from the form the content check writes them in', () => {
    for (const path of [['panels', 2, 'images', 0, 'src'], ['$schema'], ['tours', 0, 'stops', 11, 'panel'], []]) {
      expect(parseJsonPath(formatJsonPath(path))).toEqual(path);
    }
  });

  it('versions a document by its JSON: same content, same version', () => {
    expect(versionOf({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
    expect(versionOf({ a: 1 })).toBe(versionOf(JSON.parse('{"a":1}')));
    expect(versionOf({ a: 1 })).not.toBe(versionOf({ a: 2 }));
  });

  it('lists versions of panels (the first of a duplicate id), sections, tours, quizzes; a section naming a file outside content/ or another document is never read', () => {
    const versions = draftVersions(FILES);
    expect(Object.keys(versions.panels)).toEqual(['p1']);
    expect(versions.panels.p1).toMatchObject({ sectionId: 'a', file: 'content/a.json', index: 0 });
    expect(Object.keys(versions.sections)).toEqual(['a', 'b', 'c']);
    expect(sectionsOf(FILES).map((section) => section.id)).toEqual(['a']);
    expect(Object.keys(versions.tours)).toEqual(['t']);
    expect(Object.keys(versions.quizzes)).toEqual(['q']);
  });

  it('names the top-level fields a change touched, removed ones too', () => {
    expect(changedFields({ id: 'x', title: 'a', body: ['1'] }, { id: 'x', title: 'b', body: ['1'], date: '2021' })).toEqual([
      'title',
      'date',
    ]);
    expect(changedFields({ id: 'x', summary: 's' }, { id: 'x' })).toEqual(['summary']);
  });

  it('makes ids from Latin text or the fallback, unique and at most 64 characters', () => {
    expect(uniqueId('Fire Drill 2021!', 'new-event', new Set())).toBe('fire-drill-2021');
    expect(uniqueId('消防演练', 'new-event', new Set(['new-event']))).toBe('new-event-2');
    expect(uniqueId('Café', 'x', new Set())).toBe('cafe');
    expect(uniqueId('a'.repeat(100), 'x', new Set(['a'.repeat(60)])).length).toBeLessThanOrEqual(64);
  });

  it('locates a place in the files on its panel, section, tour, quiz or the settings', () => {
    expect(locate(FILES, 'content/a.json', ['panels', 0, 'title'])).toEqual({ kind: 'panel', panelId: 'p1', field: ['title'] });
    // A panel without an id belongs to no editor: the file.
    expect(locate(FILES, 'content/a.json', ['panels', 1, 'id'])).toEqual({ kind: 'file' });
    expect(locate(FILES, 'content/exhibition.json', ['tours', 0, 'stops', 0, 'panel'])).toEqual({
      kind: 'tour',
      tourId: 't',
      field: ['stops', 0, 'panel'],
    });
    expect(locate(FILES, 'content/exhibition.json', ['sections', 1, 'file'])).toEqual({
      kind: 'section',
      sectionId: 'b',
      field: ['file'],
    });
    expect(locate(FILES, 'content/exhibition.json', ['periods', 1, 'to'])).toEqual({
      kind: 'settings',
      field: ['periods', 1, 'to'],
    });
    expect(locate(FILES, 'content/quiz.json', ['quizzes', 0, 'questions', 3])).toEqual({
      kind: 'quiz',
      quizId: 'q',
      field: ['questions', 3],
    });
    expect(locate(FILES, 'content/exhibition.json', [])).toEqual({ kind: 'file' });
  });

  it('replaces the settings without touching sections, tours or $schema, in the file’s key order', () => {
    const next = withDocument(FILES, { kind: 'settings' }, { periods: [], title: '新', tours: [] });
    const exhibition = next['content/exhibition.json'] as Record<string, unknown>;
    expect(Object.keys(exhibition)).toEqual(['$schema', 'title', 'periods', 'sections', 'tours']);
    expect(exhibition.tours).toEqual((FILES['content/exhibition.json'] as { tours: unknown }).tours);
  });

  it('counts only the errors a change adds, however the panels after it moved up', () => {
    const problem = (path: string, en: string, severity: 'error' | 'warning' = 'error'): ContentProblem => ({
      severity,
      file: 'assets/content/a.json',
      path,
      zh: en,
      en,
    });
    const before = [problem('panels[3].title', 'too long'), problem('panels[4]', 'html', 'warning')];
    const after = [
      problem('panels[2].title', 'too long'),
      problem('tours[0]', 'no panel "x"'),
      problem('panels[3]', 'html', 'warning'),
    ];
    expect(newErrors(before, after)).toEqual([after[1]]);
    expect(storeFileOf('assets/content/a.json')).toBe('content/a.json');
    expect(storeFileOf('src/i18n/strings.ts')).toBe('src/i18n/strings.ts');
  });
});

describe('the panel templates', () => {
  it('give the oath as the Constitution’s phrases, each with its closing punctuation', () => {
    expect(oathPhrases().join('')).toBe(PARTY_OATH);
    expect(oathPhrases().every((phrase) => /[，。]$/.test(phrase))).toBe(true);
  });

  it('give a milestone the period of its neighbours, dated in its first year', () => {
    const periods = (FILES['content/exhibition.json'] as { periods: unknown[] }).periods;
    const panels = [
      { kind: 'event', id: 'e' },
      { kind: 'milestone', id: 'm', period: 'late' },
    ];
    expect(periodForPlace(panels, 2, periods)).toEqual({ id: 'late', from: 1949 });
    expect(periodForPlace(panels, 0, periods)).toEqual({ id: 'late', from: 1949 });
    expect(periodForPlace([], 0, periods)).toEqual({ id: 'early', from: 1921 });
    expect(panelTemplate('milestone', { id: 'n', period: { id: 'late', from: 1949 } })).toMatchObject({
      date: '1949',
      period: 'late',
    });
  });
});

describe('the curation protocol', () => {
  it('has a template kind for every panel kind of the content schema', () => {
    expect([...CURATE_PANEL_KINDS]).toEqual([...PANEL_KINDS]);
  });

  it('checks request bodies', () => {
    expect(updatePanelBodySchema.safeParse({ baseVersion: '0123456789abcdef', panel: { id: 'x' } }).success).toBe(true);
    expect(updatePanelBodySchema.safeParse({ baseVersion: 'v1', panel: { id: 'x' } }).success).toBe(false);
    expect(updatePanelBodySchema.safeParse({ baseVersion: '0123456789abcdef', panel: ['x'] }).success).toBe(false);
    expect(addPanelBodySchema.safeParse({ kind: 'board', sectionId: 'deqing' }).success).toBe(true);
    expect(addPanelBodySchema.safeParse({ kind: 'poster', sectionId: 'deqing' }).success).toBe(false);
    expect(movePanelBodySchema.safeParse({ sectionId: 'deqing', index: -1 }).success).toBe(false);
  });
});

// --- Tours and quizzes added and deleted (src/server/curate/draftDocuments.ts, documentTemplates.ts) ---

describe('tours and quizzes added and deleted', () => {
  it('a new one goes at the end of its list; a draft without quiz.json gets one', () => {
    const added = withAddedDocument(FILES, 'tour', { id: 'n', title: 'N', stops: [] });
    expect((added['content/exhibition.json'] as { tours: Array<{ id: string }> }).tours.map((tour) => tour.id)).toEqual([
      't',
      'n',
    ]);
    // Nothing else in the file moves, and the input is not changed.
    expect((added['content/exhibition.json'] as { sections: unknown }).sections).toBe(
      (FILES['content/exhibition.json'] as { sections: unknown }).sections,
    );
    expect((FILES['content/exhibition.json'] as { tours: unknown[] }).tours).toHaveLength(1);
    const { 'content/quiz.json': _quiz, ...withoutQuizFile } = FILES;
    expect(withAddedDocument(withoutQuizFile, 'quiz', { id: 'q' })['content/quiz.json']).toEqual({ quizzes: [{ id: 'q' }] });
    expect(documentIds(FILES, 'quiz')).toEqual(new Set(['q']));
  });

  it('a deleted one leaves its list, the rest as it was; an unknown id changes nothing', () => {
    const without = withoutDocument(FILES, { kind: 'quiz', id: 'q' });
    expect(without['content/quiz.json']).toEqual({ quizzes: [] });
    expect(withoutDocument(FILES, { kind: 'tour', id: 'gone' })).toBe(FILES);
  });

  it('templates: a tour starts at the first panel (none when there is none), a quiz with no questions; placeholders say what to write', () => {
    expect(tourTemplate('t2', undefined, 'p1')).toEqual({
      id: 't2',
      title: DEFAULT_TOUR_TITLE,
      stops: [{ panel: 'p1', notes: [] }],
    });
    expect(tourTemplate('t2', '消防课', undefined)).toEqual({ id: 't2', title: '消防课', stops: [] });
    expect(quizTemplate('q2', undefined)).toEqual({ id: 'q2', title: DEFAULT_QUIZ_TITLE, questions: [] });
    expect(DEFAULT_TOUR_TITLE).toContain('待填写');
    expect(DEFAULT_QUIZ_TITLE).toContain('待填写');
  });

  it('the bodies that add them: an optional title, nothing else', () => {
    expect(addTourBodySchema.safeParse({}).success).toBe(true);
    expect(addTourBodySchema.safeParse({ title: '课' }).success).toBe(true);
    expect(addTourBodySchema.safeParse({ title: '' }).success).toBe(false);
    expect(addQuizBodySchema.safeParse({ title: 'x', questions: [] }).success).toBe(false);
  });
});
