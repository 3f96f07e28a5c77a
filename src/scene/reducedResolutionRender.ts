/**
 * Draws a frame at fewer pixels without resizing the canvas (issue 20, the walk's adaptive
 * resolution): the scene is drawn into the canvas's lower left corner, at `ratio / full` of its
 * width and height, that corner is copied into a texture, and the texture is stretched over the
 * whole canvas with one quad.
 *
 * Why not `renderer.setPixelRatio`: it resizes the canvas's drawing buffer, and on a CPU rasteriser
 * each resize was a main-thread task of 0.1–0.4 s (SwiftShader, measured while walking), with the
 * walk stepping down a ratio at a time and back to the full one at every stop. Here nothing is
 * re-allocated but a small texture when the ratio changes, and the scene's shaders stay the ones
 * drawn to the screen (a render target would compile every material again: three.js draws into
 * one without the screen's colour space and tone mapping).
 */
import {
  type Camera,
  FramebufferTexture,
  LinearFilter,
  Mesh,
  NearestFilter,
  type Object3D,
  OrthographicCamera,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  Vector2,
  type WebGLRenderer,
} from 'three';

/** The corner's size in device pixels, at least one: `scale` of the drawing buffer's. */
export function reducedRegion(bufferWidth: number, bufferHeight: number, scale: number): { width: number; height: number } {
  const clamped = Math.min(1, Math.max(0, scale));
  return {
    width: Math.max(1, Math.round(bufferWidth * clamped)),
    height: Math.max(1, Math.round(bufferHeight * clamped)),
  };
}

type StretchFilter = typeof NearestFilter | typeof LinearFilter;

/**
 * How the corner is stretched: each of its pixels repeated when the canvas is a whole multiple of
 * it (ratio 1/2, 1/3: the common case, the walk's least ratio on most screens), else blended. On a
 * CPU rasteriser blending the whole canvas's pixels was 9–10 ms of a 45 ms walking frame
 * (SwiftShader, 1280×720); repeating them costs next to nothing, and a repeated pixel is as sharp
 * as it was drawn.
 */
export function stretchFilter(
  bufferWidth: number,
  bufferHeight: number,
  corner: { width: number; height: number },
): StretchFilter {
  const across = bufferWidth / corner.width;
  const down = bufferHeight / corner.height;
  return Number.isInteger(across) && across === down ? NearestFilter : LinearFilter;
}

export class ReducedResolutionRender {
  /** The pixel ratio the last frame was drawn at (the renderer's own when drawn whole). */
  drawnRatio: number;
  private texture: FramebufferTexture | null = null;
  private readonly corner: { value: FramebufferTexture | null } = { value: null };
  private readonly material = new ShaderMaterial({
    uniforms: { corner: this.corner },
    // The copied pixels are already in the screen's colour space: passed through as they are.
    vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
    fragmentShader: 'uniform sampler2D corner; varying vec2 vUv; void main() { gl_FragColor = texture2D(corner, vUv); }',
    depthTest: false,
    depthWrite: false,
  });
  private readonly quadScene = new Scene();
  private readonly quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly cssSize = new Vector2();
  private readonly bufferSize = new Vector2();

  constructor(full: number) {
    this.drawnRatio = full;
    const quad = new Mesh(new PlaneGeometry(2, 2), this.material);
    quad.frustumCulled = false;
    this.quadScene.add(quad);
  }

  /** Draws `scene` at `ratio` (the renderer's own ratio or less). */
  render(gl: WebGLRenderer, scene: Object3D, camera: Camera, ratio: number): void {
    const full = gl.getPixelRatio();
    if (!(ratio < full)) {
      gl.render(scene, camera);
      this.drawnRatio = full;
      return;
    }
    gl.getSize(this.cssSize);
    gl.getDrawingBufferSize(this.bufferSize);
    const corner = reducedRegion(this.bufferSize.x, this.bufferSize.y, ratio / full);
    // setViewport and setScissor take CSS pixels (they multiply by the renderer's ratio). The
    // scissor keeps the clear to the corner: the quad covers the rest, and on a CPU rasteriser
    // clearing the whole canvas was 4–5 ms of a frame.
    gl.setViewport(0, 0, corner.width / full, corner.height / full);
    gl.setScissor(0, 0, corner.width / full, corner.height / full);
    const scissorTest = gl.getScissorTest();
    gl.setScissorTest(true);
    gl.render(scene, camera);
    gl.setScissorTest(scissorTest);
    const texture = this.cornerTexture(corner.width, corner.height, stretchFilter(this.bufferSize.x, this.bufferSize.y, corner));
    gl.copyFramebufferToTexture(texture);
    gl.setViewport(0, 0, this.cssSize.x, this.cssSize.y);
    const autoClear = gl.autoClear;
    gl.autoClear = false;
    gl.render(this.quadScene, this.quadCamera);
    gl.autoClear = autoClear;
    this.drawnRatio = (full * corner.width) / this.bufferSize.x;
  }

  /**
   * Links the quad's program and reads it back now, ahead of the first walk: at the walk's first
   * frame the read-back would wait behind the GPU process's queue (scene/gpuWarmup.ts).
   */
  compile(gl: WebGLRenderer): void {
    this.corner.value = this.cornerTexture(1, 1, LinearFilter);
    gl.compile(this.quadScene, this.quadCamera);
    const program = (gl.properties.get(this.material) as { currentProgram?: { getUniforms(): unknown } }).currentProgram;
    program?.getUniforms();
  }

  dispose(): void {
    this.texture?.dispose();
    this.texture = null;
    this.material.dispose();
    for (const child of this.quadScene.children) if (child instanceof Mesh) child.geometry.dispose();
  }

  private cornerTexture(width: number, height: number, filter: StretchFilter): FramebufferTexture {
    const current = this.texture;
    if (current && current.image.width === width && current.image.height === height && current.magFilter === filter)
      return current;
    this.texture?.dispose();
    const texture = new FramebufferTexture(width, height);
    texture.minFilter = filter;
    texture.magFilter = filter;
    texture.generateMipmaps = false;
    this.texture = texture;
    this.corner.value = texture;
    return texture;
  }
}

/** Each renderer's reduced-resolution drawer, for the test hooks and the benchmark. */
const drawers = new WeakMap<object, ReducedResolutionRender>();

export function registerReducedRender(gl: WebGLRenderer, drawer: ReducedResolutionRender | null): void {
  if (drawer) drawers.set(gl, drawer);
  else drawers.delete(gl);
}

/** The pixel ratio `gl`'s last frame was drawn at (its own when no walk reduced it). */
export function drawnPixelRatio(gl: WebGLRenderer): number {
  return drawers.get(gl)?.drawnRatio ?? gl.getPixelRatio();
}
