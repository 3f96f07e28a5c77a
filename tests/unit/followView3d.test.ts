/**
 * The follower's 3D view: which view a phone shows (a card by default, 3D once chosen, kept by the
 * tab, never without WebGL) and where its camera goes (the guide's board while following).
 */
import { describe, expect, it } from 'vitest';
import { guideBoardToShow, guideCameraKey } from '../../src/modes/follow/followCamera.ts';
import { type FollowState, followReducer, initialFollowState } from '../../src/modes/follow/followState.ts';
import { createFollowViewChoice, FOLLOW_VIEW_KEY } from '../../src/modes/follow/followViewChoice.ts';
import { liveWelcome } from '../support/liveFixtures.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

function storageWith(entries: Record<string, string> = {}): MemoryStorage {
  const storage = new MemoryStorage();
  for (const [key, value] of Object.entries(entries)) storage.setItem(key, value);
  return storage;
}

/** Whether a promise has settled by the end of this turn of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('the follower’s choice of view', () => {
  it('is the card at first, and asks for no boards until 3D is chosen', async () => {
    const storage = storageWith();
    const choice = createFollowViewChoice(storage, true);
    expect(choice.available).toBe(true);
    expect(choice.current()).toBe('card');
    expect(await settled(choice.boardsWanted)).toBe(false);
    choice.choose('3d');
    expect(choice.current()).toBe('3d');
    expect(await settled(choice.boardsWanted)).toBe(true);
    expect(storage.getItem(FOLLOW_VIEW_KEY)).toBe('3d');
    choice.choose('card');
    expect(choice.current()).toBe('card');
    expect(storage.getItem(FOLLOW_VIEW_KEY)).toBe('card');
  });

  it('comes back in 3D after a reload of a tab that had chosen it, and wants the boards at once', async () => {
    const choice = createFollowViewChoice(storageWith({ [FOLLOW_VIEW_KEY]: '3d' }), true);
    expect(choice.current()).toBe('3d');
    expect(await settled(choice.boardsWanted)).toBe(true);
  });

  it('never offers 3D where the browser draws no WebGL, whatever the tab remembers', async () => {
    const choice = createFollowViewChoice(storageWith({ [FOLLOW_VIEW_KEY]: '3d' }), false);
    expect(choice.available).toBe(false);
    expect(choice.current()).toBe('card');
    choice.choose('3d');
    expect(choice.current()).toBe('card');
    expect(await settled(choice.boardsWanted)).toBe(false);
  });

  it('works without storage (a private window refuses it), for as long as the page lasts', () => {
    const refusing = storageWith();
    refusing.failReads = true;
    refusing.failWrites = true;
    const choice = createFollowViewChoice(refusing, true);
    expect(choice.current()).toBe('card');
    choice.choose('3d');
    expect(choice.current()).toBe('3d');
    expect(createFollowViewChoice(null, true).current()).toBe('card');
  });
});

const welcome = (panelId: string, following = true, gatherSeq = 0) => liveWelcome({ panelId, gatherSeq }, following);

const live = (panelId: string, following = true, gatherSeq = 0): FollowState =>
  followReducer(followReducer(initialFollowState('123456'), { type: 'join' }), {
    type: 'welcome',
    welcome: welcome(panelId, following, gatherSeq),
  });

describe('the follower’s 3D camera', () => {
  it('shows the guide’s board while the phone follows, and nothing of its own before it has joined', () => {
    expect(guideBoardToShow(initialFollowState('123456'))).toBeNull();
    expect(guideBoardToShow(live('p3'))).toBe('p3');
    // Still the guide's board while the connection comes back.
    expect(guideBoardToShow(followReducer(live('p3'), { type: 'connection-lost' }))).toBe('p3');
  });

  it('is the phone’s own while it looks around (自由参观), and the guide’s again at 回到讲解', () => {
    const looking = followReducer(live('p3'), { type: 'follow', following: false });
    expect(guideBoardToShow(looking)).toBeNull();
    expect(guideCameraKey(looking)).toBeNull();
    const back = followReducer(looking, { type: 'follow', following: true });
    expect(guideBoardToShow(back)).toBe('p3');
  });

  it('goes again at a new stop and at each 集合, not at a snapshot that changes neither', () => {
    const start = live('p3');
    const key = guideCameraKey(start);
    const sameStop = followReducer(start, {
      type: 'snapshot',
      snapshot: { ...welcome('p3').snapshot, seq: 11, participantCount: 2 },
    });
    expect(guideCameraKey(sameStop)).toBe(key);
    const nextStop = followReducer(sameStop, { type: 'snapshot', snapshot: { ...welcome('p4').snapshot, seq: 12 } });
    expect(guideBoardToShow(nextStop)).toBe('p4');
    expect(guideCameraKey(nextStop)).not.toBe(key);
    const gathered = followReducer(nextStop, { type: 'snapshot', snapshot: { ...welcome('p4', true, 1).snapshot, seq: 13 } });
    expect(guideCameraKey(gathered)).not.toBe(guideCameraKey(nextStop));
  });

  it('lets go once the lesson is over for this phone', () => {
    expect(guideBoardToShow(followReducer(live('p3'), { type: 'ended' }))).toBeNull();
    expect(guideBoardToShow(followReducer(live('p3'), { type: 'removed' }))).toBeNull();
  });
});
