/**
 * The presence heartbeat (src/modes/curate/presenceHeartbeat.ts) on fake timers: a beat at once
 * and every PRESENCE_BEAT_MS (a third of the time-to-live), at once again when the open panel
 * changes; none while the page is hidden; stopped (letting the panel go) on dispose; the others
 * told only when they change, a late answer to an older beat ignored, and forgotten once the
 * station has been silent past the time-to-live. Also the client's request and the names' wording.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_BEAT_MS, PRESENCE_TTL_MS, type PresenceEntry } from '../../src/live/curateDraftProtocol.ts';
import { type CurateAnswer, createCurateApi } from '../../src/modes/curate/curateClient.ts';
import { editorsByPanel, joinNames, startPresenceHeartbeat } from '../../src/modes/curate/presenceHeartbeat.ts';

type Answer = CurateAnswer<{ ok: true; others: PresenceEntry[] }>;

const entry = (accountId: string, displayName: string, panelId: string | null, seenAt = 0): PresenceEntry => ({
  accountId,
  displayName,
  panelId,
  seenAt,
});

/** A page whose visibility a test changes, firing visibilitychange as a browser does. */
function fakeDocument() {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: vi.fn((type: string, listener: () => void) => {
      if (type === 'visibilitychange') listeners.add(listener);
    }),
    removeEventListener: vi.fn((type: string, listener: () => void) => {
      if (type === 'visibilitychange') listeners.delete(listener);
    }),
  };
  const show = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    for (const listener of listeners) listener();
  };
  return { doc: doc as unknown as Document, show, listeners };
}

let clock = 0;
let others: PresenceEntry[] = [];
let answerWith: (panelId: string | null) => Answer;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  others = [];
  answerWith = () => ({ ok: true, others });
});
afterEach(() => {
  vi.useRealTimers();
});

function start(panelId: string | null, page = fakeDocument()) {
  const send = vi.fn(async (id: string | null) => answerWith(id));
  const told = vi.fn();
  const heartbeat = startPresenceHeartbeat({ send, onOthers: told, doc: page.doc, now: () => clock }, panelId);
  return { send, told, heartbeat, page };
}
/** Time passing, the answers arriving. */
async function pass(ms: number) {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}
const beats = (send: ReturnType<typeof vi.fn>) => send.mock.calls.map(([panelId]) => panelId);

describe('the heartbeat', () => {
  it('beats at once and every third of the time-to-live, with the panel open', async () => {
    expect(PRESENCE_BEAT_MS * 3).toBe(PRESENCE_TTL_MS);
    const { send, heartbeat } = start('p1');
    expect(beats(send)).toEqual(['p1']);
    await pass(PRESENCE_BEAT_MS - 1);
    expect(beats(send)).toEqual(['p1']);
    await pass(1);
    expect(beats(send)).toEqual(['p1', 'p1']);
    await pass(PRESENCE_BEAT_MS * 2);
    expect(beats(send)).toHaveLength(4);
    heartbeat.dispose();
  });

  it('says a new panel at once, and beats a whole interval after it; the same panel again says nothing', async () => {
    const { send, heartbeat } = start(null);
    await pass(4_000);
    heartbeat.open('p2');
    expect(beats(send)).toEqual([null, 'p2']);
    heartbeat.open('p2');
    expect(beats(send)).toEqual([null, 'p2']);
    // Not at the old rhythm (10 s from the start), but 10 s after the change.
    await pass(PRESENCE_BEAT_MS - 1);
    expect(beats(send)).toEqual([null, 'p2']);
    await pass(1);
    expect(beats(send)).toEqual([null, 'p2', 'p2']);
    heartbeat.open(null);
    expect(beats(send)).toEqual([null, 'p2', 'p2', null]);
    heartbeat.dispose();
  });

  it('says nothing while the page is hidden, and at once when it is shown again', async () => {
    const page = fakeDocument();
    const { send, heartbeat } = start('p1', page);
    page.show('hidden');
    await pass(PRESENCE_BEAT_MS * 5);
    expect(beats(send)).toEqual(['p1']);
    // A panel opened while hidden (a script, a restore) waits for the page to be shown.
    heartbeat.open('p3');
    expect(beats(send)).toEqual(['p1']);
    page.show('visible');
    expect(beats(send)).toEqual(['p1', 'p3']);
    await pass(PRESENCE_BEAT_MS);
    expect(beats(send)).toEqual(['p1', 'p3', 'p3']);
    heartbeat.dispose();
  });

  it('starting hidden, it waits to be shown', async () => {
    const page = fakeDocument();
    page.show('hidden');
    const { send, heartbeat } = start('p1', page);
    await pass(PRESENCE_BEAT_MS * 2);
    expect(send).not.toHaveBeenCalled();
    page.show('visible');
    expect(beats(send)).toEqual(['p1']);
    heartbeat.dispose();
  });

  it('dispose lets the open panel go with a last beat, then stops for good', async () => {
    const { send, told, heartbeat, page } = start('p1');
    await pass(0);
    heartbeat.dispose();
    expect(beats(send)).toEqual(['p1', null]);
    expect(page.listeners.size).toBe(0);
    others = [entry('b', '李华', 'p1')];
    await pass(PRESENCE_BEAT_MS * 3);
    page.show('visible');
    heartbeat.open('p2');
    expect(beats(send)).toEqual(['p1', null]);
    // The last beat's answer reaches nobody.
    expect(told).not.toHaveBeenCalled();
  });

  it('dispose with no panel open sends nothing more', async () => {
    const { send, heartbeat } = start(null);
    heartbeat.dispose();
    await pass(PRESENCE_BEAT_MS);
    expect(beats(send)).toEqual([null]);
  });
});

describe('the others', () => {
  it('are told when someone comes, moves or goes; not on every beat', async () => {
    others = [entry('a', '张三', 'p1', 0)];
    const { told, heartbeat } = start('p1');
    await pass(0);
    expect(told.mock.calls).toEqual([[[entry('a', '张三', 'p1', 0)]]]);
    // Heard again, only later: nothing new to show.
    others = [entry('a', '张三', 'p1', 10_000)];
    await pass(PRESENCE_BEAT_MS);
    expect(told).toHaveBeenCalledTimes(1);
    others = [entry('a', '张三', 'p2', 20_000)];
    await pass(PRESENCE_BEAT_MS);
    expect(told).toHaveBeenLastCalledWith([entry('a', '张三', 'p2', 20_000)]);
    others = [];
    await pass(PRESENCE_BEAT_MS);
    expect(told).toHaveBeenLastCalledWith([]);
    expect(told).toHaveBeenCalledTimes(3);
    heartbeat.dispose();
  });

  it('a late answer to an older beat does not undo a newer one', async () => {
    const pending: Array<(answer: Answer) => void> = [];
    const page = fakeDocument();
    const send = vi.fn((_panelId: string | null) => new Promise<Answer>((done) => pending.push(done)));
    const told = vi.fn();
    const heartbeat = startPresenceHeartbeat({ send, onOthers: told, doc: page.doc, now: () => clock }, 'p1');
    heartbeat.open('p2');
    const [first, second] = pending;
    second?.({ ok: true, others: [entry('a', '张三', 'p2')] });
    await pass(0);
    first?.({ ok: true, others: [] });
    await pass(0);
    expect(told.mock.calls).toEqual([[[entry('a', '张三', 'p2')]]]);
    heartbeat.dispose();
  });

  it('kept through a short silence of the station, forgotten past the time-to-live', async () => {
    others = [entry('a', '张三', 'p1')];
    const { told, heartbeat } = start('p1');
    await pass(0);
    answerWith = () => ({ ok: false, error: 'offline' });
    await pass(PRESENCE_BEAT_MS * 3);
    // 30 s without an answer: still within the time-to-live.
    expect(told).toHaveBeenCalledTimes(1);
    await pass(PRESENCE_BEAT_MS);
    expect(told).toHaveBeenLastCalledWith([]);
    answerWith = () => ({ ok: true, others });
    await pass(PRESENCE_BEAT_MS);
    expect(told).toHaveBeenLastCalledWith([entry('a', '张三', 'p1')]);
    heartbeat.dispose();
  });
});

describe('the names', () => {
  it('by panel, each name once, in the server’s order; the list’s own visitors left out', () => {
    const byPanel = editorsByPanel([
      entry('a', '张三', 'p1'),
      entry('b', '李华', 'p1'),
      entry('c', '王芳', null),
      entry('d', '张三', 'p1'),
      entry('e', '赵六', 'p2'),
    ]);
    expect([...byPanel]).toEqual([
      ['p1', ['张三', '李华']],
      ['p2', ['赵六']],
    ]);
  });

  it('joined as each language says a list', () => {
    expect(joinNames(['张三'], 'zh')).toBe('张三');
    expect(joinNames(['张三', '李华'], 'zh')).toBe('张三和李华');
    expect(joinNames(['张三', '李华', '王芳'], 'zh')).toBe('张三、李华和王芳');
    expect(joinNames(['Zhang San', 'Li Hua', 'Wang Fang'], 'en')).toBe('Zhang San, Li Hua, and Wang Fang');
  });
});

describe('the client', () => {
  it('posts the open panel to draft/presence and answers the others', async () => {
    const fetch = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ ok: true, others: [entry('a', '张三', 'p1')] }), {
          headers: { 'content-type': 'application/json' },
        }),
    );
    const api = createCurateApi({ fetch });
    expect(await api.presence('p1')).toEqual({ ok: true, others: [entry('a', '张三', 'p1')] });
    expect(await api.presence(null)).toMatchObject({ ok: true });
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method, init?.body])).toEqual([
      ['api/curate/draft/presence', 'POST', JSON.stringify({ panelId: 'p1' })],
      ['api/curate/draft/presence', 'POST', JSON.stringify({ panelId: null })],
    ]);
  });
});
