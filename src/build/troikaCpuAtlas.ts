/**
 * A build-time patch of troika-three-text 0.52.5 (issue 20: no main-thread task over 200 ms after
 * the first frame): a `cpuSdfAtlas` option for configureTextBuilder that keeps the glyph atlas in
 * plain memory (src/scene/cpuSdfAtlas.ts) instead of a WebGL canvas. scene/fonts.ts turns it on
 * where the distance fields are made in JavaScript anyway (a CPU rasteriser).
 *
 * Why: a CDP trace of the start on SwiftShader found every task over 200 ms after the first frame
 * in troika's atlas canvas, all on the main thread: its WebGL copy of each worker-made glyph into
 * the canvas (the first one compiles and sets up: 0.36–0.5 s), the read-back and redraw each time
 * the atlas grows (0.1–0.3 s), and a WebGL support check of that canvas (0.3–0.5 s) whose result
 * the worker path never uses. troika has no option for any of these; its atlas is module-private.
 *
 * Two more edits (issue 20, text ready), both measured on the start on SwiftShader: troika's glyph
 * workers make each field with a quicker generator of the very same bytes
 * (src/scene/glyphFieldGenerator.ts), and troika-worker-utils sends a worker module's first call
 * right behind its registration instead of waiting for the worker's answer (WORKER_UTILS_EDITS).
 *
 * Each edit names the exact source it replaces; if troika's source changes (an upgrade), the build
 * fails saying which edit no longer applies, instead of shipping an unpatched atlas silently.
 * Only `vite build`: the dev server and the tests run troika as published (its canvas atlas works,
 * just with those long tasks on a CPU rasteriser).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface SourceEdit {
  why: string;
  find: string;
  replace: string;
}

/** The module patched, as its path ends inside node_modules (troika's package.json `module`). */
export const TROIKA_MODULE = 'troika-three-text/dist/troika-three-text.esm.js';

const sourcePath = (relative: string) => fileURLToPath(new URL(relative, import.meta.url)).replaceAll('\\', '/');
const HELPERS = sourcePath('../scene/cpuSdfAtlas.ts');
const GENERATOR = sourcePath('../scene/glyphFieldGenerator.ts');

export const TROIKA_EDITS: readonly SourceEdit[] = [
  {
    why: 'the option, off by default (troika as published)',
    find: '  useWorker: true,\n};',
    replace: '  useWorker: true,\n  cpuSdfAtlas: false,\n};',
  },
  {
    why: 'a new atlas in memory when asked, at the size troika starts its canvas',
    find: [
      "    const canvas = document.createElement('canvas');",
      '    canvas.width = textureWidth;',
      '    canvas.height = sdfGlyphSize * 256 / glyphsPerRow; // start tall enough to fit 256 glyphs',
    ].join('\n'),
    replace: [
      '    const canvas = CONFIG.cpuSdfAtlas',
      '      ? __createCpuAtlasImage(textureWidth, sdfGlyphSize * 256 / glyphsPerRow)',
      "      : document.createElement('canvas');",
      '    canvas.width = textureWidth;',
      '    canvas.height = sdfGlyphSize * 256 / glyphsPerRow; // start tall enough to fit 256 glyphs',
    ].join('\n'),
  },
  {
    why: 'its texture uploads the bytes',
    find: '      sdfTexture: new Texture(\n        canvas,',
    replace: '      sdfTexture: canvas.data ? __createCpuAtlasTexture(canvas) : new Texture(\n        canvas,',
  },
  {
    why: 'memory is never lost with a WebGL context',
    find: '    atlas.sdfTexture.generateMipmaps = false;\n    initContextLossHandling(atlas);',
    replace: '    atlas.sdfTexture.generateMipmaps = false;\n    if (!canvas.data) initContextLossHandling(atlas);',
  },
  {
    why: 'growing is one copy, not a WebGL read-back and redraw',
    find: '      resizeWebGLCanvasWithoutClearing(sdfCanvas, textureWidth, neededHeight);',
    replace:
      '      (sdfCanvas.data ? __resizeCpuAtlas : resizeWebGLCanvasWithoutClearing)(sdfCanvas, textureWidth, neededHeight);',
  },
  {
    why: 'no WebGL support check of a canvas that is not there',
    find: '    if (!atlas.contextLost) {\n      warmUpSDFCanvas(sdfCanvas);',
    replace: '    if (!atlas.contextLost && !sdfCanvas.data) {\n      warmUpSDFCanvas(sdfCanvas);',
  },
  {
    // `useGPU` is undefined for preloadFont's request, and generateSDF's default turns that into
    // true: so `false` must be passed, not `useGPU && …`.
    why: 'an atlas in memory takes fields made in JavaScript (in the workers) only',
    find: 'return generateSDF(sdfGlyphSize, sdfGlyphSize, path, sdfViewBox, maxDist, sdfExponent, sdfCanvas, x, y, channel, useGPU)',
    replace:
      'return generateSDF(sdfGlyphSize, sdfGlyphSize, path, sdfViewBox, maxDist, sdfExponent, sdfCanvas, x, y, channel, sdfCanvas.data ? false : useGPU)',
  },
  {
    why: 'a worker-made field is written into the bytes, not drawn with WebGL',
    find: [
      '      const imageData = new Uint8Array(textureData.length * 4);',
      '      for (let i = 0; i < textureData.length; i++) {',
      '        imageData[i * 4 + channel] = textureData[i];',
      '      }',
      '      mainThreadGenerator.webglUtils.renderImageData(canvas, imageData, x, y, width, height, 1 << (3 - channel));',
    ].join('\n'),
    replace: [
      '      if (canvas.data) {',
      '        __writeGlyphIntoCpuAtlas(canvas, textureData, x, y, width, height, channel);',
      '      } else {',
      '      const imageData = new Uint8Array(textureData.length * 4);',
      '      for (let i = 0; i < textureData.length; i++) {',
      '        imageData[i * 4 + channel] = textureData[i];',
      '      }',
      '      mainThreadGenerator.webglUtils.renderImageData(canvas, imageData, x, y, width, height, 1 << (3 - channel));',
      '      }',
    ].join('\n'),
  },
  {
    why: 'a text waits for the fields of glyphs it shares with texts set just before it',
    find: '    const neededSDFs = [];',
    replace: '    const neededSDFs = [];\n    const waitingSDFs = [];',
  },
  {
    // troika counts a glyph as in the atlas as soon as the first text using it asks for its field,
    // so a second text was reported set (and its board shown) with a gap where that glyph would
    // come a moment later: the start sets dozens of texts at once, sharing 的, 党, 年…
    why: 'a glyph whose field is still being made is waited for, not taken as there',
    find: '        // Collect those that need SDF generation\n        neededSDFs.push(glyphInfo);\n      }',
    replace: [
      '        // Collect those that need SDF generation',
      '        neededSDFs.push(glyphInfo);',
      '      } else if (glyphInfo.pending) {',
      '        waitingSDFs.push(glyphInfo.pending);',
      '      }',
    ].join('\n'),
  },
  {
    why: "each glyph's field being made is kept on the glyph until it is in, and the text waits for the others'",
    find: [
      '    Promise.all(neededSDFs.map(glyphInfo =>',
      '      generateGlyphSDF(glyphInfo, atlas, args.gpuAccelerateSDF).then(({timing}) => {',
      '        timings.sdf[glyphInfo.atlasIndex] = timing;',
      '      })',
      '    )).then(() => {',
      '      if (neededSDFs.length && !atlas.contextLost) {',
    ].join('\n'),
    replace: [
      '    Promise.all(neededSDFs.map(glyphInfo => {',
      '      const made = generateGlyphSDF(glyphInfo, atlas, args.gpuAccelerateSDF).then(({timing}) => {',
      '        timings.sdf[glyphInfo.atlasIndex] = timing;',
      '        glyphInfo.pending = null;',
      '      });',
      '      glyphInfo.pending = made;',
      '      return made',
      '    }).concat(waitingSDFs)).then(() => {',
      '      if ((neededSDFs.length || waitingSDFs.length) && !atlas.contextLost) {',
    ].join('\n'),
  },
  {
    // Its source text is sent to each worker, so it must be self-contained (it is, and says so).
    why: 'the workers make each field with the quicker generator of the same bytes (scene/glyphFieldGenerator.ts)',
    find: '        dependencies: [\n          createSDFGenerator,\n          now\n        ],',
    replace: '        dependencies: [\n          __createGlyphFieldGenerator,\n          now\n        ],',
  },
  {
    why: "Safari < 15's workaround reads a WebGL canvas back; the bytes need none",
    find: "  if (typeof createImageBitmap !== 'function') {",
    replace: "  if (typeof createImageBitmap !== 'function' && !atlas.sdfCanvas.data) {",
  },
];

const IMPORT = [
  `import { createCpuAtlasImage as __createCpuAtlasImage, createCpuAtlasTexture as __createCpuAtlasTexture, resizeCpuAtlas as __resizeCpuAtlas, writeGlyphIntoCpuAtlas as __writeGlyphIntoCpuAtlas } from ${JSON.stringify(HELPERS)};`,
  `import { createGlyphFieldGenerator as __createGlyphFieldGenerator } from ${JSON.stringify(GENERATOR)};`,
  '',
].join('\n');

/** `source` with every edit applied; throws, naming the edit, if one does not match exactly once. */
function applyEdits(source: string, edits: readonly SourceEdit[], pkg: string): string {
  let patched = source;
  for (const edit of edits) {
    const count = patched.split(edit.find).length - 1;
    if (count !== 1) {
      throw new Error(
        `troikaCpuAtlas: the edit "${edit.why}" matches ${pkg}'s source ${count} times, not once (${pkg} changed? see src/build/troikaCpuAtlas.ts)`,
      );
    }
    patched = patched.replace(edit.find, () => edit.replace);
  }
  return patched;
}

/** troika's source with every edit applied (or those given); throws if one does not match exactly once. */
export function patchTroikaSource(source: string, helpersImport = IMPORT, edits: readonly SourceEdit[] = TROIKA_EDITS): string {
  return helpersImport + applyEdits(source, edits, 'troika-three-text');
}

/** The worker helpers troika calls its workers with (troika-worker-utils 0.52.0). */
export const WORKER_UTILS_MODULE = 'troika-worker-utils/dist/troika-worker-utils.esm.js';

export const WORKER_UTILS_EDITS: readonly SourceEdit[] = [
  {
    // Measured on SwiftShader (a Chromium trace of the start): the typesetting worker had its
    // modules in 0.3 s, then sat idle another 0.3 s until the main thread, busy making the
    // renderer, heard back and sent the call that reads the fonts; each of the four glyph
    // workers waited the same way on its first call.
    why: "a module's first call is sent with its registration, not after the worker has answered it",
    find: [
      '    // Invoke the module, returning a promise',
      '    return registrationPromise.then(function (ref) {',
      '      var isCallable = ref.isCallable;',
      '',
      '      if (isCallable) {',
      "        return callWorker(workerId,'callModule', {id: id, args: args})",
      '      } else {',
    ].join('\n'),
    replace: [
      '    // Invoke the module at once: the worker handles its messages in order and registers a',
      '    // module synchronously, so the call is there right behind the registration',
      "    var call = callWorker(workerId,'callModule', {id: id, args: args});",
      '    return Promise.all([registrationPromise, call]).then(function (results) {',
      '      var isCallable = results[0].isCallable;',
      '',
      '      if (isCallable) {',
      '        return results[1]',
      '      } else {',
    ].join('\n'),
  },
];

/** troika-worker-utils' source with its edit applied; throws if it does not match exactly once. */
export function patchWorkerUtilsSource(source: string): string {
  return applyEdits(source, WORKER_UTILS_EDITS, 'troika-worker-utils');
}

const isModule = (id: string, module: string): boolean =>
  (id.split('?')[0]?.replaceAll('\\', '/') ?? '').endsWith(`/node_modules/${module}`);

export function troikaCpuAtlas(): Plugin {
  return {
    name: 'dangshi:troika-cpu-atlas',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (isModule(id, TROIKA_MODULE)) return { code: patchTroikaSource(code), map: null };
      if (isModule(id, WORKER_UTILS_MODULE)) return { code: patchWorkerUtilsSource(code), map: null };
      return null;
    },
  };
}
