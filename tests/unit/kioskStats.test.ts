/**
 * The kiosk's visit statistics: per-day aggregation, reading time per board, what survives a
 * corrupt store, the summaries the admin screen shows, and the CSV export.
 */
import { describe, expect, it } from 'vitest';
import {
  addBoardOpen,
  addBoardTime,
  addVisit,
  addVisitTime,
  CSV_HEADER,
  dayKey,
  emptyStats,
  KioskStatsRecorder,
  MAX_READING_SECONDS,
  parseStats,
  pruneStats,
  STATS_STORAGE_KEY,
  statsToCsv,
  summarizeDays,
  topBoards,
} from '../../src/modes/kiosk/stats.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

const at = (text: string) => new Date(text).getTime();

describe('aggregation per day', () => {
  it('counts visits, opens and seconds on the local day they started', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T09:00:00'));
    addVisit(stats, at('2025-07-01T23:59:00'));
    addVisitTime(stats, at('2025-07-01T23:59:00'), at('2025-07-02T00:01:30'));
    addBoardOpen(stats, 'cpc-founding-1921', at('2025-07-01T09:01:00'));
    addBoardTime(stats, 'cpc-founding-1921', at('2025-07-01T09:01:00'), at('2025-07-01T09:01:42.5'));
    addBoardOpen(stats, 'cpc-founding-1921', at('2025-07-02T10:00:00'));
    expect(stats.days['2025-07-01']).toEqual({
      visits: 2,
      visitSeconds: 150,
      boards: { 'cpc-founding-1921': { opens: 1, seconds: 42.5 } },
    });
    expect(stats.days['2025-07-02']?.boards['cpc-founding-1921']).toEqual({ opens: 1, seconds: 0 });
    expect(dayKey(at('2025-07-01T23:59:59'))).toBe('2025-07-01');
  });

  it('never counts negative time, and caps a forgotten card', () => {
    const stats = emptyStats();
    addBoardTime(stats, 'a', at('2025-07-01T10:00:00'), at('2025-07-01T09:00:00'));
    addBoardTime(stats, 'a', at('2025-07-01T10:00:00'), at('2025-07-01T20:00:00'));
    expect(stats.days['2025-07-01']?.boards.a?.seconds).toBe(MAX_READING_SECONDS);
  });

  it('drops days older than it keeps', () => {
    const stats = emptyStats();
    addVisit(stats, at('2024-01-01T10:00:00'));
    addVisit(stats, at('2025-07-01T10:00:00'));
    pruneStats(stats, at('2025-07-02T10:00:00'), 400);
    expect(Object.keys(stats.days)).toEqual(['2025-07-01']);
  });
});

describe('stored statistics', () => {
  it('keeps what is well-formed and starts afresh from garbage', () => {
    expect(parseStats(null)).toEqual(emptyStats());
    expect(parseStats('{not json')).toEqual(emptyStats());
    expect(parseStats('[1,2]')).toEqual(emptyStats());
    const parsed = parseStats(
      JSON.stringify({
        version: 1,
        days: {
          '2025-07-01': { visits: 3, visitSeconds: 100, boards: { a: { opens: 2, seconds: 30 }, b: { opens: -1, seconds: 3 } } },
          yesterday: { visits: 1 },
          '2025-07-02': { visits: 'many', boards: null },
        },
      }),
    );
    expect(parsed.days).toEqual({
      '2025-07-01': { visits: 3, visitSeconds: 100, boards: { a: { opens: 2, seconds: 30 } } },
      '2025-07-02': { visits: 0, visitSeconds: 0, boards: {} },
    });
  });
});

describe('KioskStatsRecorder', () => {
  it('records a visit: each card opened, how long it was read, the visit length; saved at once', () => {
    const storage = new MemoryStorage();
    let now = at('2025-07-01T10:00:00');
    const recorder = new KioskStatsRecorder(storage, () => now);
    recorder.boardShown('ignored'); // not during a visit
    recorder.visitStarted();
    now += 5_000;
    recorder.boardShown('a');
    now += 30_000;
    recorder.boardShown('b'); // stepped to the next panel on the card
    now += 12_000;
    recorder.boardShown(null);
    now += 3_000;
    recorder.boardShown('a');
    now += 8_000;
    recorder.visitEnded(); // the idle reset closes the card
    const saved = JSON.parse(storage.getItem(STATS_STORAGE_KEY) ?? '{}');
    expect(saved.days['2025-07-01']).toEqual({
      visits: 1,
      visitSeconds: 58,
      boards: { a: { opens: 2, seconds: 38 }, b: { opens: 1, seconds: 12 } },
    });
    // A new recorder (after a reload) carries on from what was saved.
    const again = new KioskStatsRecorder(storage, () => now);
    again.visitStarted();
    again.visitEnded();
    expect(again.snapshot().days['2025-07-01']?.visits).toBe(2);
  });

  it('keeps counting in memory when the storage is full, and clears', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const recorder = new KioskStatsRecorder(storage, () => at('2025-07-01T10:00:00'));
    expect(() => recorder.visitStarted()).not.toThrow();
    expect(recorder.snapshot().days['2025-07-01']?.visits).toBe(1);
    storage.failWrites = false;
    recorder.visitStarted(); // ends the first, starts a second
    expect(recorder.snapshot().days['2025-07-01']?.visits).toBe(2);
    recorder.clear();
    expect(recorder.snapshot()).toEqual(emptyStats());
    expect(storage.getItem(STATS_STORAGE_KEY)).toBeNull();
  });

  it('works with no storage at all', () => {
    const recorder = new KioskStatsRecorder(null);
    recorder.visitStarted();
    recorder.boardShown('a');
    recorder.visitEnded();
    expect(Object.values(recorder.snapshot().days)[0]?.boards.a?.opens).toBe(1);
  });
});

describe('summaries for the admin screen', () => {
  const stats = emptyStats();
  addVisit(stats, at('2025-07-01T10:00:00'));
  addVisit(stats, at('2025-07-01T11:00:00'));
  addVisitTime(stats, at('2025-07-01T10:00:00'), at('2025-07-01T10:02:00'));
  addVisitTime(stats, at('2025-07-01T11:00:00'), at('2025-07-01T11:01:00'));
  addBoardOpen(stats, 'a', at('2025-07-01T10:00:10'));
  addBoardTime(stats, 'a', at('2025-07-01T10:00:10'), at('2025-07-01T10:00:40'));
  addBoardOpen(stats, 'b', at('2025-06-30T10:00:10'));
  addBoardOpen(stats, 'b', at('2025-06-30T10:01:10'));
  addBoardTime(stats, 'b', at('2025-06-30T10:00:10'), at('2025-06-30T10:00:20'));
  addBoardOpen(stats, 'c', at('2025-05-01T10:00:10'));

  it('lists the last days, newest first, with empty days', () => {
    const days = summarizeDays(stats, at('2025-07-02T09:00:00'), 3);
    expect(days).toEqual([
      { day: '2025-07-02', visits: 0, opens: 0, readingSeconds: 0, averageVisitSeconds: 0, oathReadings: 0 },
      { day: '2025-07-01', visits: 2, opens: 1, readingSeconds: 30, averageVisitSeconds: 90, oathReadings: 0 },
      { day: '2025-06-30', visits: 0, opens: 2, readingSeconds: 10, averageVisitSeconds: 0, oathReadings: 0 },
    ]);
  });

  it('ranks the boards of the last 30 days by opens', () => {
    expect(topBoards(stats, at('2025-07-02T09:00:00'), 30)).toEqual([
      { panelId: 'b', opens: 2, seconds: 10, averageSeconds: 5 },
      { panelId: 'a', opens: 1, seconds: 30, averageSeconds: 30 },
    ]);
  });

  it('exports CSV: BOM, header, a visits row and board rows per day, oldest first, CRLF', () => {
    const csv = statsToCsv(stats, (id) => ({ a: '中国共产党诞生', b: 'Say "hi", =1+1', c: '+danger' })[id] ?? id);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      CSV_HEADER.join(','),
      '2025-05-01,参观 visits,,,0,0',
      `2025-05-01,展板 board,c,"'+danger",1,0`,
      '2025-06-30,参观 visits,,,0,0',
      '2025-06-30,展板 board,b,"Say ""hi"", =1+1",2,10',
      '2025-07-01,参观 visits,,,2,180',
      '2025-07-01,展板 board,a,中国共产党诞生,1,30',
    ]);
  });
});
