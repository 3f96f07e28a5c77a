/**
 * What a submission changes, for its reviewer (src/server/curate/contentDiff.ts): panels added,
 * removed, changed field by field, moved within or between sections; the settings, sections,
 * tours and quizzes the same way; photos added, replaced and removed; nothing for equal trees.
 */
import { describe, expect, it } from 'vitest';
import { type ContentSide, diffContent, movedIds, summarize } from '../../src/server/curate/contentDiff.ts';

type Json = Record<string, unknown>;

function side(options: {
  panels: Record<string, Json[]>;
  sections?: Json[];
  tours?: Json[];
  quizzes?: Json[];
  title?: string;
  photos?: Record<string, string>;
}): ContentSide {
  const sections = options.sections ?? Object.keys(options.panels).map((id) => ({ id, title: id, file: `${id}.json` }));
  const files: Record<string, unknown> = {
    'content/exhibition.json': {
      $schema: './exhibition.schema.json',
      title: options.title ?? '党史长廊',
      sections,
      tours: options.tours ?? [],
    },
    'content/quiz.json': { quizzes: options.quizzes ?? [] },
  };
  for (const [id, panels] of Object.entries(options.panels)) files[`content/${id}.json`] = { panels };
  return { files, photos: new Map(Object.entries(options.photos ?? {})) };
}

const panel = (id: string, extra: Json = {}): Json => ({ id, kind: 'event', title: { zh: `标题 ${id}` }, ...extra });

describe('the changes a submission makes', () => {
  it('are none for the same content', () => {
    const content = side({ panels: { a: [panel('p1'), panel('p2')] }, photos: { 'photos/x.jpg': 'h1' } });
    expect(diffContent(content, content)).toEqual([]);
  });

  it('name each changed field of a panel with its JSON before and after; a field added or removed has one side', () => {
    const before = side({ panels: { a: [panel('p1', { summary: '旧摘要', note: '要删的' })] } });
    const after = side({ panels: { a: [panel('p1', { summary: '新摘要', body: ['第一段'] })] } });
    expect(diffContent(before, after)).toEqual([
      {
        kind: 'panel',
        id: 'p1',
        change: 'changed',
        title: { zh: '标题 p1' },
        sectionBefore: 'a',
        sectionAfter: 'a',
        fields: [
          { field: 'summary', before: '旧摘要', after: '新摘要' },
          { field: 'body', after: ['第一段'] },
          { field: 'note', before: '要删的' },
        ],
      },
    ]);
  });

  it('say a panel added, removed, or moved to another section or place, in the corridor’s order', () => {
    const before = side({ panels: { a: [panel('p1'), panel('p2'), panel('p3')], b: [panel('p4')] } });
    const after = side({ panels: { a: [panel('p2'), panel('p1'), panel('new')], b: [panel('p3')] } });
    const changes = diffContent(before, after).map((change) =>
      change.kind === 'panel' ? [change.id, change.change, change.sectionBefore, change.sectionAfter] : change,
    );
    // Two neighbours swapped: one of them moved (the other stayed where it was, relatively).
    // A panel moved to another section names both sections by their titles on each side.
    expect(diffContent(before, after).find((change) => change.kind === 'panel' && change.id === 'p3')).toMatchObject({
      sectionBeforeTitle: 'a',
      sectionAfterTitle: 'b',
    });
    expect(diffContent(before, after).find((change) => change.kind === 'panel' && change.id === 'p1')).not.toHaveProperty(
      'sectionBeforeTitle',
    );
    expect(changes).toEqual([
      ['p1', 'moved', 'a', 'a'],
      ['new', 'added', null, 'a'],
      ['p3', 'moved', 'a', 'b'],
      ['p4', 'removed', 'b', null],
    ]);
  });

  it('cover the settings, sections, tours and quizzes, and the photos', () => {
    const before = side({
      panels: { a: [panel('p1')], b: [] },
      tours: [{ id: 't1', title: '路线', stops: [] }],
      quizzes: [{ id: 'q1', title: '问答', questions: [] }],
      photos: { 'photos/kept.jpg': 'h1', 'photos/replaced.jpg': 'h2', 'photos/gone.jpg': 'h3' },
    });
    const after = side({
      title: '新的展览名称',
      panels: { b: [], a: [panel('p1')] },
      tours: [
        { id: 't1', title: '改过的路线', stops: [] },
        { id: 't2', title: '新路线', stops: [] },
      ],
      quizzes: [],
      photos: { 'photos/kept.jpg': 'h1', 'photos/replaced.jpg': 'h9', 'photos/new.jpg': 'h4' },
    });
    const changes = diffContent(before, after);
    expect(changes.map((change) => [change.kind, 'id' in change ? change.id : change.src, change.change])).toEqual([
      ['settings', null, 'changed'],
      ['section', 'a', 'moved'],
      ['tour', 't1', 'changed'],
      ['tour', 't2', 'added'],
      ['quiz', 'q1', 'removed'],
      ['photo', 'photos/replaced.jpg', 'changed'],
      ['photo', 'photos/new.jpg', 'added'],
      ['photo', 'photos/gone.jpg', 'removed'],
    ]);
    expect(changes[0]).toMatchObject({ fields: [{ field: 'title', before: '党史长廊', after: '新的展览名称' }] });
    expect(summarize(changes)).toEqual({ panels: 0, documents: 5, photos: 3 });
  });

  it('read unfinished or broken files without failing (a draft keeps what was typed)', () => {
    const before = side({ panels: { a: [panel('p1')] } });
    const after: ContentSide = { files: { ...before.files, 'content/a.json': null }, photos: new Map() };
    expect(diffContent(before, after)).toEqual([expect.objectContaining({ kind: 'panel', id: 'p1', change: 'removed' })]);
  });

  it('count as moved only what left the longest common order: an insertion moves nothing after it', () => {
    expect([...movedIds(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])]).toEqual([]);
    expect([...movedIds(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])]).toEqual(['d']);
    expect([...movedIds(['a', 'b', 'c', 'd', 'e'], ['a', 'd', 'b', 'c', 'e'])]).toEqual(['d']);
    expect(movedIds(['a', 'b'], ['b', 'a']).size).toBe(1);
  });
});
