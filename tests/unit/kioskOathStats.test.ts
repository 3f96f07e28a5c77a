/**
 * The kiosk's count of oath readings (誓词诵读 人次): per day and per oath panel in the stored
 * statistics (which still load when saved before the count existed), the recorder, the CSV rows,
 * and the controller's rule on a real exhibition store — once per ceremony read to its last phrase,
 * during a visit only.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PARTY_OATH } from '../../src/content/oath.ts';
import type { Exhibition } from '../../src/content/schema.ts';
import { type KioskController, oathReadingCounter, startKioskController } from '../../src/modes/kiosk/kioskController.ts';
import { createKioskStore, type KioskStore } from '../../src/modes/kiosk/kioskStore.ts';
import {
  addBoardOpen,
  addOathReading,
  addVisit,
  CSV_HEADER,
  emptyStats,
  KioskStatsRecorder,
  oathReadings,
  parseStats,
  STATS_STORAGE_KEY,
  statsToCsv,
  summarizeDays,
} from '../../src/modes/kiosk/stats.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import type { ExhibitionState, OathCeremony } from '../../src/store/types.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';
import { modeOptions } from '../support/modes.ts';

const at = (text: string) => new Date(text).getTime();

/** The oath cut after every comma, each phrase keeping its punctuation: 12 phrases. */
const PHRASES = PARTY_OATH.match(/[^，。]+[，。]/gu) ?? [];

describe('oath readings in the statistics', () => {
  it('are counted per day and per oath panel, and summed in the day summary', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T09:00:00'));
    addOathReading(stats, 'party-oath', at('2025-07-01T09:05:00'));
    addOathReading(stats, 'party-oath', at('2025-07-01T15:00:00'));
    addOathReading(stats, 'oath-2', at('2025-07-01T16:00:00'));
    addOathReading(stats, 'party-oath', at('2025-07-02T10:00:00'));
    expect(stats.days['2025-07-01']).toEqual({
      visits: 1,
      visitSeconds: 0,
      boards: {},
      oaths: { 'party-oath': 2, 'oath-2': 1 },
    });
    expect(stats.days['2025-07-02']?.oaths).toEqual({ 'party-oath': 1 });
    expect(summarizeDays(stats, at('2025-07-02T12:00:00'), 3).map((row) => [row.day, row.oathReadings])).toEqual([
      ['2025-07-02', 1],
      ['2025-07-01', 3],
      ['2025-06-30', 0],
    ]);
  });

  it('a day without readings has no oaths field (the stored form is as before)', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T09:00:00'));
    addBoardOpen(stats, 'a', at('2025-07-01T09:01:00'));
    expect(Object.keys(stats.days['2025-07-01'] ?? {})).toEqual(['visits', 'visitSeconds', 'boards']);
  });

  it('per oath panel over the last days: the exhibition’s oath walls listed even unread, most read first', () => {
    const stats = emptyStats();
    addOathReading(stats, 'party-oath', at('2025-07-01T09:00:00'));
    addOathReading(stats, 'old-oath', at('2025-07-02T09:00:00'));
    addOathReading(stats, 'old-oath', at('2025-07-02T09:10:00'));
    addOathReading(stats, 'party-oath', at('2025-05-01T09:00:00')); // older than 30 days
    const now = at('2025-07-02T12:00:00');
    expect(oathReadings(stats, now, 30, ['party-oath', 'unread-oath'])).toEqual([
      { panelId: 'old-oath', readings: 2 },
      { panelId: 'party-oath', readings: 1 },
      { panelId: 'unread-oath', readings: 0 },
    ]);
    expect(oathReadings(emptyStats(), now)).toEqual([]);
  });
});

describe('stored statistics with and without oath readings', () => {
  it('loads a snapshot saved before oath readings were counted, unchanged, and counts on from it', () => {
    // Exactly what the kiosk stored before this change: no `oaths` anywhere.
    const old = JSON.stringify({
      version: 1,
      days: {
        '2025-06-30': { visits: 4, visitSeconds: 600, boards: { a: { opens: 3, seconds: 90 } } },
        '2025-07-01': { visits: 1, visitSeconds: 20, boards: {} },
      },
    });
    const parsed = parseStats(old);
    expect(JSON.stringify(parsed)).toBe(old);
    expect(summarizeDays(parsed, at('2025-07-01T12:00:00'), 2)).toEqual([
      { day: '2025-07-01', visits: 1, opens: 0, readingSeconds: 0, averageVisitSeconds: 20, oathReadings: 0 },
      { day: '2025-06-30', visits: 4, opens: 3, readingSeconds: 90, averageVisitSeconds: 150, oathReadings: 0 },
    ]);
    expect(statsToCsv(parsed)).not.toContain('誓词');

    const storage = new MemoryStorage();
    storage.setItem(STATS_STORAGE_KEY, old);
    const recorder = new KioskStatsRecorder(storage, () => at('2025-07-01T12:00:00'));
    recorder.visitStarted();
    recorder.oathRead('party-oath');
    const saved = JSON.parse(storage.getItem(STATS_STORAGE_KEY) ?? '{}');
    expect(saved.days['2025-06-30']).toEqual({ visits: 4, visitSeconds: 600, boards: { a: { opens: 3, seconds: 90 } } });
    expect(saved.days['2025-07-01']).toEqual({ visits: 2, visitSeconds: 20, boards: {}, oaths: { 'party-oath': 1 } });
  });

  it('keeps well-formed oath counts and drops the rest', () => {
    const parsed = parseStats(
      JSON.stringify({
        version: 1,
        days: {
          '2025-07-01': { visits: 1, visitSeconds: 5, boards: {}, oaths: { 'party-oath': 3, bad: -1, worse: 'x', nan: null } },
          '2025-07-02': { visits: 1, visitSeconds: 5, boards: {}, oaths: { bad: -2 } },
          '2025-07-03': { visits: 1, visitSeconds: 5, boards: {}, oaths: 'lots' },
        },
      }),
    );
    expect(parsed.days['2025-07-01']?.oaths).toEqual({ 'party-oath': 3 });
    expect(parsed.days['2025-07-02']).toEqual({ visits: 1, visitSeconds: 5, boards: {} });
    expect(parsed.days['2025-07-03']).toEqual({ visits: 1, visitSeconds: 5, boards: {} });
  });
});

describe('KioskStatsRecorder.oathRead', () => {
  it('counts during a visit only, saved at once, and carries on after a reload', () => {
    const storage = new MemoryStorage();
    const now = at('2025-07-01T10:00:00');
    const recorder = new KioskStatsRecorder(storage, () => now);
    recorder.oathRead('party-oath'); // no visit: not counted
    expect(storage.getItem(STATS_STORAGE_KEY)).toBeNull();
    recorder.visitStarted();
    recorder.oathRead('party-oath');
    recorder.oathRead('party-oath');
    recorder.visitEnded();
    recorder.oathRead('party-oath'); // after the visit: not counted
    expect(JSON.parse(storage.getItem(STATS_STORAGE_KEY) ?? '{}').days['2025-07-01'].oaths).toEqual({ 'party-oath': 2 });
    const again = new KioskStatsRecorder(storage, () => now);
    again.visitStarted();
    again.oathRead('party-oath');
    expect(again.snapshot().days['2025-07-01']?.oaths).toEqual({ 'party-oath': 3 });
    again.clear();
    expect(again.snapshot()).toEqual(emptyStats());
  });
});

describe('oath rows in the CSV export', () => {
  it('come after the day’s board rows, as `誓词 oath`, with the count and an empty seconds column', () => {
    const stats = emptyStats();
    addVisit(stats, at('2025-07-01T10:00:00'));
    addBoardOpen(stats, 'party-oath', at('2025-07-01T10:00:10'));
    addOathReading(stats, 'party-oath', at('2025-07-01T10:01:00'));
    addOathReading(stats, 'party-oath', at('2025-07-01T11:01:00'));
    addOathReading(stats, 'another-oath', at('2025-07-01T11:02:00'));
    addOathReading(stats, 'party-oath', at('2025-07-03T09:00:00'));
    const csv = statsToCsv(stats, (id) => ({ 'party-oath': '入党誓词', 'another-oath': '=誓词' })[id] ?? id);
    expect(csv.startsWith('\uFEFF日期 date,类别 kind,展板编号 panel_id')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      CSV_HEADER.join(','),
      '2025-07-01,参观 visits,,,1,0',
      '2025-07-01,展板 board,party-oath,入党誓词,1,0',
      `2025-07-01,誓词 oath,another-oath,"'=誓词",1,`,
      '2025-07-01,誓词 oath,party-oath,入党誓词,2,',
      '2025-07-03,参观 visits,,,0,0',
      '2025-07-03,誓词 oath,party-oath,入党誓词,1,',
      '',
    ]);
    // Every row has the header's six columns.
    for (const line of csv.slice(1).split('\r\n').slice(0, -1)) expect(line.replace(/"[^"]*"/g, 'x').split(',')).toHaveLength(6);
    // The formats the kiosk's e2e test holds the export to are untouched.
    expect(csv).toMatch(/,参观 visits,,,1,\d+\r\n/);
    expect(csv).toContain(',展板 board,party-oath,入党誓词,1,');
  });
});

describe('oathReadingCounter', () => {
  const state = (oath: OathCeremony | null) => ({ oath }) as ExhibitionState;
  const ceremony = (lit: number, panelId = 'party-oath', phrases = 3, round = 0): OathCeremony => ({
    panelId,
    lit,
    phrases,
    round,
  });

  it('says yes once per ceremony, when its last phrase is lit from fewer', () => {
    const counter = oathReadingCounter();
    const feed = (...steps: Array<OathCeremony | null>) => {
      const out: boolean[] = [];
      for (let index = 1; index < steps.length; index++)
        out.push(counter(state(steps[index] ?? null), state(steps[index - 1] ?? null)));
      return out;
    };
    // Opened, read through; back one and on again; back to the start and through again.
    expect(
      feed(null, ceremony(0), ceremony(1), ceremony(2), ceremony(3), ceremony(2), ceremony(3), ceremony(0), ceremony(3)),
    ).toEqual([false, false, false, true, false, false, false, false]);
    // Closed and opened again: a new ceremony, counted again (also when its lit jumps straight to the end).
    expect(feed(ceremony(3), null, ceremony(0), ceremony(3))).toEqual([false, false, true]);
    // Another oath panel is another ceremony.
    expect(feed(ceremony(3), ceremony(0, 'oath-2'), ceremony(3, 'oath-2'))).toEqual([false, true]);
    // 再读一遍 (a new round of the same opening) is another reading.
    expect(feed(ceremony(3), ceremony(0, 'party-oath', 3, 1), ceremony(3, 'party-oath', 3, 1))).toEqual([false, true]);
    // An unchanged oath (another part of the store changed) says nothing.
    const same = ceremony(3, 'oath-3');
    expect(feed(null, same, same)).toEqual([true, false]);
  });

  it('does not count a ceremony left before its last phrase', () => {
    const counter = oathReadingCounter();
    expect(counter(state(ceremony(2)), state(ceremony(1)))).toBe(false);
    expect(counter(state(null), state(ceremony(2)))).toBe(false);
  });
});

describe('the kiosk controller counts oath readings', () => {
  const exhibition: Exhibition = testExhibition(
    [
      testSection('a', 2),
      testSection('oath', [
        testPanel('party-oath', { kind: 'oath', title: { zh: '入党誓词', en: 'The Party Admission Oath' }, phrases: PHRASES }),
        testPanel('second-oath', { kind: 'oath', title: '第二面誓词墙', phrases: PHRASES.slice(0, 3) }),
      ]),
    ],
    { kiosk: { idleSeconds: 60 } },
  );
  let store: ExhibitionStore;
  let kiosk: KioskStore;
  let stats: KioskStatsRecorder;
  let controller: KioskController;
  const settle = () => {
    const goal = store.getState().cameraGoal;
    if (goal) store.getState().cameraSettledAt(goal.seq, goal.kind === 'viewpoint' ? store.getState().focusPanelId : null);
  };
  const readings = () => stats.snapshot().days['2025-07-01']?.oaths ?? {};
  const readThrough = () => {
    for (let index = 0; index < PHRASES.length; index++) store.getState().stepOath(1);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-07-01T10:00:00'));
    store = createExhibitionStore(modeOptions('kiosk'));
    store.getState().contentLoaded(exhibition, []);
    settle();
    kiosk = createKioskStore();
    stats = new KioskStatsRecorder(null);
    controller = startKioskController({
      store,
      kiosk,
      idleSeconds: 60,
      stats,
      inputTarget: new EventTarget(),
      attract: { restMs: 4000 },
    });
    settle();
  });

  afterEach(() => {
    controller.stop();
    vi.useRealTimers();
  });

  it('the shipped oath has 12 phrases, and the store opens its ceremony', () => {
    expect(PHRASES).toHaveLength(12);
    controller.startVisit();
    store.getState().openOath('party-oath');
    expect(store.getState().oath).toEqual({ panelId: 'party-oath', lit: 0, phrases: 12, round: 0 });
  });

  it('counts a ceremony read to its last phrase once, however often the last phrases are stepped over again', () => {
    controller.startVisit();
    store.getState().openOath('party-oath');
    for (let index = 0; index < 11; index++) store.getState().stepOath(1);
    expect(readings()).toEqual({}); // 11 of 12: not yet
    store.getState().stepOath(1);
    expect(store.getState().oath?.lit).toBe(12);
    expect(readings()).toEqual({ 'party-oath': 1 });
    store.getState().stepOath(1); // already all lit: nothing changes
    store.getState().stepOath(-1);
    store.getState().stepOath(1);
    store.getState().setOathLit(0);
    store.getState().setOathLit(12);
    expect(readings()).toEqual({ 'party-oath': 1 });
    // Closed and opened again: another reading.
    store.getState().closeOath();
    store.getState().openOath('party-oath');
    store.getState().setOathLit(12); // a recording's cues may jump
    expect(readings()).toEqual({ 'party-oath': 2 });
    // 再读一遍: the same opening read again is another reading.
    store.getState().restartOath();
    expect(store.getState().oath).toMatchObject({ lit: 0, round: 1 });
    expect(readings()).toEqual({ 'party-oath': 2 });
    for (let index = 0; index < 12; index++) store.getState().stepOath(1);
    expect(readings()).toEqual({ 'party-oath': 3 });
    // Closing the card ends the ceremony too; another oath wall counts on its own.
    store.getState().closePanel();
    store.getState().openOath('second-oath');
    for (let index = 0; index < 3; index++) store.getState().stepOath(1);
    expect(readings()).toEqual({ 'party-oath': 3, 'second-oath': 1 });
    // Its card was opened once (closing the ceremony goes back to the card, which stays open), and
    // that opening counts as any card's does.
    expect(stats.snapshot().days['2025-07-01']?.boards['party-oath']?.opens).toBe(1);
    expect(stats.snapshot().days['2025-07-01']?.boards['second-oath']?.opens).toBe(1);
  });

  it('does not count a ceremony left before the end, nor one outside a visit', () => {
    // The attract loop: no visit yet.
    store.getState().openOath('party-oath');
    readThrough();
    expect(stats.snapshot().days).toEqual({});
    controller.startVisit(); // closes the card, and with it the ceremony
    expect(store.getState().oath).toBeNull();
    store.getState().openOath('party-oath');
    for (let index = 0; index < 6; index++) store.getState().stepOath(1);
    store.getState().closeOath();
    expect(readings()).toEqual({});
    // The admin screen: staff are not visitors.
    controller.openAdmin();
    store.getState().openOath('party-oath');
    readThrough();
    expect(readings()).toEqual({});
  });

  it('the idle reset ends the ceremony: the next visitor’s reading counts again', () => {
    controller.startVisit();
    store.getState().openOath('party-oath');
    readThrough();
    expect(readings()).toEqual({ 'party-oath': 1 });
    vi.advanceTimersByTime(60_000); // nobody touches: the reset
    expect(kiosk.getState().phase).toBe('attract');
    expect(store.getState().oath).toBeNull();
    settle();
    controller.startVisit();
    store.getState().openOath('party-oath');
    readThrough();
    expect(readings()).toEqual({ 'party-oath': 2 });
    expect(stats.snapshot().days['2025-07-01']?.visits).toBe(2);
    expect(summarizeDays(stats.snapshot(), Date.now(), 1)[0]?.oathReadings).toBe(2);
  });
});
