// @vitest-environment jsdom
/**
 * The year scrubber's readout follows the visitor (YearScrubber.tsx): it reads the rig's per-frame
 * pose (livePose / onLivePose) and re-renders only when the year of the visitor's place changes; a
 * year chosen on the slider stands while the camera goes there, until the visitor takes over.
 */
import { act, Profiler } from 'react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exhibition } from '../../src/content/schema.ts';
import type { Vec3 } from '../../src/layout/corridor.ts';
import { boardById, yawPitchTowards } from '../../src/layout/queries.ts';
import { livePose, motionInput, notifyLivePose } from '../../src/store/live.ts';
import { useExhibition } from '../../src/store/store.ts';
import { YearScrubber } from '../../src/ui/YearScrubber.tsx';
import { domRootPerTest } from '../support/domRoot.ts';
import { loadShippedExhibition } from '../support/shippedContent.ts';

let exhibition: Exhibition;
const dom = domRootPerTest();
let commits = 0;

beforeAll(async () => {
  exhibition = await loadShippedExhibition();
});

/** What the rig does each frame: publish the pose, then tell the listeners. */
function frameAt(position: Vec3, yaw: number) {
  act(() => {
    [livePose.position[0], livePose.position[1], livePose.position[2]] = position;
    livePose.yaw = yaw;
    notifyLivePose();
  });
}

function standAtBoard(panelId: string) {
  const layout = useExhibition.getState().layout;
  const board = layout ? boardById(layout, panelId) : undefined;
  if (!board) throw new Error(`no board ${panelId}`);
  const { position, target } = board.viewpoint;
  frameAt(position, yawPitchTowards(position, target).yaw);
}

const slider = () => {
  const input = dom.container.querySelector<HTMLInputElement>('input[type="range"]');
  if (!input) throw new Error('no slider');
  return input;
};
const readout = () => dom.container.querySelector('output')?.textContent;
const periodShown = () => dom.container.querySelector('.year-scrubber__period')?.textContent;
const litBand = () =>
  Array.from(dom.container.querySelectorAll('.year-scrubber__band--current')).map((band) => band.getAttribute('title'));

beforeEach(() => {
  useExhibition.getState().contentLoaded(exhibition, []);
  const { start } = useExhibition.getState().layout ?? {};
  if (start) frameAt(start.position, 0);
  commits = 0;
  act(() =>
    dom.root.render(
      <Profiler id="scrubber" onRender={() => commits++}>
        <YearScrubber />
      </Profiler>,
    ),
  );
});

describe('the year scrubber readout', () => {
  it('says the timeline’s first year at the entrance, and 1949 beside the 1949 board', () => {
    expect(readout()).toBe('1921年 · 中国共产党诞生');
    expect(slider().value).toBe('1921');
    standAtBoard('prc-founding-1949');
    expect(readout()).toBe('1949年 · 中华人民共和国成立');
    expect(slider().value).toBe('1949');
    expect(slider().getAttribute('aria-valuetext')).toBe('1949年 · 中华人民共和国成立');
    standAtBoard('seventh-congress-1945');
    expect(slider().value).toBe('1945');
    // Two boards of one year: the readout names the one beside the visitor.
    standAtBoard('second-plenary-session-1949');
    expect(readout()).toBe('1949年 · 七届二中全会');
    standAtBoard('prc-founding-1949');
    expect(readout()).toBe('1949年 · 中华人民共和国成立');
  });

  it('names the period the readout is in, by its board (the first 1949 board is still the revolution’s), and lights its band', () => {
    const bands = dom.container.querySelectorAll('.year-scrubber__band');
    expect(Array.from(bands).map((band) => band.getAttribute('title'))).toEqual(
      (exhibition.periods ?? []).map((period) => (typeof period.title === 'string' ? period.title : period.title.zh)),
    );
    expect(periodShown()).toBe('新民主主义革命时期');
    expect(litBand()).toEqual(['新民主主义革命时期']);
    standAtBoard('second-plenary-session-1949');
    expect(periodShown()).toBe('新民主主义革命时期');
    standAtBoard('resist-us-aggression-aid-korea-1950');
    expect(periodShown()).toBe('社会主义革命和建设时期');
    expect(litBand()).toEqual(['社会主义革命和建设时期']);
    standAtBoard('shenzhen-special-economic-zone-1980');
    expect(periodShown()).toBe('改革开放和社会主义现代化建设新时期');
    standAtBoard('cpc-centenary-2021');
    expect(periodShown()).toBe('中国特色社会主义新时代');
    expect(litBand()).toEqual(['中国特色社会主义新时代']);
    // Bands run along the track in the order of their years, without overlapping.
    const spans = Array.from(bands).map((band) => [
      Number((band as HTMLElement).style.getPropertyValue('--from')),
      Number((band as HTMLElement).style.getPropertyValue('--to')),
    ]);
    spans.forEach(([from = 0, to = 0], index) => {
      expect(to).toBeGreaterThan(from);
      if (index > 0) expect(from).toBeGreaterThanOrEqual(spans[index - 1]?.[1] ?? 0);
    });
    expect(spans[0]?.[0]).toBe(0);
    expect(spans.at(-1)?.[1]).toBe(1);
  });

  it('re-renders only when the year changes, not at every frame', () => {
    standAtBoard('prc-founding-1949');
    const afterArrival = commits;
    for (let i = 0; i < 20; i++) standAtBoard('prc-founding-1949');
    expect(commits).toBe(afterArrival);
    standAtBoard('eighth-congress-1956');
    expect(commits).toBe(afterArrival + 1);
  });

  it('holds a year chosen on the slider while the camera goes there, then follows the visitor again', () => {
    act(() => {
      const input = slider();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '1960');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(slider().value).toBe('1960');
    // The rig's frames on the way, and at the goal (a step from the 1949 board, facing its wall).
    const goal = useExhibition.getState().cameraGoal;
    if (goal?.kind !== 'viewpoint') throw new Error('the scrubber set no viewpoint goal');
    frameAt([0, 1.6, -5], 0);
    const { position, target } = goal.viewpoint;
    frameAt(position, yawPitchTowards(position, target).yaw);
    expect(readout()).toBe('1960年');
    // The visitor takes the controls: the readout follows where they stand, beside the 1956 board
    // (the nearer board to 1960 on a tie is the earlier one; the scrubber's viewpoint faces its wall).
    motionInput.takeover++;
    frameAt(position, yawPitchTowards(position, target).yaw);
    expect(slider().value).toBe('1956');
  });
});
