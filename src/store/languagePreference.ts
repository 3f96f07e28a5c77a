/**
 * The visitor's chosen language, kept across reloads (localStorage) for the visitor and the
 * projector modes. The lobby kiosk neither reads nor writes it: every kiosk visit starts in
 * Chinese (and the kiosk resets to Chinese when idle), whatever an earlier visitor chose.
 *
 * Storage may be missing or throw (a private window, storage disabled, a full quota): then the
 * language is simply not remembered.
 */
import type { Lang } from '../content/localize.ts';
import type { ModeCapabilities } from './types.ts';

export const LANGUAGE_KEY = 'dangshi.visitor.lang';

/** The part of Web Storage used here, so tests can pass a stand-in. */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readStoredLanguage(storage: LanguageStorage | null): Lang | null {
  try {
    const stored = storage?.getItem(LANGUAGE_KEY);
    return stored === 'zh' || stored === 'en' ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(storage: LanguageStorage | null, lang: Lang): void {
  try {
    storage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Not remembered: the visit goes on in the chosen language all the same.
  }
}

/** Whether the mode keeps the visitor's language: its declared capability (not the kiosk, a shared screen). */
type LanguageMemory = Pick<ModeCapabilities, 'remembersLanguage'>;

/** The language a page starts in: the remembered one where the mode keeps it, else Chinese. */
export function startLanguage(capabilities: LanguageMemory, storage: LanguageStorage | null): Lang {
  return (capabilities.remembersLanguage ? readStoredLanguage(storage) : null) ?? 'zh';
}

interface LanguageState {
  lang: Lang;
  capabilities: LanguageMemory;
}

interface LanguageSource {
  subscribe(listener: (state: LanguageState, previous: LanguageState) => void): () => void;
}

/** Writes every change of language to storage (in the modes that keep it). Returns the unsubscribe. */
export function rememberLanguage(store: LanguageSource, storage: LanguageStorage | null): () => void {
  return store.subscribe((state, previous) => {
    if (state.lang !== previous.lang && state.capabilities.remembersLanguage) storeLanguage(storage, state.lang);
  });
}
