/**
 * Keeps the start free of synchronous waits on the GPU process (issue 20: no main-thread task over
 * 200 ms after the first frame).
 *
 * three.js links a material's program when it first draws it, and in the same frame reads its
 * uniforms back: a synchronous round trip, which waits until the GPU process has done everything
 * asked of it before. The link itself is quick; but on a CPU rasteriser, while the corridor loads,
 * the GPU process is seconds behind (frames at full size, photos and their mipmaps, the glyph
 * atlas), and the texts' first frames waited 0.3–0.9 s: the start's longest tasks. Chromium offers
 * no way to ask whether a link is done without waiting (no KHR_parallel_shader_compile there). So
 * every program the corridor will draw, those of the texts still to come included (from
 * stand-ins), is linked and read back before the first frame, when the queue is empty.
 *
 * The same goes for three's first partial texture upload (the glyph atlas's new rows): it reads the
 * unpack parameters back from WebGL unless its state cache knows them, and that read waited up to
 * 0.65 s behind the GPU process's queue; and for an extension three asks about at a texture's first
 * upload. `primeRendererState` gives the cache WebGL's defaults and asks before the first frame.
 */
import type { Camera, Object3D, Scene, WebGLRenderer } from 'three';

/** WebGL 2's unpack parameters three reads back before a partial upload, and their defaults. */
const UNPACK_DEFAULTS: ReadonlyArray<[number, number]> = [
  [0x0cf2, 0], // UNPACK_ROW_LENGTH
  [0x0cf4, 0], // UNPACK_SKIP_PIXELS
  [0x0cf3, 0], // UNPACK_SKIP_ROWS
  [0x806e, 0], // UNPACK_IMAGE_HEIGHT
  [0x806d, 0], // UNPACK_SKIP_IMAGES
];

/** The WebGL extensions three asks for only when it first needs one (a texture's first upload). */
const LATE_EXTENSIONS = ['EXT_texture_filter_anisotropic'];

/**
 * Sets WebGL's default unpack parameters through three's state, which then knows them, and asks
 * now for the extensions three would ask for mid-start (each ask is a round trip; one waited
 * 0.16 s).
 */
export function primeRendererState(gl: {
  state: { pixelStorei(name: number, value: number): void };
  extensions: { has(name: string): boolean };
}): void {
  for (const [name, value] of UNPACK_DEFAULTS) gl.state.pixelStorei(name, value);
  for (const name of LATE_EXTENSIONS) gl.extensions.has(name);
}

/** The renderer's part the warm-up uses (three's WebGLRenderer). */
export type WarmupRenderer = Pick<WebGLRenderer, 'compile'> & {
  info: { programs: ReadonlyArray<{ getUniforms(): unknown }> | null };
};

/**
 * Links the programs of `scene` and of `standIns` (objects never drawn, whose materials are those
 * of things still to come) and reads each program's uniforms back, now. Meant for before the
 * first frame, while the GPU process has nothing else queued: each read-back then costs the few
 * milliseconds of its link (6–24 ms on SwiftShader), not the wait behind the frames and uploads of
 * a loading corridor (0.3–0.9 s measured).
 */
export function warmUpPrograms(gl: WarmupRenderer, scene: Scene, camera: Camera, standIns: readonly Object3D[]): void {
  gl.compile(scene, camera);
  for (const standIn of standIns) gl.compile(standIn, camera, scene);
  // The first call reads the uniforms back (the synchronous part); later calls are free.
  for (const program of gl.info.programs ?? []) program.getUniforms();
}
