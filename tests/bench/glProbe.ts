/**
 * The benchmark's one measuring instrument, the same for the exhibition and the floor: an init
 * script that wraps the page's WebGL contexts before any of its code runs, and counts what the
 * GPU is asked to do — frames (a burst of draw calls in one task), draw calls and triangles per
 * frame, when the first frame was drawn, and the bytes of live textures and buffers.
 *
 * It must be self-contained: Playwright sends its source to the page.
 */

export interface GlProbe {
  /** performance.now() of the first draw call, or null. */
  firstDrawAt: number | null;
  frames: number;
  /** Draw calls and triangles of the last complete frame. */
  lastCalls: number;
  lastTriangles: number;
  /** performance.now() of each frame's first draw call while `recording`. */
  frameStarts: number[];
  recording: boolean;
  /** Live textures and buffers, and their bytes (level 0 plus mipmaps where generated). */
  textures: number;
  textureBytes: number;
  buffers: number;
  bufferBytes: number;
}

declare global {
  interface Window {
    __glProbe?: GlProbe;
  }
}

export function installGlProbe(): void {
  const probe: GlProbe = {
    firstDrawAt: null,
    frames: 0,
    lastCalls: 0,
    lastTriangles: 0,
    frameStarts: [],
    recording: false,
    textures: 0,
    textureBytes: 0,
    buffers: 0,
    bufferBytes: 0,
  };
  window.__glProbe = probe;

  let frameOpen = false;
  let calls = 0;
  let triangles = 0;
  const closeFrame = () => {
    frameOpen = false;
    probe.lastCalls = calls;
    probe.lastTriangles = triangles;
    calls = 0;
    triangles = 0;
  };
  const TRIANGLES = 4;
  const TRIANGLE_STRIP = 5;
  const TRIANGLE_FAN = 6;
  const trianglesOf = (mode: number, count: number) =>
    mode === TRIANGLES ? count / 3 : mode === TRIANGLE_STRIP || mode === TRIANGLE_FAN ? Math.max(0, count - 2) : 0;
  const drew = (mode: number, count: number, instances = 1) => {
    const now = performance.now();
    if (probe.firstDrawAt === null) probe.firstDrawAt = now;
    if (!frameOpen) {
      // Everything a renderer draws for one frame is drawn in one task: the frame ends when it does.
      frameOpen = true;
      probe.frames++;
      if (probe.recording) probe.frameStarts.push(now);
      setTimeout(closeFrame, 0);
    }
    calls++;
    const drawn = trianglesOf(mode, count) * instances;
    if (Number.isFinite(drawn)) triangles += drawn;
  };

  // Bytes per texel of the internal formats three.js and troika use (a GPU pads RGB to 4).
  const texelBytes: Record<number, number> = {
    6406: 1, // ALPHA
    6409: 1, // LUMINANCE
    6410: 2, // LUMINANCE_ALPHA
    33321: 1, // R8
    33323: 2, // RG8
    33325: 2, // R16F
    33326: 4, // R32F
    34842: 8, // RGBA16F
    34836: 16, // RGBA32F
  };
  const bytesPerTexel = (format: number) => texelBytes[format] ?? 4;
  const textureSizes = new WeakMap<WebGLTexture, number>();
  const bufferSizes = new WeakMap<WebGLBuffer, number>();

  type Gl = WebGLRenderingContext | WebGL2RenderingContext;
  const boundTexture = (gl: Gl, target: number): WebGLTexture | null =>
    gl.getParameter(target === gl.TEXTURE_2D ? gl.TEXTURE_BINDING_2D : gl.TEXTURE_BINDING_CUBE_MAP);
  const setTextureBytes = (texture: WebGLTexture | null, bytes: number) => {
    if (!texture) return;
    probe.textureBytes += bytes - (textureSizes.get(texture) ?? 0);
    textureSizes.set(texture, bytes);
  };
  const boundBuffer = (gl: Gl, target: number): WebGLBuffer | null => {
    const binding: Record<number, number> = { 34962: 0x8894, 34963: 0x8895, 35345: 0x8a28 };
    const query = binding[target];
    return query === undefined ? null : gl.getParameter(query);
  };

  for (const Context of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!Context) continue;
    const proto = Context.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const wrap = (name: string, after: (gl: Gl, args: unknown[], result: unknown) => void, before = false) => {
      const original = proto[name];
      if (typeof original !== 'function') return;
      proto[name] = function (this: Gl, ...args: unknown[]) {
        if (before) after(this, args, undefined);
        const result = original.apply(this, args);
        if (!before) after(this, args, result);
        return result;
      };
    };
    // Frames are what the visitor sees: draws into the page's own canvas. troika draws its glyphs'
    // distance fields into a canvas of its own that is never in the document; counted, its first
    // glyph would pass for the first frame (it comes before the exhibition's canvas exists).
    const onPage = (gl: Gl) =>
      typeof HTMLCanvasElement !== 'undefined' && gl.canvas instanceof HTMLCanvasElement && gl.canvas.isConnected;
    wrap('drawArrays', (gl, [mode, , count]) => onPage(gl) && drew(mode as number, count as number));
    wrap('drawElements', (gl, [mode, count]) => onPage(gl) && drew(mode as number, count as number));
    wrap(
      'drawArraysInstanced',
      (gl, [mode, , count, instances]) => onPage(gl) && drew(mode as number, count as number, instances as number),
    );
    wrap(
      'drawElementsInstanced',
      (gl, [mode, count, , , instances]) => onPage(gl) && drew(mode as number, count as number, instances as number),
    );
    wrap('createTexture', () => {
      probe.textures++;
    });
    wrap(
      'deleteTexture',
      (_gl, [texture]) => {
        if (!texture) return;
        probe.textures--;
        setTextureBytes(texture as WebGLTexture, 0);
      },
      true,
    );
    wrap('texImage2D', (gl, args) => {
      const [target, level, internalFormat] = args as number[];
      if (level !== 0) return;
      let width: number;
      let height: number;
      if (args.length >= 8) {
        width = args[3] as number;
        height = args[4] as number;
      } else {
        const source = args[5] as { width?: number; height?: number; videoWidth?: number; videoHeight?: number };
        width = source.videoWidth || source.width || 0;
        height = source.videoHeight || source.height || 0;
      }
      const faces = target === gl.TEXTURE_2D ? 1 : 6;
      const texture = boundTexture(gl, target === gl.TEXTURE_2D ? gl.TEXTURE_2D : gl.TEXTURE_CUBE_MAP);
      const perFace = width * height * bytesPerTexel(internalFormat as number);
      setTextureBytes(texture, faces === 1 ? perFace : (textureSizes.get(texture as WebGLTexture) ?? 0) + perFace);
    });
    wrap('texStorage2D', (gl, [target, levels, internalFormat, width, height]) => {
      const base = (width as number) * (height as number) * bytesPerTexel(internalFormat as number);
      const faces = target === gl.TEXTURE_2D ? 1 : 6;
      setTextureBytes(boundTexture(gl, target as number), base * faces * ((levels as number) > 1 ? 4 / 3 : 1));
    });
    wrap('generateMipmap', (gl, [target]) => {
      const texture = boundTexture(gl, target as number);
      if (texture) setTextureBytes(texture, Math.round((textureSizes.get(texture) ?? 0) * (4 / 3)));
    });
    wrap('createBuffer', () => {
      probe.buffers++;
    });
    wrap(
      'deleteBuffer',
      (_gl, [buffer]) => {
        if (!buffer) return;
        probe.buffers--;
        probe.bufferBytes -= bufferSizes.get(buffer as WebGLBuffer) ?? 0;
        bufferSizes.delete(buffer as WebGLBuffer);
      },
      true,
    );
    wrap('bufferData', (gl, [target, data]) => {
      const buffer = boundBuffer(gl, target as number);
      if (!buffer) return;
      const bytes = typeof data === 'number' ? data : ((data as ArrayBufferView | null)?.byteLength ?? 0);
      probe.bufferBytes += bytes - (bufferSizes.get(buffer) ?? 0);
      bufferSizes.set(buffer, bytes);
    });
  }
}
