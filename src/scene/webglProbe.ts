/**
 * Whether this browser gives WebGL, and its renderer's name, read once per page from one throwaway
 * context that is released at once.
 *
 * One context, not one per question (issue 20, long tasks): on a CPU rasteriser a context costs a
 * synchronous round trip to the GPU process, measured at 0.1–0.35 s on SwiftShader while that
 * process is busy, and the page asked twice (is there WebGL? which renderer?) before the
 * exhibition's own canvas was made.
 */
export interface WebglProbe {
  available: boolean;
  /** RENDERER and, where the browser gives it, the unmasked renderer; empty without WebGL. */
  rendererName: string;
}

let probed: WebglProbe | null = null;

export function probeWebgl(): WebglProbe {
  if (probed) return probed;
  probed = { available: false, rendererName: '' };
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl) {
      // Chromium and Firefox now give the real name as RENDERER; older ones only through the extension.
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      probed = {
        available: true,
        rendererName: `${gl.getParameter(gl.RENDERER)} ${debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : ''}`,
      };
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL (or a browser that throws instead of returning null): the text version is shown.
  }
  return probed;
}

/** Tests only: forget the probe, as a new page would. */
export function forgetWebglProbe(): void {
  probed = null;
}
