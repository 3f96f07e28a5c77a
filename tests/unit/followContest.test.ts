/**
 * 知识竞赛 on the phone, without a screen: the contest screen before everything else, the
 * server's clock kept from each message, an answer sent with its ack (taken, or refused in words
 * and read again from the server), and a multiple's pick kept over a reload.
 */
import { describe, expect, it } from 'vitest';
import type { LiveContestView, LiveSnapshot, ParticipantWelcome } from '../../src/live/protocol.ts';
import { timeLeft } from '../../src/live/serverClock.ts';
import { contestSelectionKey } from '../../src/modes/follow/followClient.ts';
import {
  currentSelection,
  type FollowState,
  followReducer,
  followScreen,
  initialFollowState,
  ownAnswer,
} from '../../src/modes/follow/followState.ts';
import { type FakeSocket, fakeFollowClient } from '../support/fakeLiveSocket.ts';
import { LIVE_CONTEST_ID, liveContest, liveSnapshot, liveWelcome, liveYou, participantContest } from '../support/liveFixtures.ts';
import { MemoryStorage } from '../support/memoryStorage.ts';

function contestWelcome(contest: Partial<LiveContestView> = {}, snapshot: Partial<LiveSnapshot> = {}): ParticipantWelcome {
  return {
    ...liveWelcome({ contest: liveContest(contest), ...snapshot }),
    you: liveYou(participantContest({ questionId: contest.questionId ?? 'founding-year' })),
  };
}

function joined(welcome: ParticipantWelcome, receivedAt?: number): FollowState {
  const ready = followReducer(initialFollowState('123456'), { type: 'join' });
  return followReducer(ready, { type: 'welcome', welcome, receivedAt });
}

/** A phone joined in a lesson whose contest is on its first question; its clock `phoneAhead` ms ahead of the server's. */
function joinedClient(storage: Storage = new MemoryStorage(), phoneAhead = 0) {
  let phoneNow = 1_000 + phoneAhead;
  const setup = fakeFollowClient('123456', storage, { now: () => phoneNow });
  setup.client.join('');
  const socket = setup.sockets[0] as FakeSocket;
  socket.receive('live:welcome', contestWelcome({}, { serverTime: 1_000 }));
  return {
    ...setup,
    socket,
    setPhoneNow(ms: number) {
      phoneNow = ms;
    },
  };
}

describe('the contest in the follow state', () => {
  it('takes the phone to the contest screen, before a blanked projector and looking around, and back after it', () => {
    const state = joined(contestWelcome({}, { blank: 'black' }));
    expect(followScreen(state)).toBe('contest');
    const looking = followReducer(state, { type: 'follow', following: false });
    expect(followScreen(looking)).toBe('contest');
    const closed = followReducer(looking, { type: 'snapshot', snapshot: liveSnapshot({ seq: 11, contest: null }) });
    expect(followScreen(closed)).toBe('own');
    // Reconnecting, the phone still shows the question (socket.io-client sends the answer on reconnecting).
    expect(followScreen(followReducer(state, { type: 'connection-lost' }))).toBe('contest');
  });

  it('keeps the server’s clock offset from each welcome and snapshot, for the seconds left', () => {
    // The phone's clock is 5 s behind the server's: the server says 1 000 when the phone says −4 000.
    const state = joined(contestWelcome({}, { serverTime: 1_000 }), -4_000);
    expect(state.clockOffset).toBe(5_000);
    // At phone time −4 000 (server 1 000), 19 s are left of the 20 s question, not 24.
    expect(timeLeft(state.snapshot?.contest?.deadline ?? 0, state.clockOffset, -4_000)).toBe(19_000);
    const later = followReducer(state, {
      type: 'snapshot',
      snapshot: liveSnapshot({ seq: 11, serverTime: 3_000, contest: liveContest() }),
      receivedAt: -2_500,
    });
    expect(later.clockOffset).toBe(5_500);
    // A message without an arrival time, or without a server time, leaves the offset as it was.
    const unknown = followReducer(later, {
      type: 'snapshot',
      snapshot: { ...liveSnapshot({ seq: 12, contest: liveContest() }), serverTime: undefined as unknown as number },
      receivedAt: 0,
    });
    expect(unknown.clockOffset).toBe(5_500);
  });

  it('reads the answer off the server first, then what was sent, and only for the question under way', () => {
    let state = joined(contestWelcome());
    expect(ownAnswer(state)).toEqual({ status: 'none', optionIds: [], error: null });
    state = followReducer(state, {
      type: 'answer-sent',
      contestId: LIVE_CONTEST_ID,
      questionId: 'founding-year',
      optionIds: ['b'],
    });
    expect(ownAnswer(state)).toMatchObject({ status: 'sending', optionIds: ['b'] });
    state = followReducer(state, { type: 'answer-refused', questionId: 'founding-year', error: 'too-late' });
    expect(ownAnswer(state)).toEqual({ status: 'refused', optionIds: ['b'], error: 'too-late' });
    // A refusal it may try again after (rate-limited) leaves the question open, the reason said.
    const limited = followReducer(
      followReducer(state, { type: 'answer-sent', contestId: LIVE_CONTEST_ID, questionId: 'founding-year', optionIds: ['a'] }),
      { type: 'answer-refused', questionId: 'founding-year', error: 'rate-limited' },
    );
    expect(ownAnswer(limited)).toEqual({ status: 'none', optionIds: [], error: 'rate-limited' });
    // The server's record wins (an answer sent before a reload).
    const recorded = followReducer(state, { type: 'you', you: liveYou(participantContest({ answer: ['c'] })) });
    expect(ownAnswer(recorded)).toMatchObject({ status: 'answered', optionIds: ['c'] });
    // The next question: what was sent for the last one is nothing to this one.
    const next = followReducer(recorded, {
      type: 'snapshot',
      snapshot: liveSnapshot({ seq: 11, contest: liveContest({ questionId: 'brigade-work', questionIndex: 1 }) }),
    });
    expect(ownAnswer(next).status).toBe('none');
  });
});

describe('answering from the phone’s client', () => {
  it('emits live:answer with the question and options, shows it sending, then takes the server’s `you`', () => {
    const { client, socket } = joinedClient();
    client.answer('founding-year', ['b']);
    expect(socket.emitted.at(-1)).toEqual({
      event: 'live:answer',
      payload: { questionId: 'founding-year', optionIds: ['b'] },
    });
    expect(ownAnswer(client.store.getState()).status).toBe('sending');
    // A second tap while the first is on its way sends nothing.
    client.answer('founding-year', ['c']);
    expect(socket.events().filter((event) => event === 'live:answer')).toHaveLength(1);
    socket.reply('live:answer', { ok: true, you: liveYou(participantContest({ answer: ['b'] })) });
    const state = client.store.getState();
    expect(state.you?.contest?.answer).toEqual(['b']);
    expect(ownAnswer(state)).toEqual({ status: 'answered', optionIds: ['b'], error: null });
  });

  it('says why a refused answer did not count, and reads the server’s state again', () => {
    const { client, socket } = joinedClient();
    client.answer('founding-year', ['a']);
    socket.reply('live:answer', { ok: false, error: 'too-late' });
    expect(ownAnswer(client.store.getState())).toMatchObject({ status: 'refused', error: 'too-late' });
    expect(socket.events().at(-1)).toBe('live:sync');
    // The server's answer to the sync is taken whole: here it shows the question revealed.
    socket.reply('live:sync', contestWelcome({ phase: 'revealed', answer: ['b'] }));
    expect(client.store.getState().snapshot?.contest?.phase).toBe('revealed');
  });

  it('sends an answer again after a reconnect when its reply was lost, and takes already-answered as taken', () => {
    const { client, socket } = joinedClient();
    client.answer('founding-year', ['b']);
    // The Wi-Fi drops before the reply: the reconnect's welcome has no answer from this phone, the question still open.
    socket.receive('disconnect', 'transport close');
    socket.receive('live:welcome', contestWelcome({}, { serverTime: 2_000 }));
    const answers = socket.emitted.filter((emitted) => emitted.event === 'live:answer');
    expect(answers).toEqual([
      { event: 'live:answer', payload: { questionId: 'founding-year', optionIds: ['b'] } },
      { event: 'live:answer', payload: { questionId: 'founding-year', optionIds: ['b'] } },
    ]);
    // The first had arrived after all: the copy is refused as already answered, which means taken.
    socket.reply('live:answer', { ok: false, error: 'already-answered' });
    expect(ownAnswer(client.store.getState()).status).toBe('answered');
    // A welcome that has the answer settles it without sending anything.
    const second = joinedClient();
    second.client.answer('founding-year', ['a']);
    second.socket.receive('live:welcome', {
      ...contestWelcome(),
      you: liveYou(participantContest({ answer: ['a'] })),
    });
    expect(second.socket.events().filter((event) => event === 'live:answer')).toHaveLength(1);
    expect(ownAnswer(second.client.store.getState()).status).toBe('answered');
  });

  it('counts the seconds left on the server’s clock, whatever the phone’s own says', () => {
    // The phone's clock is 60 s ahead of the station's.
    const { client, setPhoneNow } = joinedClient(new MemoryStorage(), 60_000);
    const state = client.store.getState();
    expect(state.clockOffset).toBe(-60_000);
    setPhoneNow(66_000);
    // Phone 66 000 is server 6 000: 14 s of the 20 s question left (not 0, as the phone's clock alone would say).
    expect(timeLeft(state.snapshot?.contest?.deadline ?? 0, state.clockOffset, 66_000)).toBe(14_000);
  });

  it('keeps a multiple’s pick over a reload, per contest and question, and forgets it once sent', () => {
    const storage = new MemoryStorage();
    const first = joinedClient(storage);
    first.socket.receive(
      'live:snapshot',
      liveSnapshot({ seq: 11, serverTime: 2_000, contest: liveContest({ questionId: 'brigade-work', questionIndex: 1 }) }),
    );
    first.client.select(['a', 'c']);
    expect(currentSelection(first.client.store.getState())).toEqual(['a', 'c']);
    expect(storage.getItem(contestSelectionKey(LIVE_CONTEST_ID, 'brigade-work'))).toBe('["a","c"]');

    // A reload: a new client in the same tab, welcomed back on the same question.
    first.client.dispose();
    const reloaded = fakeFollowClient('123456', storage);
    reloaded.client.join('');
    const socket = reloaded.sockets[0] as FakeSocket;
    socket.receive('live:welcome', contestWelcome({ questionId: 'brigade-work', questionIndex: 1 }));
    expect(currentSelection(reloaded.client.store.getState())).toEqual(['a', 'c']);
    // Not another question's.
    socket.receive(
      'live:snapshot',
      liveSnapshot({ seq: 12, contest: liveContest({ questionId: 'oath-judge', questionIndex: 2 }) }),
    );
    expect(currentSelection(reloaded.client.store.getState())).toEqual([]);
    socket.receive(
      'live:snapshot',
      liveSnapshot({ seq: 13, contest: liveContest({ questionId: 'brigade-work', questionIndex: 1 }) }),
    );
    expect(currentSelection(reloaded.client.store.getState())).toEqual(['a', 'c']);

    reloaded.client.answer('brigade-work', ['a', 'c']);
    socket.reply('live:answer', {
      ok: true,
      you: liveYou(participantContest({ questionId: 'brigade-work', answer: ['a', 'c'] })),
    });
    expect(storage.getItem(contestSelectionKey(LIVE_CONTEST_ID, 'brigade-work'))).toBeNull();
  });

  it('survives storage that refuses: the pick lasts as long as the page', () => {
    const storage = new MemoryStorage();
    const { client } = joinedClient(storage);
    storage.failWrites = true;
    client.select(['b']);
    expect(currentSelection(client.store.getState())).toEqual(['b']);
  });

  it('sends nothing without a contest or a connection', () => {
    const { client, sockets } = fakeFollowClient();
    client.answer('founding-year', ['b']);
    expect(sockets).toHaveLength(0);
    expect(client.store.getState().sent).toBeNull();
  });
});
