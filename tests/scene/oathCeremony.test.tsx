// @vitest-environment jsdom
/**
 * The oath's ceremony screen (ui/OathCeremony.tsx) with the app's store: a dialog named 重温入党誓词,
 * nothing lit until whoever leads taps the oath or presses Space (← puts a phrase out again), the
 * phrase just lit as the large caption and announced, the English translation under it for an
 * English reader, 誓词诵读完毕 at the end with 再读一遍 (a new round) and 结束 (back to the card). With
 * the station's recording (a fixture with cues) the voice lights each phrase as it reaches it;
 * without one there is no play button, and never a synthetic voice.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useExhibition } from '../../src/store/store.ts';
import OathCeremony from '../../src/ui/OathCeremony.tsx';
import { domRootPerTest } from '../support/domRoot.ts';
import { testExhibition, testPanel, testSection } from '../support/exhibition.ts';

const PHRASES = [
  { zh: '我志愿加入中国共产党，', en: 'It is my will to join the Communist Party of China,' },
  { zh: '拥护党的纲领，', en: "uphold the Party's program," },
  { zh: '永不叛党。', en: 'and never betray the Party.' },
];
const RECORDING = { src: 'audio/oath-fixture.mp3', cues: [0.4, 2.5, 4.2] };

const dom = domRootPerTest(() => {
  act(() => {
    useExhibition.getState().closeOath();
    useExhibition.getState().closePanel();
  });
  vi.restoreAllMocks();
});

function load(withRecording: boolean) {
  const oath = testPanel('party-oath', {
    kind: 'oath',
    title: { zh: '入党誓词', en: 'The Party Admission Oath' },
    phrases: PHRASES,
    ...(withRecording ? { recording: RECORDING } : {}),
  });
  act(() => {
    useExhibition.getState().contentLoaded(testExhibition([{ ...testSection('oath', [oath]), file: 'oath.json' }]), []);
    useExhibition.setState({ lang: 'zh' });
  });
}

beforeEach(() => {
  // jsdom draws no dialogs: showModal/close only toggle `open`, as the real ones do.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

const dialog = () => dom.container.querySelector('dialog') as HTMLDialogElement;
const lit = () => Number(dom.container.querySelector('[data-lit]')?.getAttribute('data-lit'));
const caption = () => dom.container.querySelector('.oath-ceremony__oath-current')?.textContent ?? null;
const button = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(name)) as HTMLButtonElement;
const key = (name: string, target: Element = dialog()) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });

describe('the oath ceremony', () => {
  it('is a dialog named by the rite, with nothing lit until whoever leads begins', () => {
    load(false);
    act(() => dom.root.render(<OathCeremony />));
    expect(dialog().open).toBe(false);
    act(() => useExhibition.getState().openOath('party-oath'));
    expect(dialog().open).toBe(true);
    const title = document.getElementById(dialog().getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('重温入党誓词 · 入党誓词');
    expect(lit()).toBe(0);
    expect(caption()).toBeNull();
    expect(dom.container.querySelector('.oath-ceremony__oath-progress')?.textContent).toBe('点一下屏幕，点亮第一句');
    // The whole oath is there, dim, in Chinese.
    const phrases = [...dom.container.querySelectorAll('.oath-ceremony__oath-phrase')];
    expect(phrases.map((item) => item.textContent)).toEqual(PHRASES.map((phrase) => phrase.zh));
    expect(phrases.every((item) => item.classList.contains('oath-ceremony__oath-phrase--ahead'))).toBe(true);
    // No recording: no play button; no speech synthesis either.
    expect(button('播放')).toBeUndefined();
  });

  it('lights phrase by phrase with a tap or a key, the latest as the announced caption', () => {
    load(false);
    act(() => dom.root.render(<OathCeremony />));
    act(() => useExhibition.getState().openOath('party-oath'));
    const stage = dom.container.querySelector('[data-testid="oath-stage"]') as HTMLElement;
    act(() => stage.click());
    expect(lit()).toBe(1);
    expect(caption()).toBe('我志愿加入中国共产党，');
    expect(dom.container.querySelector('.oath-ceremony__oath-caption')?.getAttribute('aria-live')).toBe('polite');
    expect(dom.container.querySelector('[aria-current="step"]')?.textContent).toBe('我志愿加入中国共产党，');
    key(' ');
    expect(lit()).toBe(2);
    expect(dom.container.querySelector('.oath-ceremony__oath-progress')?.textContent).toBe('第 2 句，共 3 句');
    key('ArrowLeft');
    expect(lit()).toBe(1);
    key('PageDown');
    key('Enter');
    expect(lit()).toBe(3);
    expect(caption()).toBe('永不叛党。');
    // The end: it says so; more taps light nothing more.
    expect(dom.container.querySelector('[role="status"]')?.textContent).toBe('誓词诵读完毕');
    act(() => stage.click());
    expect(lit()).toBe(3);
    // Space on 再读一遍 presses that button, not "next": a new round from the first phrase.
    key(' ', button('再读一遍'));
    expect(lit()).toBe(3);
    act(() => button('再读一遍').click());
    expect(useExhibition.getState().oath).toMatchObject({ lit: 0, round: 1 });
    key('ArrowRight');
    expect(lit()).toBe(1);
  });

  it('shows each phrase’s English under the Chinese caption for an English reader', () => {
    load(false);
    act(() => dom.root.render(<OathCeremony />));
    act(() => {
      useExhibition.setState({ lang: 'en' });
      useExhibition.getState().openOath('party-oath');
      useExhibition.getState().stepOath(1);
    });
    expect(caption()).toBe('我志愿加入中国共产党，');
    expect(dom.container.querySelector('.oath-ceremony__oath-current')?.getAttribute('lang')).toBe('zh-CN');
    expect(dom.container.querySelector('.oath-ceremony__oath-caption-translation')?.textContent).toBe(
      'It is my will to join the Communist Party of China,',
    );
    expect(dom.container.querySelector('.oath-ceremony__title')?.textContent).toBe(
      'Renewing the Party admission oath · The Party Admission Oath',
    );
  });

  it('closes back to the oath’s card with 结束 or Esc', () => {
    load(false);
    act(() => dom.root.render(<OathCeremony />));
    act(() => useExhibition.getState().openOath('party-oath'));
    act(() => useExhibition.getState().setOathLit(3));
    act(() => button('结束').click());
    expect(useExhibition.getState().oath).toBeNull();
    expect(useExhibition.getState().openPanelId).toBe('party-oath');
    expect(dialog().open).toBe(false);
    act(() => useExhibition.getState().openOath('party-oath'));
    act(() => {
      dialog().dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(useExhibition.getState().oath).toBeNull();
  });

  it('plays the station’s recording on request and lights each phrase as the voice reaches its cue', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
    load(true);
    act(() => dom.root.render(<OathCeremony />));
    act(() => useExhibition.getState().openOath('party-oath'));
    const audio = dom.container.querySelector('audio') as HTMLAudioElement;
    expect(audio.getAttribute('src')).toBe(`/${RECORDING.src}`);
    let time = 0;
    Object.defineProperty(audio, 'currentTime', { get: () => time, set: (value: number) => (time = value), configurable: true });
    const playing = (seconds: number) =>
      act(() => {
        time = seconds;
        audio.dispatchEvent(new Event('timeupdate'));
      });

    await act(async () => button('播放领誓录音').click());
    expect(play).toHaveBeenCalledTimes(1);
    expect(button('停止录音').getAttribute('aria-pressed')).toBe('true');
    playing(0.2);
    expect(lit()).toBe(0);
    playing(0.5);
    expect(lit()).toBe(1);
    playing(3);
    expect(lit()).toBe(2);
    expect(caption()).toBe('拥护党的纲领，');
    playing(4.3);
    expect(lit()).toBe(3);
    act(() => {
      audio.dispatchEvent(new Event('ended'));
    });
    expect(button('播放领誓录音').getAttribute('aria-pressed')).toBe('false');
    // Leaving the ceremony stops the voice.
    pause.mockClear();
    act(() => useExhibition.getState().closeOath());
    act(() => dom.root.render(<div />));
    expect(pause).toHaveBeenCalled();
  });
});
