/**
 * The 重温入党誓词 ceremony (#/oath/<id>): the oath over the whole screen, lit phrase by phrase
 * at the pace of whoever leads — a tap anywhere on it, or Space, Enter, → or a clicker's
 * PageDown; ← or PageUp puts the last phrase out again. No synthetic voice ever reads it: when
 * the station supplies a recording (a real voice), it plays on request and, with its cues, lights
 * each phrase as the voice reaches it. Read to the end, it says so and offers another reading.
 * The store holds how far it has got (`oath`), so the kiosk can count the readings.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { allPanels } from '../content/load.ts';
import { localize } from '../content/localize.ts';
import { litAtTime } from '../content/oath.ts';
import { oathText } from '../i18n/oathStrings.ts';
import { actionForKey } from '../input/keymap.ts';
import { useExhibition } from '../store/store.ts';
import { CloseButton } from './CloseButton.tsx';
import { OathCaptions, type OathPanel } from './OathCaptions.tsx';
import { useModalDialog } from './useModalDialog.ts';

export default function OathCeremony() {
  const oath = useExhibition((state) => state.oath);
  const exhibition = useExhibition((state) => state.exhibition);
  const lang = useExhibition((state) => state.lang);
  // A touch-only screen (the kiosk) has no Space bar to mention.
  const touchOnly = useExhibition((state) => state.capabilities.input === 'touch');
  const titleId = useId();
  const audio = useRef<HTMLAudioElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const againButton = useRef<HTMLButtonElement>(null);
  const [playing, setPlaying] = useState(false);

  const found = oath && exhibition ? allPanels(exhibition).find((panel) => panel.id === oath.panelId) : undefined;
  const panel = found?.kind === 'oath' ? (found as OathPanel) : undefined;
  const recording = panel?.recording;
  const cues = recording?.cues;
  const lit = oath?.lit ?? 0;
  const total = panel?.phrases.length ?? 0;
  const done = panel !== undefined && lit >= total;

  const { stepOath, setOathLit, restartOath, closeOath } = useExhibition.getState();
  const dialog = useModalDialog({
    open: panel !== undefined,
    onClose: closeOath,
    // Whoever leads starts on 下一句, so Space or Enter lights the first phrase at once.
    onOpened: () => nextButton.current?.focus(),
    restoreFocus(previous) {
      if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
    },
  });

  const stopRecording = () => {
    const element = audio.current;
    if (element) {
      element.pause();
      element.currentTime = 0;
    }
    setPlaying(false);
  };
  // The focus stays in the ceremony as its buttons change: a focused button that goes (下一句 at
  // the end, 再读一遍 on a new round) would leave it on the page behind, and the keys with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round changes the buttons too
  useEffect(() => {
    if (!panel || dialog.ref.current?.contains(document.activeElement)) return;
    (done ? againButton.current : nextButton.current)?.focus();
  }, [done, oath?.round]);

  // The recording never plays on after the ceremony (or this oath) is left. The element is held
  // here: by the time the cleanup runs, React has already let go of the ref.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new oath panel is a new recording
  useEffect(() => {
    const element = audio.current;
    return () => {
      element?.pause();
      setPlaying(false);
    };
  }, [panel?.id]);

  const playRecording = () => {
    const element = audio.current;
    if (!element) return;
    // With cues the voice leads from the first phrase; without them whoever leads still lights each.
    if (cues) {
      element.currentTime = 0;
      setOathLit(0);
    }
    setPlaying(true);
    element.play().catch(() => setPlaying(false));
  };
  const onTimeUpdate = () => {
    const element = audio.current;
    if (element && cues) setOathLit(litAtTime(cues, element.currentTime));
  };

  const next = () => {
    if (!done) stepOath(1);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const action = actionForKey('oath', event.key);
    if (!action) return;
    // Space and Enter on a button press that button (再读一遍, 结束), not the ceremony's next.
    if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
    switch (action) {
      case 'oathNext':
        event.preventDefault();
        next();
        break;
      case 'oathPrevious':
        event.preventDefault();
        stepOath(-1);
        break;
      case 'oathRestart':
        event.preventDefault();
        restartOath();
        break;
      default:
        break; // Esc: the dialog's own cancel closes it
    }
  };

  const base = import.meta.env.BASE_URL;
  return (
    <dialog ref={dialog.ref} className="oath-ceremony" aria-labelledby={titleId} onCancel={dialog.onCancel} onKeyDown={onKeyDown}>
      {panel && (
        <div className="oath-ceremony__frame" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          <header className="oath-ceremony__header">
            <h2 id={titleId} className="oath-ceremony__title">
              {oathText('oathCeremony', lang)} · {localize(panel.title, lang)}
            </h2>
            <p className="oath-ceremony__lead">{oathText(touchOnly ? 'oathLeadTouch' : 'oathLead', lang)}</p>
            <CloseButton className="oath-ceremony__close" onClick={closeOath} label={oathText('close', lang)} />
          </header>
          {/* A tap anywhere on the oath lights the next phrase (the keys and the 下一句 button do the same). */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the dialog's keys (Space, Enter, →, PageDown) do what a tap does */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the tap target is the whole oath, as on the wall itself */}
          <div className="oath-ceremony__stage" data-testid="oath-stage" onClick={next}>
            <OathCaptions panel={panel} lit={lit} lang={lang} block="oath-ceremony" startHint={oathText('oathStart', lang)} />
          </div>
          <footer className="oath-ceremony__footer">
            {done ? (
              <>
                <p className="oath-ceremony__done" role="status">
                  {oathText('oathDone', lang)}
                </p>
                <button type="button" ref={againButton} onClick={restartOath}>
                  {oathText('oathAgain', lang)}
                </button>
                <button type="button" onClick={closeOath}>
                  {oathText('oathFinish', lang)}
                </button>
              </>
            ) : (
              <>
                <button type="button" onClick={() => stepOath(-1)} disabled={lit <= 0}>
                  ← {oathText('oathPreviousPhrase', lang)}
                </button>
                <button type="button" ref={nextButton} className="oath-ceremony__next" onClick={next}>
                  {oathText('oathNextPhrase', lang)} →
                </button>
              </>
            )}
            {recording && (
              <button type="button" aria-pressed={playing} onClick={playing ? stopRecording : playRecording}>
                <span aria-hidden="true">{playing ? '■' : '▶'}</span>{' '}
                {oathText(playing ? 'oathStopRecording' : 'oathPlayRecording', lang)}
              </button>
            )}
          </footer>
          {recording && (
            // biome-ignore lint/a11y/useMediaCaption: the oath's own phrases are the captions, lit as the voice reaches them
            <audio
              ref={audio}
              src={`${base}${recording.src}`}
              preload="none"
              onTimeUpdate={onTimeUpdate}
              onEnded={() => {
                setPlaying(false);
                if (cues) setOathLit(total);
              }}
            />
          )}
        </div>
      )}
    </dialog>
  );
}
