/**
 * The e2e files' order (tests/support/longestFirstSequencer.ts) lists every e2e file of the
 * suite and nothing else, so a new file is measured and placed rather than left to run last.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_SECONDS } from '../support/longestFirstSequencer.ts';

describe('the order of the end-to-end files', () => {
  it('names exactly the files npm test runs (the soak is its own command)', () => {
    const files = readdirSync(join(import.meta.dirname, '../e2e')).filter(
      (name) => name.endsWith('.test.ts') && name !== 'kioskSoak.test.ts',
    );
    expect(Object.keys(E2E_SECONDS).sort()).toEqual(files.sort());
    for (const seconds of Object.values(E2E_SECONDS)) expect(seconds).toBeGreaterThan(0);
  });
});
