/**
 * The visitor's language across reloads: remembered in storage by the visitor and projector
 * modes, ignored by the kiosk (every lobby visit starts in Chinese), and storage that throws or
 * holds rubbish changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { MODES } from '../../src/modes/registry.ts';
import {
  LANGUAGE_KEY,
  type LanguageStorage,
  readStoredLanguage,
  rememberLanguage,
  startLanguage,
  storeLanguage,
} from '../../src/store/languagePreference.ts';
import { createExhibitionStore } from '../../src/store/store.ts';
import type { Mode } from '../../src/store/types.ts';
import { modeOptions } from '../support/modes.ts';

function memoryStorage(initial: Record<string, string> = {}): LanguageStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value));
    },
  };
}

/** Storage that a privacy mode or a full quota makes throw on every use. */
const throwingStorage: LanguageStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('the remembered language', () => {
  it('reads back what was stored, and only a known language', () => {
    const storage = memoryStorage();
    expect(readStoredLanguage(storage)).toBeNull();
    storeLanguage(storage, 'en');
    expect(storage.items.get(LANGUAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
    expect(readStoredLanguage(memoryStorage({ [LANGUAGE_KEY]: 'fr' }))).toBeNull();
    expect(readStoredLanguage(null)).toBeNull();
  });

  it('survives storage that throws: nothing is remembered, nothing breaks', () => {
    expect(readStoredLanguage(throwingStorage)).toBeNull();
    expect(() => storeLanguage(throwingStorage, 'en')).not.toThrow();
    expect(startLanguage(MODES.visitor.capabilities, throwingStorage)).toBe('zh');
  });

  it('starts the visitor and the projector in the remembered language, the kiosk always in Chinese', () => {
    const storage = memoryStorage({ [LANGUAGE_KEY]: 'en' });
    expect(startLanguage(MODES.visitor.capabilities, storage)).toBe('en');
    expect(startLanguage(MODES.present.capabilities, storage)).toBe('en');
    expect(startLanguage(MODES.kiosk.capabilities, storage)).toBe('zh');
    expect(startLanguage(MODES.visitor.capabilities, memoryStorage())).toBe('zh');
  });

  it('writes each change of the store’s language, until unsubscribed', () => {
    const storage = memoryStorage();
    const store = createExhibitionStore(modeOptions('visitor'));
    const stop = rememberLanguage(store, storage);
    store.getState().toggleLang();
    expect(storage.items.get(LANGUAGE_KEY)).toBe('en');
    store.getState().setLang('zh');
    expect(storage.items.get(LANGUAGE_KEY)).toBe('zh');
    stop();
    store.getState().setLang('en');
    expect(storage.items.get(LANGUAGE_KEY)).toBe('zh');
  });

  it('round-trips through a reload: a new store starts where the last one left off', () => {
    const storage = memoryStorage();
    for (const mode of ['visitor', 'present'] as Mode[]) {
      const before = createExhibitionStore({ ...modeOptions(mode), lang: startLanguage(MODES[mode].capabilities, storage) });
      rememberLanguage(before, storage);
      before.getState().setLang(before.getState().lang === 'zh' ? 'en' : 'zh');
      const chosen = before.getState().lang;
      const after = createExhibitionStore({ ...modeOptions(mode), lang: startLanguage(MODES[mode].capabilities, storage) });
      expect(after.getState().lang, mode).toBe(chosen);
    }
  });

  it('is left alone by the kiosk, which switches languages and resets to Chinese on its own', () => {
    const storage = memoryStorage({ [LANGUAGE_KEY]: 'en' });
    const kiosk = createExhibitionStore({ ...modeOptions('kiosk'), lang: startLanguage(MODES.kiosk.capabilities, storage) });
    rememberLanguage(kiosk, storage);
    expect(kiosk.getState().lang).toBe('zh');
    kiosk.getState().toggleLang();
    kiosk.getState().setLang('zh');
    expect(storage.items.get(LANGUAGE_KEY)).toBe('en'); // a visitor's choice on this browser stays theirs
  });
});
