/**
 * A store in a mode, as src/main.tsx makes one: the mode's id and its declared capabilities
 * (src/modes/registry.ts), so tests see what the running page would.
 */
import { MODES } from '../../src/modes/registry.ts';
import type { StoreOptions } from '../../src/store/store.ts';
import type { Mode } from '../../src/store/types.ts';

export function modeOptions(mode: Mode): Required<Pick<StoreOptions, 'mode' | 'capabilities'>> {
  return { mode, capabilities: MODES[mode].capabilities };
}
