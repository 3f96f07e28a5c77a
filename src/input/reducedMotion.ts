/**
 * Follows `prefers-reduced-motion` into the store (the camera of a mode that allows it then cuts
 * instead of gliding: the visitor's, a phone following a lesson); the system setting may change
 * while the page is open. Returns the uninstaller.
 */
import type { ExhibitionStore } from '../store/store.ts';

export function installReducedMotion(store: ExhibitionStore, win: Window = window): () => void {
  const query = win.matchMedia?.('(prefers-reduced-motion: reduce)');
  if (!query) return () => {};
  const apply = () => store.getState().setReducedMotion(query.matches);
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
