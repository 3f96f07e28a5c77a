/**
 * The card's 朗读 (read aloud) button: the panel's recording in the visitor's language, with its
 * captions shown cue by cue, or else the browser's speech synthesis reading the title, summary and
 * body. Only a click starts it. The card mounts one per panel and language, so a new panel, a new
 * language or a closed card unmounts it, and unmounting stops it. Hidden when the browser can do
 * neither (no recording and no speech synthesis).
 */
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../content/localize.ts';
import { narrationFor, narrationScript, speechAllowed, speechLang } from '../content/narration.ts';
import type { Panel } from '../content/schema.ts';
import { t } from '../i18n/strings.ts';

function speechSynthesisAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

/** The installed voice for a language: an exact match (zh-CN) first, then any of the language (zh-TW, en-GB…). */
function voiceFor(lang: Lang): SpeechSynthesisVoice | undefined {
  const wanted = speechLang(lang).toLowerCase();
  const voices = window.speechSynthesis.getVoices();
  const tag = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();
  return voices.find((voice) => tag(voice) === wanted) ?? voices.find((voice) => tag(voice).startsWith(lang));
}

export function Narration({ panel, lang }: { panel: Panel; lang: Lang }) {
  const recording = narrationFor(panel.narration, lang);
  const [speechAvailable] = useState(speechSynthesisAvailable);
  const speech = speechAvailable && speechAllowed(panel);
  const [playing, setPlaying] = useState(false);
  const [caption, setCaption] = useState('');
  const audio = useRef<HTMLAudioElement>(null);
  const speaking = useRef(false);

  const stop = () => {
    const element = audio.current;
    if (element) {
      element.pause();
      element.currentTime = 0;
    }
    // Only cancel what this card started: another page's speech is not ours to stop.
    if (speaking.current) window.speechSynthesis.cancel();
    speaking.current = false;
    setPlaying(false);
    setCaption('');
  };

  // Closing the card or moving to another panel unmounts this: the narration must not go on.
  useEffect(
    () => () => {
      audio.current?.pause();
      if (speaking.current) window.speechSynthesis.cancel();
      speaking.current = false;
    },
    [],
  );

  // Captions: the track stays hidden (the browser draws none on an <audio>); its cues show as text.
  useEffect(() => {
    const track = audio.current?.textTracks[0];
    if (!track) return;
    track.mode = 'hidden';
    const onCueChange = () => {
      const cues = Array.from(track.activeCues ?? []) as VTTCue[];
      setCaption(cues.map((cue) => cue.text).join('\n'));
    };
    track.addEventListener('cuechange', onCueChange);
    return () => track.removeEventListener('cuechange', onCueChange);
  }, []);

  if (!recording && !speech) return null;

  const start = () => {
    if (recording) {
      const element = audio.current;
      if (!element) return;
      setPlaying(true);
      element.play().catch(() => setPlaying(false));
      return;
    }
    const parts = narrationScript(panel, lang);
    if (parts.length === 0) return;
    window.speechSynthesis.cancel();
    speaking.current = true;
    setPlaying(true);
    parts.forEach((part, index) => {
      const utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = speechLang(part.lang);
      const voice = voiceFor(part.lang);
      if (voice) utterance.voice = voice;
      if (index === parts.length - 1) {
        utterance.onend = () => {
          speaking.current = false;
          setPlaying(false);
        };
      }
      window.speechSynthesis.speak(utterance);
    });
  };

  const base = import.meta.env.BASE_URL;
  return (
    <div className="narration">
      <button type="button" className="narration__button" aria-pressed={playing} onClick={playing ? stop : start}>
        <span aria-hidden="true">{playing ? '■' : '▶'}</span> {t(playing ? 'stopReading' : 'readAloud', lang)}
      </button>
      {recording && (
        // biome-ignore lint/a11y/useMediaCaption: the captions track is added below when the content names one
        <audio ref={audio} src={`${base}${recording.src}`} preload="none" onEnded={stop}>
          {recording.captions && (
            <track
              kind="captions"
              src={`${base}${recording.captions}`}
              srcLang={speechLang(lang)}
              label={t('narrationCaptions', lang)}
              default
            />
          )}
        </audio>
      )}
      {recording?.captions && playing && (
        <p className="narration__caption" data-testid="narration-caption">
          {caption}
        </p>
      )}
    </div>
  );
}
