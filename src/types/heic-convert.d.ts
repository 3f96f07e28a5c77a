// heic-convert (pure JS, libheif compiled to JS) ships no types: the one call the station makes.
declare module 'heic-convert' {
  export default function convert(options: {
    buffer: Uint8Array;
    format: 'JPEG' | 'PNG';
    /** 0–1, JPEG only. */
    quality?: number;
  }): Promise<ArrayBuffer>;
}
