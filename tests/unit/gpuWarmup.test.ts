/**
 * The start's warm-up (src/scene/gpuWarmup.ts): every program linked and read back at once, the
 * stand-ins' included, and three's state primed so that no later upload asks WebGL for it.
 */
import { Mesh, PerspectiveCamera, Scene, type WebGLRenderer } from 'three';
import { describe, expect, it } from 'vitest';
import { primeRendererState, warmUpPrograms } from '../../src/scene/gpuWarmup.ts';

function fakeRenderer() {
  const calls: string[] = [];
  const programs: Array<{ getUniforms(): unknown }> = [];
  const gl = {
    compile(object: { name: string }, _camera: unknown, target?: { name: string }) {
      calls.push(`compile ${object.name}${target ? ` in ${target.name}` : ''}`);
      const name = object.name;
      programs.push({ getUniforms: () => calls.push(`read back ${name}`) });
      return new Set();
    },
    info: { programs },
  };
  return { gl: gl as unknown as Pick<WebGLRenderer, 'compile'> & { info: { programs: typeof programs } }, calls };
}

describe('warmUpPrograms', () => {
  it('links the scene and each stand-in (with the scene’s lights), then reads every program back, at once', () => {
    const { gl, calls } = fakeRenderer();
    const scene = Object.assign(new Scene(), { name: 'corridor' });
    const text = Object.assign(new Mesh(), { name: 'text stand-in' });
    const photo = Object.assign(new Mesh(), { name: 'photo stand-in' });
    warmUpPrograms(gl, scene, new PerspectiveCamera(), [text, photo]);
    expect(calls).toEqual([
      'compile corridor',
      'compile text stand-in in corridor',
      'compile photo stand-in in corridor',
      'read back corridor',
      'read back text stand-in',
      'read back photo stand-in',
    ]);
  });
});

describe('primeRendererState', () => {
  it('tells three’s state WebGL 2’s default unpack parameters and asks for the late extensions', () => {
    const stored: Array<[number, number]> = [];
    const asked: string[] = [];
    primeRendererState({
      state: { pixelStorei: (name, value) => stored.push([name, value]) },
      extensions: {
        has: (name) => {
          asked.push(name);
          return true;
        },
      },
    });
    // UNPACK_ROW_LENGTH, UNPACK_SKIP_PIXELS, UNPACK_SKIP_ROWS, UNPACK_IMAGE_HEIGHT, UNPACK_SKIP_IMAGES: all 0.
    expect(stored).toEqual([
      [3314, 0],
      [3316, 0],
      [3315, 0],
      [32878, 0],
      [32877, 0],
    ]);
    expect(asked).toEqual(['EXT_texture_filter_anisotropic']);
  });
});
