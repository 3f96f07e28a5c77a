/** The overlays slice: the language, the directory and search overlays, the keyboard focus ring. */
import type { StateCreator } from 'zustand';
import type { ExhibitionState, OverlaysSlice } from '../types.ts';

export const createOverlaysSlice =
  (lang: OverlaysSlice['lang']): StateCreator<ExhibitionState, [], [], OverlaysSlice> =>
  (set, get) => ({
    lang,
    directoryOpen: false,
    searchOpen: false,
    keyboardFocusPanelId: null,

    setLang(next) {
      set({ lang: next });
    },

    toggleLang() {
      set({ lang: get().lang === 'zh' ? 'en' : 'zh' });
    },

    setDirectoryOpen(open) {
      set({ directoryOpen: open });
    },

    setSearchOpen(open) {
      set({ searchOpen: open, ...(open ? { directoryOpen: false } : {}) });
    },

    setKeyboardFocus(panelId) {
      if (get().keyboardFocusPanelId !== panelId) set({ keyboardFocusPanelId: panelId });
    },
  });
