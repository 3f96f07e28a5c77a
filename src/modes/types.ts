/**
 * A mode is a module (src/modes/<mode>/index.ts): what it allows, declared as capabilities the
 * shared screens and the scene read from the store, and `install`, which wires the mode to the
 * store and the window (keys, timers, service worker, sync) and hands back its overlay.
 * A new mode is one new folder plus one line in src/modes/registry.ts.
 */
import type { ComponentType } from 'react';
import type { ExhibitionStore } from '../store/store.ts';
import type { Mode, ModeCapabilities } from '../store/types.ts';

/** What the page found out before installing the mode. */
export interface ModeEnvironment {
  /** The browser can draw the corridor (WebGL); without it the boards have no text to set. */
  hasWebgl: boolean;
}

export interface OverlayProps {
  /** The text twin fills the page (asked for, or the visit of a browser without WebGL). */
  textTwinShown: boolean;
}

export interface InstalledMode {
  /** The mode's own screens, drawn above the shared canvas and overlays. */
  Overlay: ComponentType<OverlayProps>;
  /**
   * The overlay is the whole page: no corridor, no shared screens (the presenter's second window:
   * notes, timers, the next stop).
   */
  standalone: boolean;
  /**
   * A standalone page that may draw the corridor later (a phone following a lesson switches to its
   * 3D view): resolves the first time it does, and the boards' fonts then load with the 3D code.
   */
  boardsWanted?: Promise<void>;
  /** Undoes everything `install` did: listeners, timers, channels, the mode's own stores. */
  uninstall(): void;
}

export interface ModeModule {
  id: Mode;
  capabilities: ModeCapabilities;
  install(store: ExhibitionStore, win: Window, environment: ModeEnvironment): InstalledMode;
}
