/**
 * The projector and presenter windows in step over a real BroadcastChannel (Node has one): the
 * presenter gets the state on hello and after every change, its commands drive the projector's
 * session, and two lessons on two channels do not drive each other.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPresentSession, type PresentSession } from '../../src/modes/present/presentSession.ts';
import {
  channelName,
  followSession,
  type PresentSnapshot,
  parseMessage,
  publishSession,
  type RemoteStatus,
  type SessionFollower,
} from '../../src/modes/present/presentSync.ts';
import { createExhibitionStore, type ExhibitionStore } from '../../src/store/store.ts';
import { modeOptions } from '../support/modes.ts';
import { LESSON, makeExhibition, QUIZZED, ROOM_QUIZ } from './presentFixtures.ts';

/** Polls until `check` passes (messages cross the channel asynchronously): vitest's own `vi.waitFor`. */
const until = (check: () => void, timeout = 2000) => vi.waitFor(check, { timeout, interval: 5 });

const channels: BroadcastChannel[] = [];
const open = (name: string) => {
  const channel = new BroadcastChannel(name);
  channels.push(channel);
  return channel;
};

let store: ExhibitionStore;
let session: PresentSession;
let stopPublish: () => void;
let follower: SessionFollower;
let received: PresentSnapshot[];
let status: RemoteStatus[];

function presenter(name: string) {
  received = [];
  status = [];
  follower = followSession(
    open(name),
    (snapshot) => received.push(snapshot),
    (next) => status.push(next),
  );
  return follower;
}
const latest = () => received.at(-1);

beforeEach(() => {
  store = createExhibitionStore(modeOptions('present'));
  store.getState().contentLoaded(makeExhibition([LESSON]), []);
  session = createPresentSession({ exhibition: store, tourId: 'lesson', motion: 'cut' });
  stopPublish = publishSession(session, store, open(channelName('lesson-1')));
});

afterEach(() => {
  follower?.dispose();
  session.dispose();
  for (const channel of channels.splice(0)) channel.close();
});

describe('the presenter window', () => {
  it('says hello and gets the current stop at once', async () => {
    presenter(channelName('lesson-1'));
    expect(status).toEqual(['connecting']);
    await until(() => expect(latest()).toMatchObject({ tourId: 'lesson', index: 0, count: 4, blank: 'none', lang: 'zh' }));
    expect(status.at(-1)).toBe('connected');
  });

  it('follows every change the projector makes (keys pressed there)', async () => {
    presenter(channelName('lesson-1'));
    await until(() => expect(latest()?.index).toBe(0));
    session.run('next');
    await until(() => expect(latest()?.index).toBe(1));
    session.run('black');
    await until(() => expect(latest()?.blank).toBe('black'));
    store.getState().toggleLang();
    await until(() => expect(latest()?.lang).toBe('en'));
  });

  it('drives the projector with its own keys, and sees the result', async () => {
    const remote = presenter(channelName('lesson-1'));
    await until(() => expect(latest()).toBeDefined());
    remote.send('next');
    remote.send('next');
    await until(() => expect(session.store.getState().index).toBe(2));
    expect(store.getState().openPanelId).toBe('b2');
    await until(() => expect(latest()?.index).toBe(2));
    remote.send('previous');
    await until(() => expect(latest()?.index).toBe(1));
    remote.send('black');
    await until(() => expect(session.store.getState().blank).toBe('black'));
    remote.send('escape');
    await until(() => expect(latest()?.blank).toBe('none'));
    remote.goTo(3);
    await until(() => expect(store.getState().openPanelId).toBe('c4'));
    remote.send('last');
    remote.send('first');
    await until(() => expect(latest()?.index).toBe(0));
  });

  it('hears when the projector window goes away', async () => {
    presenter(channelName('lesson-1'));
    await until(() => expect(status.at(-1)).toBe('connected'));
    stopPublish();
    await until(() => expect(status.at(-1)).toBe('closed'));
  });

  it('another lesson on another channel is not driven', async () => {
    const otherStore = createExhibitionStore(modeOptions('present'));
    otherStore.getState().contentLoaded(makeExhibition([LESSON]), []);
    const other = createPresentSession({ exhibition: otherStore, tourId: 'lesson', motion: 'cut' });
    publishSession(other, otherStore, open(channelName('lesson-2')));
    const remote = presenter(channelName('lesson-1'));
    await until(() => expect(latest()).toBeDefined());
    remote.send('next');
    await until(() => expect(session.store.getState().index).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other.store.getState().index).toBe(0);
    other.dispose();
  });
});

describe('the room quiz in the presenter window', () => {
  it('gets the quiz with its answers as the projector runs it, and drives it with its keys', async () => {
    const quizStore = createExhibitionStore(modeOptions('present'));
    quizStore.getState().contentLoaded(makeExhibition([QUIZZED]), []);
    const projector = createPresentSession({
      exhibition: quizStore,
      tourId: 'quizzed',
      motion: 'cut',
      loadQuiz: async () => ROOM_QUIZ,
    });
    const stop = publishSession(projector, quizStore, open(channelName('quiz-1')));
    const remote = presenter(channelName('quiz-1'));
    await until(() => expect(latest()?.quizId).toBe('room'));
    remote.send('quiz');
    await until(() => expect(latest()?.quiz?.status).toBe('ready'));
    remote.send('next');
    // The presenter has the question's answer and explanation while the room is still answering.
    await until(() => {
      const slot = latest()?.quiz;
      expect(slot?.status === 'ready' && slot.run.phase).toBe('answering');
      const question = slot?.status === 'ready' ? slot.run.quiz.questions[slot.run.index] : undefined;
      expect(question?.answer).toEqual(['b']);
      expect(question?.explanation).toEqual(ROOM_QUIZ.questions[0]?.explanation);
      expect(slot?.status === 'ready' && slot.run.countdown?.totalMs).toBe(20_000);
    });
    remote.send('pause');
    await until(() => {
      const slot = latest()?.quiz;
      expect(slot?.status === 'ready' && slot.run.paused).toBe(true);
    });
    remote.send('next');
    await until(() => {
      const slot = latest()?.quiz;
      expect(slot?.status === 'ready' && slot.run.phase).toBe('revealed');
    });
    stop();
    projector.dispose();
  });
});

describe('parseMessage', () => {
  it('accepts the known messages', () => {
    expect(parseMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(parseMessage({ type: 'command', command: 'next' })).toEqual({ type: 'command', command: 'next' });
    expect(parseMessage({ type: 'goto', index: 3 })).toEqual({ type: 'goto', index: 3 });
    expect(parseMessage({ type: 'command', command: 'quiz' })).toEqual({ type: 'command', command: 'quiz' });
    const loading = { index: 0, tourId: 'quizzed', quizId: 'room', quiz: { status: 'loading', quizId: 'room' } };
    expect(parseMessage({ type: 'state', snapshot: loading })).toEqual({ type: 'state', snapshot: loading });
  });

  it('ignores anything else', () => {
    for (const junk of [
      null,
      'next',
      { type: 'command', command: 'reload' },
      { type: 'goto', index: 1.5 },
      { type: 'goto', index: '2' },
      { type: 'state' },
      { type: 'state', snapshot: { index: 'x' } },
      // A room quiz that is not well-formed spoils the whole state.
      { type: 'state', snapshot: { index: 0, tourId: 'lesson', quizId: null, quiz: { status: 'ready', quizId: 'room' } } },
      {
        type: 'state',
        snapshot: {
          index: 0,
          tourId: 'lesson',
          quizId: 'room',
          quiz: { status: 'ready', quizId: 'room', run: { quiz: { id: 'room', title: 't', questions: 'none' } } },
        },
      },
      { type: 'state', snapshot: { index: 0, tourId: 'lesson', quizId: 7, quiz: null } },
      { type: 'eval' },
    ]) {
      expect(parseMessage(junk), JSON.stringify(junk)).toBeNull();
    }
  });
});
