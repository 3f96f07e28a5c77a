// @vitest-environment jsdom
/**
 * troika as the build ships it (src/build/troikaCpuAtlas.ts's edits applied to the installed
 * troika-three-text), run here for real: the exhibition's font, the atlas in memory, the fields
 * made by the quicker generator. Without workers in jsdom, troika typesets and makes the fields on
 * the main thread, through the same promises.
 *
 * What is checked: a text that shares a glyph with a text set just before it is reported set only
 * once that glyph's field is in the atlas (troika as published reported it at once, with a gap where
 * the glyph would come a moment later), and the atlas asks three.js for an upload only when it has
 * something new.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';
import subsetFont from 'subset-font';
import * as THREE from 'three';
import * as threeUtils from 'troika-three-utils';
import * as workerUtils from 'troika-worker-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import createSDFGenerator from 'webgl-sdf-generator';
import { fontSourcePath } from '../../src/build/fonts.ts';
import { patchTroikaSource, TROIKA_EDITS, TROIKA_MODULE } from '../../src/build/troikaCpuAtlas.ts';
import type { CpuAtlasImage } from '../../src/scene/cpuSdfAtlas.ts';
import * as atlasHelpers from '../../src/scene/cpuSdfAtlas.ts';
import * as generator from '../../src/scene/glyphFieldGenerator.ts';

const source = readFileSync(createRequire(import.meta.url).resolve(TROIKA_MODULE), 'utf8');
/** The board font cut to the test's characters, as the build cuts it (a woff; generated files are not in git). */
let FONT_BYTES: Buffer;
beforeAll(async () => {
  FONT_BYTES = await subsetFont(readFileSync(fontSourcePath('Regular')), '党史长廊', { targetFormat: 'woff' });
});
const FONT_URL = 'http://exhibit.test/generated/fonts/NotoSansSC-Regular.woff';
const SDF_SIZE = 32;

interface RenderInfo {
  glyphAtlasIndices: Float32Array;
  sdfTexture: THREE.DataTexture & { image: CpuAtlasImage };
}
interface Troika {
  configureTextBuilder(config: Record<string, unknown>): void;
  getTextRenderInfo(args: Record<string, unknown>, callback: (info: RenderInfo) => void): void;
}

/** The edits that make a text wait for the glyphs it shares (what "as published" leaves out). */
const WAITING = /waits for the fields of glyphs it shares|still being made is waited for|kept on the glyph until it is in/;

/**
 * A fresh troika (its atlas is module state): the patched module's imports are handed in, its
 * export statement becomes the function's result.
 */
function loadTroika(edits = TROIKA_EDITS): Troika {
  const deps: Record<string, unknown> = {
    three: THREE,
    'troika-worker-utils': workerUtils,
    'webgl-sdf-generator': createSDFGenerator,
    'bidi-js': bidiFactory,
    'troika-three-utils': threeUtils,
  };
  const helpers = [
    'const { createCpuAtlasImage: __createCpuAtlasImage, createCpuAtlasTexture: __createCpuAtlasTexture, resizeCpuAtlas: __resizeCpuAtlas, writeGlyphIntoCpuAtlas: __writeGlyphIntoCpuAtlas } = __deps.atlas;',
    'const { createGlyphFieldGenerator: __createGlyphFieldGenerator } = __deps.generator;',
    '',
  ].join('\n');
  const body = patchTroikaSource(source, helpers, edits)
    .replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_, names: string, from: string) => {
      return `const {${names.replaceAll(' as ', ': ')}} = __deps[${JSON.stringify(from)}];`;
    })
    .replace(
      /^import (\w+) from '([^']+)';$/gm,
      (_, name: string, from: string) => `const ${name} = __deps[${JSON.stringify(from)}];`,
    )
    .replace(/^export \{([^}]*)\};$/m, 'return {$1};');
  expect(body).not.toMatch(/^(import|export) /m);
  return new Function('__deps', body)({ ...deps, atlas: atlasHelpers, generator }) as Troika;
}

/** Whether the atlas holds a field for the glyph at `index` (some texel of its channel not 0). */
function fieldIsIn(image: CpuAtlasImage, index: number): boolean {
  const square = Math.floor(index / 4);
  const perRow = image.width / SDF_SIZE;
  const x0 = (square % perRow) * SDF_SIZE;
  const y0 = Math.floor(square / perRow) * SDF_SIZE;
  for (let y = y0; y < y0 + SDF_SIZE; y++) {
    for (let x = x0; x < x0 + SDF_SIZE; x++) if (image.data[(y * image.width + x) * 4 + (index % 4)] !== 0) return true;
  }
  return false;
}

beforeEach(() => {
  // The font, as troika's loader asks for it.
  class FontRequest {
    status = 0;
    response: ArrayBuffer | null = null;
    responseType = '';
    onload: (() => void) | null = null;
    onerror: ((error: unknown) => void) | null = null;
    private url = '';
    open(_method: string, url: string) {
      this.url = url;
    }
    send() {
      setTimeout(() => {
        if (this.url !== FONT_URL) return this.onerror?.(new Error(`no such font: ${this.url}`));
        this.status = 200;
        this.response = Uint8Array.from(FONT_BYTES).buffer;
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FontRequest);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Sets two texts at once, the second sharing a glyph with the first; what each saw when reported set. */
async function setTwoSharing(troika: Troika) {
  troika.configureTextBuilder({ useWorker: false, cpuSdfAtlas: true, sdfGlyphSize: SDF_SIZE });
  const seen: Array<{ text: string; fieldsIn: boolean[] }> = [];
  const set = (text: string) =>
    new Promise<RenderInfo>((resolve) =>
      troika.getTextRenderInfo({ text, font: FONT_URL, sdfGlyphSize: SDF_SIZE }, (info) => {
        seen.push({ text, fieldsIn: Array.from(info.glyphAtlasIndices, (index) => fieldIsIn(info.sdfTexture.image, index)) });
        resolve(info);
      }),
    );
  const [first, second] = await Promise.all([set('党史长廊'), set('党')]);
  return { seen, first, second };
}

describe('troika as shipped, setting texts that share glyphs', () => {
  it('reports a text set only once every glyph it shows is in the atlas, its own and those it shares', async () => {
    const { seen, first, second } = await setTwoSharing(loadTroika());
    expect(seen.map((entry) => entry.text).sort()).toEqual(['党', '党史长廊']);
    for (const entry of seen) expect(entry.fieldsIn.every(Boolean), entry.text).toBe(true);
    // The shared glyph was made once: the second text points at the first one's field.
    expect(second.glyphAtlasIndices[0]).toBe(first.glyphAtlasIndices[0]);
  });

  it('as published, the second text was reported before the glyph it shares was in (what the edits fix)', async () => {
    const { seen } = await setTwoSharing(loadTroika(TROIKA_EDITS.filter((edit) => !WAITING.test(edit.why))));
    expect(seen[0]).toEqual({ text: '党', fieldsIn: [false] });
  });

  it('asks three.js for an upload of the atlas only when something is new to upload', async () => {
    const { first } = await setTwoSharing(loadTroika());
    const texture = first.sdfTexture;
    const version = texture.version;
    // Whole until three.js has uploaded it once.
    texture.needsUpdate = true;
    expect(texture.version).toBe(version + 1);
    texture.onUpdate?.(texture);
    // Uploaded, nothing written since: asking again uploads nothing.
    texture.needsUpdate = true;
    expect(texture.version).toBe(version + 1);
    // A new glyph's rows: uploaded as ranges.
    atlasHelpers.writeGlyphIntoCpuAtlas(texture.image, new Uint8Array(4).fill(9), 0, 0, 2, 2, 0);
    texture.needsUpdate = true;
    expect(texture.version).toBe(version + 2);
    expect(texture.updateRanges.length).toBeGreaterThan(0);
  });
});
