// @vitest-environment jsdom
/**
 * The board texts' troika mesh (src/scene/TroikaText.tsx), the real one: it is in the scene at the
 * first render (it never suspends for its font), carries its properties to troika's mesh, asks troika
 * to set it after every render, reports each setting, and is disposed when it goes. troika's own
 * typesetting (a worker) is replaced by a recording `sync`.
 */
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { Suspense } from 'react';
import { Text } from 'troika-three-text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TroikaText } from '../../src/scene/TroikaText.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every `sync` troika was asked for, with the mesh and its callback. */
function recordSyncs() {
  const calls: Array<{ mesh: Text; text: string; done?: () => void }> = [];
  vi.spyOn(Text.prototype, 'sync').mockImplementation(function (this: Text, done?: () => void) {
    calls.push({ mesh: this, text: this.text, done });
  });
  return calls;
}

describe('TroikaText', () => {
  it('is in the scene at the first render, with its properties on troika’s mesh, and asks to be set', async () => {
    const syncs = recordSyncs();
    const fallback = vi.fn(() => null);
    const renderer = await ReactThreeTestRenderer.create(
      <Suspense fallback={<Fallback onShown={fallback} />}>
        <TroikaText text="党史长廊" font="/fonts/board.woff" fontSize={0.2} anchorX="left" maxWidth={1.5} position={[1, 2, 3]} />
      </Suspense>,
    );
    // Never suspended: no fallback, and the mesh is there before troika has set anything.
    expect(fallback).not.toHaveBeenCalled();
    const [node] = renderer.scene.children;
    const mesh = node?.instance as Text;
    expect(mesh).toBeInstanceOf(Text);
    expect(mesh).toMatchObject({ text: '党史长廊', font: '/fonts/board.woff', fontSize: 0.2, anchorX: 'left', maxWidth: 1.5 });
    expect(mesh.position.toArray()).toEqual([1, 2, 3]);
    expect(syncs).toHaveLength(1);
    expect(syncs[0]).toMatchObject({ mesh, text: '党史长廊' });
    await renderer.unmount();
  });

  it('reports each setting once troika has made it, asks again on a new string, and is disposed on unmount', async () => {
    const syncs = recordSyncs();
    const dispose = vi.spyOn(Text.prototype, 'dispose');
    const onSync = vi.fn();
    const renderer = await ReactThreeTestRenderer.create(<TroikaText text="一" fontSize={0.1} onSync={onSync} />);
    const mesh = renderer.scene.children[0]?.instance as Text;
    expect(onSync).not.toHaveBeenCalled();
    syncs[0]?.done?.();
    expect(onSync).toHaveBeenCalledExactlyOnceWith(mesh);

    await renderer.update(<TroikaText text="二" fontSize={0.1} onSync={onSync} />);
    // The same mesh, the new string, set again (troika skips the work when nothing it uses changed).
    expect(renderer.scene.children[0]?.instance).toBe(mesh);
    expect(syncs.at(-1)).toMatchObject({ mesh, text: '二' });
    syncs.at(-1)?.done?.();
    expect(onSync).toHaveBeenCalledTimes(2);

    expect(dispose).not.toHaveBeenCalled();
    await renderer.unmount();
    expect(dispose).toHaveBeenCalledOnce();
  });
});

function Fallback({ onShown }: { onShown: () => null }) {
  onShown();
  return null;
}
