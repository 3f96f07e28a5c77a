/**
 * What the card's 朗读 (read aloud) button plays: a panel's recording in the visitor's language,
 * or else the text the browser's speech synthesis reads. Pure: the player is src/ui/Narration.tsx.
 */
import { LANGS, type Lang, localize } from './localize.ts';
import type { LocalizedString, Narration, NarrationFile, Panel } from './schema.ts';

/**
 * The recording to play in a language: a single recording is the Chinese one; a language without
 * its own recording gets none (the browser's speech synthesis reads the text in that language).
 */
export function narrationFor(narration: Narration | undefined, lang: Lang): NarrationFile | undefined {
  if (!narration) return undefined;
  if ('src' in narration) return lang === 'zh' ? narration : undefined;
  return narration[lang];
}

/** Every recording and captions file a narration names, with its JSON path below `narration`. */
export function narrationFiles(narration: Narration | undefined): Array<{ src: string; path: string[] }> {
  if (!narration) return [];
  const entries: Array<[string[], NarrationFile]> =
    'src' in narration
      ? [[[], narration]]
      : LANGS.flatMap((lang): Array<[string[], NarrationFile]> => {
          const file = narration[lang];
          return file ? [[[lang], file]] : [];
        });
  return entries.flatMap(([prefix, file]) => [
    { src: file.src, path: [...prefix, 'src'] },
    ...(file.captions ? [{ src: file.captions, path: [...prefix, 'captions'] }] : []),
  ]);
}

/** One stretch of speech, in the language its text is really in. */
export interface SpokenPart {
  text: string;
  lang: Lang;
}

/** A text as read in a language: English when it has English, else its Chinese, read as Chinese. */
function spoken(text: LocalizedString | undefined, lang: Lang): SpokenPart | null {
  const content = localize(text, lang);
  if (!content) return null;
  const hasEnglish = typeof text === 'object' && text.en !== undefined;
  return { text: content, lang: lang === 'en' && hasEnglish ? 'en' : 'zh' };
}

/**
 * What speech synthesis reads for a panel: its title, summary and body paragraphs, one part each
 * (long single utterances are cut off by some browsers), each in the language it is written in.
 */
export function narrationScript(panel: Panel, lang: Lang): SpokenPart[] {
  return [panel.title, panel.summary, ...panel.body]
    .map((text) => spoken(text, lang))
    .filter((part): part is SpokenPart => part !== null);
}

/**
 * Whether the browser's speech synthesis may read a panel. Never the oath: it is a rite, spoken
 * by the people renewing it, and only a recording the station supplies may sound with it.
 */
export function speechAllowed(panel: Panel): boolean {
  return panel.kind !== 'oath';
}

/** The BCP 47 tag a speech voice is chosen by. */
export function speechLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
