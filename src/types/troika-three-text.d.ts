// The parts of troika-three-text's API this project calls directly (the package ships no types).
declare module 'troika-three-text' {
  export function configureTextBuilder(config: {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    sdfGlyphSize?: number;
    useWorker?: boolean;
  }): void;
  export function preloadFont(options: { font?: string; characters?: string | string[] }, callback: () => void): void;
}
