/**
 * The overlays slice: the language, the directory and search overlays, the keyboard focus ring,
 * and the oath wall's ceremony.
 */
import type { StateCreator } from 'zustand';
import { allPanels } from '../../content/load.ts';
import type { Exhibition } from '../../content/schema.ts';
import type { ExhibitionState, OathCeremony, OverlaysSlice } from '../types.ts';

/** A new ceremony of the oath panel `panelId`, nothing lit; null when that is no oath panel. */
export function freshCeremony(exhibition: Exhibition | null, panelId: string): OathCeremony | null {
  const panel = exhibition ? allPanels(exhibition).find((candidate) => candidate.id === panelId) : undefined;
  return panel?.kind === 'oath' ? { panelId, lit: 0, phrases: panel.phrases.length, round: 0 } : null;
}

export const createOverlaysSlice =
  (lang: OverlaysSlice['lang']): StateCreator<ExhibitionState, [], [], OverlaysSlice> =>
  (set, get) => ({
    lang,
    directoryOpen: false,
    searchOpen: false,
    keyboardFocusPanelId: null,
    oath: null,
    stationServed: false,

    setLang(next) {
      set({ lang: next });
    },

    toggleLang() {
      set({ lang: get().lang === 'zh' ? 'en' : 'zh' });
    },

    // The directory and the search take the quiz's place (from a card opened over it): the quiz
    // closes, its attempt stays for later.
    setDirectoryOpen(open) {
      set({ directoryOpen: open, ...(open ? { quizScreen: null } : {}) });
    },

    setSearchOpen(open) {
      set({ searchOpen: open, ...(open ? { directoryOpen: false, quizScreen: null } : {}) });
    },

    setKeyboardFocus(panelId) {
      if (get().keyboardFocusPanelId !== panelId) set({ keyboardFocusPanelId: panelId });
    },

    openOath(panelId) {
      const ceremony = freshCeremony(get().exhibition, panelId);
      if (!ceremony) {
        set({ notice: { kind: 'unknown-panel', id: panelId } });
        return;
      }
      if (get().openPanelId !== panelId) get().openPanel(panelId);
      set({ oath: ceremony, directoryOpen: false, searchOpen: false });
    },

    stepOath(step) {
      const { oath } = get();
      if (oath) get().setOathLit(oath.lit + step);
    },

    setOathLit(lit) {
      const { oath } = get();
      if (!oath) return;
      const next = Math.max(0, Math.min(oath.phrases, Math.round(lit)));
      if (next !== oath.lit) set({ oath: { ...oath, lit: next } });
    },

    restartOath() {
      const { oath } = get();
      if (oath) set({ oath: { ...oath, lit: 0, round: oath.round + 1 } });
    },

    setStationServed(served) {
      if (get().stationServed !== served) set({ stationServed: served });
    },

    closeOath() {
      if (get().oath) set({ oath: null });
    },
  });
