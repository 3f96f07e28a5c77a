/**
 * vitest's setupFiles for the unit and scene tests (vite.config.ts, project `unit`).
 *
 * - The app's store is put in the visitor's mode, as src/main.tsx does for a page without
 *   `?mode=`: the shared screens under test see the capabilities a visitor's page has.
 * - jsdom has no 2D canvas: getContext('2d') returns null (the corridor's baked textures stay
 *   blank, which the code allows for) and logs "not implemented" each time. Return the null
 *   without the noise. (The three test renderer wraps getContext again to hand out its WebGL mock.)
 */
import { VISITOR_CAPABILITIES } from '../../src/modes/visitor/capabilities.ts';
import { startMode, useExhibition } from '../../src/store/store.ts';

startMode(useExhibition, { mode: 'visitor', capabilities: VISITOR_CAPABILITIES, lang: 'zh' });

if (typeof HTMLCanvasElement !== 'undefined') {
  const jsdomGetContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement, id: string, ...rest: unknown[]) {
    return id === '2d' ? null : Reflect.apply(jsdomGetContext, this, [id, ...rest]);
  } as typeof jsdomGetContext;
}
