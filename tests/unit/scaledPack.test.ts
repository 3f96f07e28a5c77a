/** The benchmark's scaled packs (tests/support/scaledPack.ts) are valid content of the asked size. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsContentReader } from '../../src/build/fonts.ts';
import { allPanels, loadExhibition } from '../../src/content/load.ts';
import { layoutCorridor } from '../../src/layout/corridor.ts';
import { nearBoardIds, TEXT_BOARDS } from '../../src/layout/queries.ts';
import { shippedPanelCount, writeScaledPack } from '../support/scaledPack.ts';

const SHIPPED = resolve(import.meta.dirname, '../../assets/content');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('writeScaledPack', () => {
  it.each([4 * shippedPanelCount(SHIPPED), 500])('writes %i panels that load without a problem', async (count) => {
    const dir = mkdtempSync(join(tmpdir(), 'scaled-pack-'));
    dirs.push(dir);
    expect(writeScaledPack(SHIPPED, dir, count)).toBe(count);
    const { exhibition, problems } = await loadExhibition(fsContentReader(dir));
    expect(problems).toEqual([]);
    if (!exhibition) throw new Error('not loaded');
    const panels = allPanels(exhibition);
    expect(panels).toHaveLength(count);
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(count);
    // A long corridor sets the text of a bounded neighbourhood only.
    const layout = layoutCorridor(exhibition);
    const withText = nearBoardIds(layout, layout.start.position, [], TEXT_BOARDS);
    expect(withText.length).toBeLessThanOrEqual(TEXT_BOARDS.maxBoards);
    expect(withText.length).toBeLessThan(count / 4);
  });
});
