import { describe, expect, it } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { createExhibitionStore } from '../../src/store/store.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';

const exhibitionOf = (ids: string[]): Exhibition =>
  testExhibition([
    testSection(
      's',
      ids.map((id) => testPanel(id)),
      { title: '栏目' },
    ),
  ]);

describe('content edited during a visit (dev mode)', () => {
  it('keeps the open card and glides to where its board now stands', () => {
    const store = createExhibitionStore();
    store.getState().contentLoaded(exhibitionOf(['a', 'b', 'c']), []);
    store.getState().openPanel('c');
    const before = store.getState().cameraGoal;

    const edited = exhibitionOf(['a', 'new', 'b', 'c']);
    store.getState().contentReloaded(edited, []);
    const state = store.getState();
    expect(state.openPanelId).toBe('c');
    expect(state.layout?.boards.map((board) => board.panelId)).toEqual(['a', 'new', 'b', 'c']);
    const goal = state.cameraGoal;
    expect(goal).not.toBe(before);
    const moved = layoutCorridor(edited).boards.find((board) => board.panelId === 'c');
    expect(goal?.kind === 'viewpoint' ? goal.viewpoint.position : null).toEqual(moved?.viewpoint.position);
  });

  it('closes a card whose panel was removed, and leaves the camera alone when nothing was open', () => {
    const store = createExhibitionStore();
    store.getState().contentLoaded(exhibitionOf(['a', 'b']), []);
    store.getState().openPanel('b');
    store.getState().contentReloaded(exhibitionOf(['a']), []);
    expect(store.getState().openPanelId).toBeNull();
    expect(store.getState().focusPanelId).toBeNull();

    const idle = createExhibitionStore();
    idle.getState().contentLoaded(exhibitionOf(['a']), []);
    const goal = idle.getState().cameraGoal;
    idle
      .getState()
      .contentReloaded(exhibitionOf(['a', 'b']), [{ severity: 'warning', file: 'f', path: 'p', zh: '注意', en: 'note' }]);
    expect(idle.getState().cameraGoal).toBe(goal);
    expect(idle.getState().problems).toHaveLength(1);
  });
});
