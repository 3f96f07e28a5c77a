// @vitest-environment jsdom
/**
 * Every kind of panel the schema knows has its own board body (src/scene/boards/): the map is
 * typed by the kinds, and this checks the running map too, so no kind is drawn as another's.
 */
import { describe, expect, it } from 'vitest';
import { PANEL_KINDS } from '../../src/content/schema.ts';
import { DatedSummaryBody } from '../../src/scene/boards/DatedSummaryBody.tsx';
import { BOARD_BODIES, boardBodyFor } from '../../src/scene/boards/index.ts';

describe('board bodies', () => {
  it('has a body for exactly the schema’s kinds', () => {
    expect(Object.keys(BOARD_BODIES).sort()).toEqual([...PANEL_KINDS].sort());
    for (const kind of PANEL_KINDS) expect(typeof boardBodyFor(kind), kind).toBe('function');
  });

  it('shares a body only where the kinds print the same (an event and the oath wall: date and summary)', () => {
    const shared = PANEL_KINDS.filter((kind) => BOARD_BODIES[kind] === DatedSummaryBody);
    expect(shared.sort()).toEqual(['event', 'oath']);
    const others = PANEL_KINDS.filter((kind) => !shared.includes(kind)).map((kind) => BOARD_BODIES[kind]);
    expect(new Set(others).size).toBe(others.length);
  });
});
