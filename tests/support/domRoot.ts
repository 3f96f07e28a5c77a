/**
 * A React root in a fresh `<div>` for every test of a DOM-component file: created before each
 * test, and after it unmounted inside `act` and removed from the document, then the file's own
 * `cleanup` (store resets, mocks) runs — in that order, so a reset never re-renders a mounted tree.
 *
 * Call it once at the top of the file; read `dom.container` and `dom.root` inside the tests.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export interface DomRoot {
  /** The `<div>` the tree renders into, attached to `document.body` during the test. */
  readonly container: HTMLDivElement;
  readonly root: Root;
}

export function domRootPerTest(cleanup?: () => void): DomRoot {
  let mounted: { container: HTMLDivElement; root: Root } | null = null;
  const current = () => {
    if (!mounted) throw new Error('domRootPerTest: read the root inside a test, not at the top of the file');
    return mounted;
  };
  beforeEach(() => {
    // React's act() warns unless the environment says it is a test.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement('div');
    document.body.append(container);
    mounted = { container, root: createRoot(container) };
  });
  afterEach(() => {
    const { container, root } = current();
    act(() => root.unmount());
    container.remove();
    mounted = null;
    cleanup?.();
  });
  return {
    get container() {
      return current().container;
    },
    get root() {
      return current().root;
    },
  };
}
