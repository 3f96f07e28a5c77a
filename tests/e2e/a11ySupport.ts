/**
 * Helpers for the accessibility end-to-end tests: axe-core injected from node_modules (never a
 * CDN) and a recording stand-in for the browser's speech synthesis.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page (or the part `include` selects) and returns the serious and critical
 * violations, each with the elements it found them on, for a readable assertion message.
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  // Evaluated, not added as a <script>: the built page's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    // A screen fading in (the quiz's feedback: 0.25 s) is not yet at its colours: axe would judge
    // the contrast of a half-transparent text. Let every finite animation and transition end first.
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time, without types in the page.
    const axe = (window as any).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return (result.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>)
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
  }, include);
}

declare global {
  interface Window {
    /** What the stand-in speech synthesis was asked to say, and how often it was cancelled. */
    __speech?: { spoken: Array<{ text: string; lang: string; voice: string }>; cancels: number };
  }
}

/**
 * Replaces `speechSynthesis` (and its utterances) with a recorder before the page's scripts run:
 * `speak()` records the text, language and voice and "finishes" a minute later; `cancel()` is counted.
 */
export async function stubSpeechSynthesis(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { spoken: [] as Array<{ text: string; lang: string; voice: string }>, cancels: 0 };
    window.__speech = record;
    const voices = [
      { lang: 'zh-CN', name: 'Stub Chinese', default: false, localService: true, voiceURI: 'stub-zh' },
      { lang: 'en-GB', name: 'Stub English', default: true, localService: true, voiceURI: 'stub-en' },
    ];
    // A plain stand-in: the real utterance only takes real voices, which a headless browser has none of.
    class StubUtterance {
      text: string;
      lang = '';
      voice: { lang: string; name: string } | null = null;
      onend: ((event: Event) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak(utterance: StubUtterance) {
        record.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? '' });
        // Speech takes a while: long enough that a test sees the narration still going, even on slow CPU frames.
        setTimeout(() => utterance.onend?.(new Event('end')), 60_000);
      },
      cancel() {
        record.cancels++;
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StubUtterance, configurable: true });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  });
}
