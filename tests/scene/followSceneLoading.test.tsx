// @vitest-environment jsdom
/**
 * The follower's 3D view while the corridor loads (src/modes/follow/ui/FollowScene.tsx): a loading
 * line with the percentage until the first view is set, then never again — the boards behind the
 * phone join afterwards, and their texts must not bring it back. The canvas itself is a stand-in.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import FollowScene from '../../src/modes/follow/ui/FollowScene.tsx';
import { INITIAL_PROGRESS } from '../../src/store/progress.ts';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';
import { fakeFollowClient } from '../support/fakeLiveSocket.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

vi.mock('../../src/scene/ExhibitCanvas.tsx', () => ({ ExhibitCanvas: () => <div data-testid="canvas" /> }));

const dom = domRootPerTest(() => useExhibition.setState({ progress: INITIAL_PROGRESS, loadingGaveUp: false }));

beforeEach(() => {
  useExhibition.setState({ lang: 'zh', progress: INITIAL_PROGRESS });
});

const scene = () => dom.container.querySelector<HTMLElement>('.follow-scene');
const loadingLine = () => dom.container.querySelector<HTMLElement>('[role="status"]');

describe('the follower’s 3D view while it loads', () => {
  it('shows the loading line until the first view is set, and not again when more boards join', async () => {
    const { client } = fakeFollowClient('123456', new MemoryStorage());
    await act(async () => {
      dom.root.render(<FollowScene client={client} />);
    });
    const { getState } = useExhibition;
    await act(async () => {
      useExhibition.setState({ progress: { ...INITIAL_PROGRESS, contentReady: true, fontReady: true } });
      getState().textRegistered();
      getState().textRegistered();
    });
    expect(scene()?.dataset.loaded).toBe('false');
    expect(loadingLine()?.textContent).toMatch(/\d+%/);

    await act(async () => {
      getState().textReady();
      getState().textReady();
    });
    expect(scene()?.dataset.loaded).toBe('true');
    expect(loadingLine()).toBeNull();

    // The boards behind the phone mount: two more texts to set.
    await act(async () => {
      getState().textRegistered();
      getState().textRegistered();
    });
    expect(scene()?.dataset.loaded).toBe('true');
    expect(loadingLine()).toBeNull();
  });
});
