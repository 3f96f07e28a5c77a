/** The order boards have their text set in: in view first, nearest first, then the rest. */
import { describe, expect, it } from 'vitest';
import type { BoardPlacement } from '../../src/layout/corridor.ts';
import { boardIsInView, typesetOrder } from '../../src/layout/queries.ts';

const board = (panelId: string, x: number, z: number, order: number): BoardPlacement =>
  ({ panelId, position: [x, 1.5, z], width: 1.2, height: 1.6, order }) as unknown as BoardPlacement;

const FOV = (90 * Math.PI) / 180;
const boards = [
  board('behind-near', -2, 3, 0),
  board('ahead-far', 2, -20, 1),
  board('ahead-near', -2, -4, 2),
  board('behind-far', 2, 15, 3),
  board('ahead-mid', 2, -8, 4),
];

describe('boardIsInView', () => {
  it('sees boards ahead of a camera facing −z, not those behind it', () => {
    expect(boardIsInView(board('a', 0, -5, 0), [0, 1.6, 0], 0, FOV)).toBe(true);
    expect(boardIsInView(board('b', 0, 5, 0), [0, 1.6, 0], 0, FOV)).toBe(false);
  });

  it('turns with the yaw: a quarter turn left faces −x', () => {
    expect(boardIsInView(board('left', -5, 0, 0), [0, 1.6, 0], Math.PI / 2, FOV)).toBe(true);
    expect(boardIsInView(board('right', 5, 0, 0), [0, 1.6, 0], Math.PI / 2, FOV)).toBe(false);
  });

  it('counts a board whose edge reaches into the view', () => {
    // Centre just outside the 45° half-angle, its half width brings it in.
    expect(boardIsInView(board('edge', -2.1, -2, 0), [0, 1.6, 0], 0, FOV)).toBe(true);
    expect(boardIsInView(board('out', -4, -1, 0), [0, 1.6, 0], 0, FOV)).toBe(false);
  });
});

describe('typesetOrder', () => {
  it('puts the boards in view first, nearest first, then the others, nearest first', () => {
    expect(typesetOrder(boards, [0, 1.6, 0], 0, FOV)).toEqual({
      inView: ['ahead-near', 'ahead-mid', 'ahead-far'],
      rest: ['behind-near', 'behind-far'],
    });
  });

  it('follows where the camera looks: turned round, the boards behind come first', () => {
    expect(typesetOrder(boards, [0, 1.6, 0], Math.PI, FOV).inView).toEqual(['behind-near', 'behind-far']);
  });

  it('keeps every board exactly once, ties by the corridor order', () => {
    const twins = [board('second', 0, -5, 1), board('first', 0, -5, 0)];
    const { inView, rest } = typesetOrder([...boards, ...twins], [0, 1.6, 0], 0, FOV);
    expect([...inView, ...rest].sort()).toEqual([...boards, ...twins].map((b) => b.panelId).sort());
    expect(inView.indexOf('first')).toBeLessThan(inView.indexOf('second'));
  });
});
