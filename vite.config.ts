import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/build/csp.ts';
import { troikaCpuAtlas } from './src/build/troikaCpuAtlas.ts';
import { exhibitionAssets } from './src/build/vitePlugin.ts';
import { zodWithoutJsonSchema } from './src/build/zodWithoutJsonSchema.ts';
import { CPU_SDF_ATLAS } from './src/scene/cpuSdfAtlasSwitch.ts';
import { LongestFirstSequencer } from './tests/support/longestFirstSequencer.ts';

/**
 * Paths the kiosk's service worker must never answer with the cached page: the station server's
 * API, its join links (a redirect to the follower page) and the live sockets. Workbox tests each
 * against a navigation's path and query.
 */
export const NAVIGATE_FALLBACK_DENYLIST: RegExp[] = [/^\/api\//, /^\/join(?:[/?]|$)/, /^\/socket\.io\//];

export default defineConfig({
  // Relative base: `dist/` works from any folder of any static host; routes live in the hash.
  base: './',
  // The checkout's assets/, or the station's content store when it builds (src/build/vitePlugin.ts: assetsRoot).
  publicDir: process.env.DANGSHI_ASSETS_DIR || 'assets',
  plugins: [
    react(),
    exhibitionAssets(),
    contentSecurityPolicy(),
    // Issue 20 (initial JS): the page never writes a JSON Schema; zod's generator stays out of its chunks.
    zodWithoutJsonSchema(),
    // Issue 20 (long tasks): troika's glyph atlas in memory on a CPU rasteriser, not in a WebGL
    // canvas; patched in only while it is switched on (src/scene/cpuSdfAtlasSwitch.ts).
    ...(CPU_SDF_ATLAS ? [troikaCpuAtlas()] : []),
    // The kiosk's offline cache (src/modes/kiosk/offline.ts registers it, in kiosk mode only): a service
    // worker precaching the whole built site. 'prompt': a new version waits for the kiosk's next
    // idle reset instead of taking over mid-visit.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,woff,woff2,svg,webp,avif,jpg,jpeg,png,gif,mp3,m4a,ogg,opus,wav,vtt}'],
        globIgnores: ['**/*.schema.json'],
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NAVIGATE_FALLBACK_DENYLIST,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    // The e2e files longest first, also on a clean clone with no cache of the last run's times.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scene/**/*.test.{ts,tsx}'],
          // The app's store in the visitor's mode, and jsdom's missing 2D canvas quietly null.
          setupFiles: ['tests/support/unitSetup.ts'],
          // Worker threads start faster than forked processes (measured: 58 s → 48–54 s for the project).
          // Each file keeps its own module graph: without isolation the suite ran in 20 s, but files
          // shuffled into another order failed on each other's module state.
          pool: 'threads',
          // Vitest's default is one worker fewer than the cores: one on the 2-core machine, which left
          // a core idle (measured: 42 s with one worker, 28 s with two; three gained nothing).
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The kiosk soak runs hundreds of visits: `npm run test:soak`, not part of `npm test`.
          exclude: ['tests/e2e/kioskSoak.test.ts'],
          // Headless Chromium renders WebGL on the CPU (SwiftShader): text takes many seconds.
          testTimeout: 240_000,
          // expect.poll gives up after 1 s by default; slow CPU frames need longer.
          expect: { poll: { timeout: 30_000, interval: 100 } },
          hookTimeout: 240_000,
          // Two files at a time (the largest first): the cores are busy, but not all the time (a
          // kiosk idle timer, an attract rest, a page waiting on the server). Measured on the 2-core
          // machine from a clean clone: the e2e suite 1219 s one file at a time, 885 s two at a time
          // 562 s two at a time since the glyphs' distance fields are made in a worker, 492 s
          // since they are half size (140 tests; 554 s from a clean clone); three at a time was slower (586 s)
          // then. Since the kiosk file waits out longer timers (fewer attract glides) and the pages
          // composite in software, two at a time left a core half idle for its first 150 s: three
          // at a time 371 s against 475 s (142 tests, the same run's other settings). Four at a time
          // 339 s (143 tests): the files' waits (the kiosk's timers, the server's answers) overlap,
          // and the four files started first end within 160 s of each other.
          // E2E_WORKERS=1 for profiling one file at a time.
          fileParallelism: true,
          maxWorkers: Number(process.env.E2E_WORKERS ?? 4),
          // Each worker keeps the modules it imported (playwright-core, the harness, the content
          // code) from one file to the next: the files share no module state (each has its own
          // browser, servers and pages), and importing them afresh cost 42 s of the suite's CPU
          // (8 s so; the suite 372 → 342 s).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The station server against real SQLite and socket.io-client, on loopback (tests/server/).
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          // Each file starts its own server on its own port and database: two at a time (9 s → 6.5 s).
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // `npm run bench`: the exhibition against the stack's floor (tests/bench/bench.test.ts).
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          testTimeout: 3 * 60 * 60_000,
          hookTimeout: 600_000,
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'soak',
          include: ['tests/e2e/kioskSoak.test.ts'],
          testTimeout: 24 * 60 * 60_000,
          hookTimeout: 240_000,
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
  },
});
