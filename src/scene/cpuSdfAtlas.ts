/**
 * troika's glyph atlas kept in plain memory instead of a WebGL canvas, for the CPU rasteriser
 * (issue 20: no main-thread task over 200 ms after the first frame). The build patches troika to
 * call these (src/build/troikaCpuAtlas.ts says where and why).
 *
 * troika packs four glyphs' distance fields into the R, G, B and A channels of one atlas texture.
 * On a CPU rasteriser the fields are made in a worker in JavaScript (scene/deviceQuality.ts), yet
 * troika still writes each into a WebGL canvas on the main thread and three.js then copies that
 * canvas into its own context. Measured on SwiftShader, that second context cost one 0.36–0.5 s
 * task to set the copy up, 0.1–0.3 s each time the atlas grew (read back and redrawn) and a
 * 0.3–0.5 s WebGL support check. Here the atlas is an RGBA byte array behind a DataTexture: a
 * glyph is written with a loop, growing is one copy, and three.js uploads the bytes.
 *
 * A 2D canvas (putImageData) would not do: it stores premultiplied alpha, so wherever the glyph
 * in the A channel is far from its outline (alpha near 0) the R, G and B glyphs would be lost.
 */
import { DataTexture, LinearFilter, RGBAFormat, UnsignedByteType } from 'three';
import { filterUploadRequests } from './textureUploads.ts';

/** The atlas's pixels; it stands where troika keeps its canvas, and is the texture's image. */
export interface CpuAtlasImage {
  width: number;
  height: number;
  /** RGBA, row 0 first. Row y is the WebGL canvas's row y counted from the bottom (its GL y). */
  data: Uint8Array;
  /** The texture showing these bytes, once made: new glyphs are uploaded as its update ranges. */
  texture?: DataTexture;
  /**
   * True until the texture holds every byte (it is new, or the atlas grew): the next upload must
   * then be whole, so no ranges are added until it is done.
   */
  wholeUploadDue: boolean;
}

export function createCpuAtlasImage(width: number, height: number): CpuAtlasImage {
  return { width, height, data: new Uint8Array(width * height * 4), wholeUploadDue: true };
}

/**
 * The atlas's texture. Rows are in GL order (bottom first), so it is not flipped: the WebGL canvas
 * troika draws into is uploaded flipped, which puts its GL row 0 first too. Same sampling as troika's.
 */
export function createCpuAtlasTexture(image: CpuAtlasImage): DataTexture {
  const texture = new DataTexture(image.data, image.width, image.height, RGBAFormat, UnsignedByteType);
  // The very object troika holds as its canvas, so a resize is seen by the texture and by troika's
  // shader uniform (it reads the atlas size from `texture.image`).
  texture.image = image;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  texture.flipY = false;
  // Once three.js has uploaded the bytes, later glyphs go up as ranges (writeGlyphIntoCpuAtlas).
  texture.onUpdate = () => {
    image.wholeUploadDue = false;
  };
  // An upload asked for with nothing new is not made: three.js uploads the whole atlas when a
  // texture has no ranges, and troika asks once per text set — also for a text whose glyphs were
  // all written for texts before it (the build's patch makes such a text wait for them).
  filterUploadRequests(texture, () => image.wholeUploadDue || texture.updateRanges.length > 0);
  image.texture = texture;
  return texture;
}

/** Grows the atlas, keeping what is written (troika then disposes the texture so it is re-allocated). */
export function resizeCpuAtlas(image: CpuAtlasImage, width: number, height: number): void {
  const grown = new Uint8Array(width * height * 4);
  const rows = Math.min(image.height, height);
  const rowBytes = Math.min(image.width, width) * 4;
  for (let row = 0; row < rows; row++) {
    const from = row * image.width * 4;
    grown.set(image.data.subarray(from, from + rowBytes), row * width * 4);
  }
  image.width = width;
  image.height = height;
  image.data = grown;
  // troika disposes the texture to re-allocate it at the new size: that upload must be whole.
  image.wholeUploadDue = true;
  image.texture?.clearUpdateRanges();
}

/**
 * Writes one glyph's distance field (one byte a texel, `width` × `height`, as troika's worker makes
 * it) into one channel of the square at (x, y), leaving the other three channels' glyphs alone.
 * Field row r goes to atlas row y + r, where troika's WebGL copy draws it.
 *
 * Each row written becomes an update range of the texture, so troika's next `needsUpdate` uploads
 * the new glyphs' rows, not the whole atlas: measured on SwiftShader, whole uploads of the 2048 px
 * wide atlas each time boards came into range made the walk's frames several times slower.
 * three.js merges a row's adjacent ranges, so a batch of glyphs side by side costs one
 * `texSubImage2D` per row of pixels.
 */
export function writeGlyphIntoCpuAtlas(
  image: CpuAtlasImage,
  field: Uint8Array,
  x: number,
  y: number,
  width: number,
  height: number,
  channel: number,
): void {
  const { data } = image;
  for (let row = 0; row < height; row++) {
    let to = ((y + row) * image.width + x) * 4 + channel;
    let from = row * width;
    for (let column = 0; column < width; column++, to += 4, from++) data[to] = field[from] as number;
  }
  if (image.texture && !image.wholeUploadDue) {
    for (let row = 0; row < height; row++) image.texture.addUpdateRange(((y + row) * image.width + x) * 4, width * 4);
  }
}
