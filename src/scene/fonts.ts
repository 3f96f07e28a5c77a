/**
 * The fonts the 3D boards use: Noto Sans SC, subset at build time to the characters of the
 * content (see src/build/fonts.ts). troika reads woff, not woff2. The interface's CSS faces
 * (ui/interfaceFont.ts) use the very same URLs, so each file is downloaded once.
 */
import { configureTextBuilder, preloadFont } from 'troika-three-text';
import { CPU_SDF_ATLAS } from './cpuSdfAtlasSwitch.ts';
import { deviceQuality } from './deviceQuality.ts';

function siteUrl(path: string): string {
  // Absolute, because troika resolves font URLs inside a worker whose base is a blob: URL.
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;
}

export const FONT_REGULAR = siteUrl('generated/fonts/NotoSansSC-Regular.woff');
export const FONT_BOLD = siteUrl('generated/fonts/NotoSansSC-Bold.woff');

/**
 * The board font for a text: bold when asked for and the bold file (which carries only what the
 * boards draw in bold) has every character of it; else the regular one, so a character is never a gap.
 */
export function boardFontFor(text: string, bold: boolean, boardBold: string | undefined): string {
  if (!bold) return FONT_REGULAR;
  if (boardBold === undefined) return FONT_BOLD;
  return Array.from(text).every((char) => char.trim() === '' || boardBold.includes(char)) ? FONT_BOLD : FONT_REGULAR;
}

let configured = false;

/**
 * Points troika's fallback for characters missing from our font at our own origin. By default it
 * would fetch fonts from a CDN; offline, and under our CSP, that must never happen. The content
 * check makes a missing character a build error, so this fallback is only a safety net.
 */
export function configureBoardText(): void {
  if (configured) return;
  configured = true;
  const quality = deviceQuality();
  configureTextBuilder({
    unicodeFontsURL: siteUrl('generated/fonts/unicode/'),
    useWorker: true,
    // Issue 20 (long tasks, troika's glyph atlas): the preload and every text share the boards' one
    // atlas (troika keeps one per glyph size).
    sdfGlyphSize: quality.textSdfSize,
    cpuSdfAtlas: CPU_SDF_ATLAS && !quality.textSdfOnGpu,
  });
}

/**
 * Has troika read the regular board font; resolves once it can typeset. (The advance widths the
 * line-breaker uses come separately, at the very start: boot/content.ts.)
 *
 * The bold file is read too, at once, but not waited for. Only pages that draw the boards call
 * this, and every board has bold lettering (its title): troika reads a font when the first text
 * using it asks, and the bold one was asked for only after the scene was up — the board texts then
 * waited 0.4–0.8 s after both files had arrived (issue 20, text ready; the interface's CSS already
 * fetched the same file).
 */
export function preloadBoardFonts(): Promise<void> {
  configureBoardText();
  const load = (font: string) => new Promise<void>((resolve) => preloadFont({ font }, () => resolve()));
  void load(FONT_BOLD);
  return load(FONT_REGULAR);
}
