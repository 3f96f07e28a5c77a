/** Who has which panel open: heard within the time-to-live, gone after it or when forgotten. */
import { describe, expect, it } from 'vitest';
import { CuratorPresence } from '../../src/server/curate/presence.ts';

describe('curator presence', () => {
  it('answers the others heard from lately, sorted by name, and drops the silent ones', () => {
    let now = 0;
    const presence = new CuratorPresence(() => now, 30_000);
    presence.beat('a', '王芳', 'p1');
    now = 10_000;
    expect(presence.beat('b', '李华', 'p1')).toEqual([{ accountId: 'a', displayName: '王芳', panelId: 'p1', seenAt: 0 }]);
    now = 35_000;
    // 王芳 has not been heard from for 35 s: gone.
    expect(presence.beat('b', '李华', 'p2')).toEqual([]);
    presence.beat('c', '张三', null);
    expect(presence.beat('b', '李华', 'p2').map((entry) => entry.displayName)).toEqual(['张三']);
    presence.forget('c');
    expect(presence.beat('b', '李华', 'p2')).toEqual([]);
  });
});
