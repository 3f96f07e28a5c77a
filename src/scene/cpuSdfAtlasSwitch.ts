/**
 * The in-memory glyph atlas's switch, in a module of its own so the build config can read it.
 *
 * Whether, where the glyphs' fields are made in JavaScript (a CPU rasteriser), troika's atlas lives
 * in plain memory (src/scene/cpuSdfAtlas.ts, patched in by src/build/troikaCpuAtlas.ts) instead of
 * a second WebGL canvas. On (2026-12-07, session 19): with the benchmark's frame count fixed to the
 * page's own canvas (tests/bench/glProbe.ts; troika's atlas canvas had passed its glyph copies
 * off as frames, so the walk with the canvas atlas looked quicker than it was), and the atlas
 * uploading only the rows of new glyphs (update ranges, not the whole texture), the short bench
 * gave text ready 1.85× the floor's (3.1× with the canvas atlas) and a walk no slower; the
 * canvas atlas queues its copies in the GPU process, which every synchronous WebGL call of the
 * page then waits behind.
 *
 * Read by vite.config.ts too: while it is off, troika ships unpatched (the patch would only add bytes).
 */
export const CPU_SDF_ATLAS = true;
