// @vitest-environment jsdom
/**
 * The kiosk's admin screen shows the quizzes: attempts started and finished per quiz (every loaded
 * quiz listed, named by its title), each question's answers and correct rate (named by its prompt,
 * the hardest first), and its CSV export carries the same rows. The quiz file is asked for when
 * the screen opens, for those names.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { KioskContext, type KioskServices } from '../../src/modes/kiosk/kioskContext.ts';
import type { KioskController } from '../../src/modes/kiosk/kioskController.ts';
import { createKioskStore } from '../../src/modes/kiosk/kioskStore.ts';
import { KioskStatsRecorder } from '../../src/modes/kiosk/stats.ts';
import { AdminPanel } from '../../src/modes/kiosk/ui/AdminPanel.tsx';
import { useExhibition } from '../../src/store/store.ts';
import { domRootPerTest } from '../support/domRoot.ts';
import { OTHER_QUIZ, quizExhibition, TEST_QUIZ } from '../support/quizzes.ts';

const PIN = '2468';
const dom = domRootPerTest(() => {
  useExhibition.setState({ exhibition: null, quizStatus: 'idle', quizzes: [] });
  vi.useRealTimers();
  vi.restoreAllMocks();
});
const controller: KioskController = {
  startVisit: vi.fn(),
  continueVisit: vi.fn(),
  reset: vi.fn(),
  openAdmin: vi.fn(),
  activity: vi.fn(),
  stop: vi.fn(),
};

const cells = (row: Element | null | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((cell) => cell.textContent);
const rows = (testId: string) =>
  [...(dom.container.querySelector(`[data-testid="${testId}"]`)?.querySelectorAll('tbody tr') ?? [])].map(cells);
const press = (label: string) =>
  act(() => [...dom.container.querySelectorAll('button')].find((button) => button.textContent === label)?.click());

function renderAdmin(stats: KioskStatsRecorder) {
  const services = createStore<KioskServices>(() => ({ controller, idleSeconds: 90, offline: null, stats }));
  act(() =>
    dom.root.render(
      <KioskContext.Provider value={{ kiosk: createKioskStore(), services }}>
        <AdminPanel controller={controller} offline={null} stats={stats} idleSeconds={90} />
      </KioskContext.Provider>,
    ),
  );
  for (const digit of PIN) press(digit);
  press('确定');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-07-01T15:00:00'));
  act(() => {
    const exhibition = { ...quizExhibition(), kiosk: { idleSeconds: 90, adminPin: PIN } };
    useExhibition.getState().contentLoaded(exhibition, []);
    useExhibition.setState({ quizStatus: 'idle', quizzes: [] });
  });
});

function recordedStats(): KioskStatsRecorder {
  const stats = new KioskStatsRecorder(null);
  stats.visitStarted();
  stats.quizStarted('test-quiz');
  stats.questionAnswered('founding-year', true);
  stats.questionAnswered('brigade-work', false);
  stats.quizFinished('test-quiz');
  stats.visitEnded();
  stats.visitStarted();
  stats.quizStarted('test-quiz');
  stats.questionAnswered('founding-year', true);
  stats.questionAnswered('brigade-work', true);
  stats.visitEnded();
  return stats;
}

describe('quizzes on the admin screen', () => {
  it('asks for the quizzes, then names each quiz and question, the hardest question first', () => {
    renderAdmin(recordedStats());
    expect(useExhibition.getState().quizStatus).toBe('loading');
    // Before the file is in, the ids stand in for the names.
    expect(rows('kiosk-stats-quizzes')).toEqual([['test-quiz', '2', '1']]);
    act(() => useExhibition.getState().quizzesLoaded([TEST_QUIZ, OTHER_QUIZ], []));
    const quizzes = dom.container.querySelector('[data-testid="kiosk-stats-quizzes"]');
    expect(cells(quizzes?.querySelector('thead tr'))).toEqual(['问答', '问答开始', '问答完成']);
    expect(rows('kiosk-stats-quizzes')).toEqual([
      ['测试问答', '2', '1'],
      ['另一套问答', '0', '0'],
    ]);
    const questions = dom.container.querySelector('[data-testid="kiosk-stats-questions"]');
    expect(cells(questions?.querySelector('thead tr'))).toEqual(['题目', '作答', '答对', '正确率']);
    expect(rows('kiosk-stats-questions')).toEqual([
      ['大队党建的做法有哪些？', '2', '1', '50%'],
      ['中国共产党成立于哪一年？', '2', '2', '100%'],
    ]);
    expect(dom.container.textContent).toContain('每题正确率（近 30 天，最难的在前）');
  });

  it('exports them in the CSV, named as on the screen', async () => {
    renderAdmin(recordedStats());
    act(() => useExhibition.getState().quizzesLoaded([TEST_QUIZ], []));
    let exported: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        exported = blob;
        return 'blob:csv';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    press('导出 CSV');
    const blob = exported as Blob | null;
    if (!blob) throw new Error('nothing exported');
    // jsdom's Blob has no text(): read it as a browser's FileReader does.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    const lines = text.split('\r\n');
    expect(lines).toContain('2025-07-01,问答开始 quiz started,test-quiz,测试问答,2,');
    expect(lines).toContain('2025-07-01,问答完成 quiz finished,test-quiz,测试问答,1,');
    expect(lines).toContain('2025-07-01,作答 question answered,brigade-work,大队党建的做法有哪些？,2,');
    expect(lines).toContain('2025-07-01,答对 question correct,brigade-work,大队党建的做法有哪些？,1,');
    expect(lines).toContain('2025-07-01,正确率% question correct rate,brigade-work,大队党建的做法有哪些？,50,');
  });

  it('shows no quiz tables before anyone has tried a quiz or the quizzes are in', () => {
    renderAdmin(new KioskStatsRecorder(null));
    expect(dom.container.querySelector('[data-testid="kiosk-stats-quizzes"]')).toBeNull();
    expect(dom.container.querySelector('[data-testid="kiosk-stats-questions"]')).toBeNull();
  });
});
