/**
 * The in-memory glyph atlas's switch, in a module of its own so the build config can read it.
 *
 * Whether, where the glyphs' fields are made in JavaScript (a CPU rasteriser), troika's atlas lives
 * in plain memory (src/scene/cpuSdfAtlas.ts, patched in by src/build/troikaCpuAtlas.ts) instead of
 * a second WebGL canvas. Off: measured on 2026-12-07 (`npm run bench`, SwiftShader), it took the
 * atlas's 0.1–0.5 s tasks off the main thread (longest task 247 ms against 384 ms), but the walk
 * drew at 47 ms a frame against 20 ms with the canvas, and the first frame came later (2.2× the
 * floor's against 0.7×). A smooth walk is what a kiosk's visitors feel; the atlas's uploads while
 * walking are to be understood before this is turned on again (the README's performance section).
 *
 * Read by vite.config.ts too: while it is off, troika ships unpatched (the patch would only add bytes).
 */
export const CPU_SDF_ATLAS = false;
