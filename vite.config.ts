import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/build/csp.ts';
import { exhibitionAssets } from './src/build/vitePlugin.ts';

export default defineConfig({
  // Relative base: `dist/` works from any folder of any static host; routes live in the hash.
  base: './',
  publicDir: 'assets',
  plugins: [react(), exhibitionAssets(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scene/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Headless Chromium renders WebGL on the CPU (SwiftShader): text takes many seconds.
          testTimeout: 240_000,
          // expect.poll gives up after 1 s by default; slow CPU frames need longer.
          expect: { poll: { timeout: 30_000, interval: 100 } },
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
