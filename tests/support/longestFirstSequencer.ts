/**
 * The end-to-end files in the order that keeps both workers busy to the end: the longest first
 * (the classic longest-processing-time rule). vitest does this by itself from its cache of the
 * last run's durations, but a clean clone (CI, fresh-check) has no cache and falls back to file
 * size, which started the 100 s photo walk among the last. Measured from a clean clone: 562 s for
 * the suite in size order, 554 s in this one (a local run with vitest's cache took 492 s; the
 * files themselves ran slower in both clean clones, so the order is not the whole difference).
 *
 * The seconds are one run's on the 2-core machine; they only order the files, so a stale figure
 * costs time, never a result. tests/unit/e2eOrder.test.ts checks that every e2e file is listed.
 */
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const E2E_SECONDS: Readonly<Record<string, number>> = {
  'kiosk.test.ts': 223,
  'present.test.ts': 129,
  'kioskScreen.test.ts': 109,
  'photos.test.ts': 73,
  'visitorCard.test.ts': 44,
  'cameraPath.test.ts': 42,
  'phone.test.ts': 40,
  'contest.test.ts': 38,
  'corridor.test.ts': 30,
  'liveLesson.test.ts': 30,
  'kioskWatchdog.test.ts': 29,
  'accessibility.test.ts': 18,
  'curate.test.ts': 50,
  'publish.test.ts': 45,
  'floorPlan.test.ts': 17,
  'boardText.test.ts': 13,
  'roomQuiz.test.ts': 9,
  'keyboard.test.ts': 8,
  'textTwin.test.ts': 5,
  'devReload.test.ts': 5,
  'brokenContent.test.ts': 2,
};

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const seconds = (file: TestSpecification) => E2E_SECONDS[basename(file.moduleId)] ?? 0;
    // Stable: files the table does not name (every other project's) keep vitest's own order.
    return base
      .map((file, index) => ({ file, index }))
      .sort((a, b) => seconds(b.file) - seconds(a.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
