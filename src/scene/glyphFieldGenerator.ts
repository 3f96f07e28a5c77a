/**
 * A quicker maker of troika's glyph distance fields in JavaScript, byte for byte the same fields
 * (issue 20, text ready). On a CPU rasteriser troika makes every glyph's field in its workers with
 * webgl-sdf-generator's JavaScript version; a Chromium trace of the start on SwiftShader found
 * those four workers busy ~4.8 s of wall time between the board texts mounting and the last one
 * set, the start's largest cost by far (the typesetting worker: ~0.4 s).
 *
 * That version is a brute force: for each texel of the field, the distance to every line segment
 * of the glyph (a curve is cut into 15 of them, so a Chinese glyph has several hundred), and a
 * point-in-outline test that crosses every segment to its right. Here:
 * - the inside test is made once per row: the row's crossings are found once (the same formula on
 *   the same numbers), and each texel of the row sums the few crossings to its right;
 * - the nearest segment is looked for only among a cell's candidates: the field is cut in four,
 *   each quarter in four again, down to 2 × 2 texels, and each cell keeps those of its parent's
 *   candidates whose box is within reach: the distance from the cell's centre to its nearest
 *   segment plus half the cell's diagonal, which no texel of the cell has its nearest segment
 *   beyond. The true nearest is always among them, so the minimum is the brute force's minimum,
 *   the very same number.
 * Segments, texel positions and the byte's formula are the published version's, operation for
 * operation, so the bytes match (tests/unit/glyphFieldGenerator.test.ts compares every byte for
 * hundreds of the exhibition's glyphs).
 *
 * troika runs its generator in a worker made from the generator function's source text, so
 * `createGlyphFieldGenerator` is self-contained: it refers to nothing outside its own body (the
 * build's patch, src/build/troikaCpuAtlas.ts, hands it to troika's workers in place of
 * webgl-sdf-generator's). It returns the same shape (`.javascript.generate`).
 */

/** troika's call: the field's size, the glyph's SVG-like path, the box it spans, the distance scale. */
export type GenerateGlyphField = (
  sdfWidth: number,
  sdfHeight: number,
  path: string,
  viewBox: readonly number[],
  maxDistance: number,
  sdfExponent?: number,
) => Uint8Array;

export function createGlyphFieldGenerator(): { javascript: { generate: GenerateGlyphField } } {
  /** Segments as flat coordinates: x1, y1, x2, y2 for each, in the order the path gives them. */
  function pathToSegments(pathString: string): number[] {
    const segments: number[] = [];
    const curvePoints = 16;
    const point = { x: 0, y: 0 };
    const pushSegment = (x1: number, y1: number, x2: number, y2: number) => {
      segments.push(x1, y1, x2, y2);
    };
    /** A curve from (x0, y0) as 15 segments; `pointAt` puts the curve's point at t into `point`. */
    const flatten = (x0: number, y0: number, pointAt: (t: number, t2: number) => void) => {
      let curveX = x0;
      let curveY = y0;
      for (let i = 1; i < curvePoints; i++) {
        const t = i / (curvePoints - 1);
        pointAt(t, 1 - t);
        pushSegment(curveX, curveY, point.x, point.y);
        curveX = point.x;
        curveY = point.y;
      }
    };
    // webgl-sdf-generator's parser and curve points, unchanged (the same numbers in, the same out).
    const segmentRE = /([MLQCZ])([^MLQCZ]*)/g;
    let match: RegExpExecArray | null;
    let firstX = 0;
    let firstY = 0;
    let prevX = 0;
    let prevY = 0;
    // biome-ignore lint/suspicious/noAssignInExpressions: the published parser's loop, kept as written
    while ((match = segmentRE.exec(pathString))) {
      const args = (match[2] as string)
        .replace(/^\s*|\s*$/g, '')
        .split(/[,\s]+/)
        .map((v) => Number.parseFloat(v));
      const a = (i: number) => args[i] as number;
      switch (match[1]) {
        case 'M':
          prevX = firstX = a(0);
          prevY = firstY = a(1);
          break;
        case 'L':
          if (a(0) !== prevX || a(1) !== prevY) {
            pushSegment(prevX, prevY, a(0), a(1));
            prevX = a(0);
            prevY = a(1);
          }
          break;
        case 'Q': {
          const [x0, y0, x1, y1, x2, y2] = [prevX, prevY, a(0), a(1), a(2), a(3)];
          flatten(x0, y0, (t, t2) => {
            point.x = t2 * t2 * x0 + 2 * t2 * t * x1 + t * t * x2;
            point.y = t2 * t2 * y0 + 2 * t2 * t * y1 + t * t * y2;
          });
          prevX = x2;
          prevY = y2;
          break;
        }
        case 'C': {
          const [x0, y0, x1, y1, x2, y2, x3, y3] = [prevX, prevY, a(0), a(1), a(2), a(3), a(4), a(5)];
          flatten(x0, y0, (t, t2) => {
            point.x = t2 * t2 * t2 * x0 + 3 * t2 * t2 * t * x1 + 3 * t2 * t * t * x2 + t * t * t * x3;
            point.y = t2 * t2 * t2 * y0 + 3 * t2 * t2 * t * y1 + 3 * t2 * t * t * y2 + t * t * t * y3;
          });
          prevX = x3;
          prevY = y3;
          break;
        }
        case 'Z':
          if (prevX !== firstX || prevY !== firstY) pushSegment(prevX, prevY, firstX, firstY);
          break;
      }
    }
    return segments;
  }

  /** The published squared distance from a point to a segment, operation for operation. */
  function squareDistanceToSegment(x: number, y: number, x0: number, y0: number, x1: number, y1: number): number {
    const ldx = x1 - x0;
    const ldy = y1 - y0;
    const lengthSq = ldx * ldx + ldy * ldy;
    const t = lengthSq ? Math.max(0, Math.min(1, ((x - x0) * ldx + (y - y0) * ldy) / lengthSq)) : 0;
    const dx = x - (x0 + t * ldx);
    const dy = y - (y0 + t * ldy);
    return dx * dx + dy * dy;
  }

  function generate(
    sdfWidth: number,
    sdfHeight: number,
    path: string,
    viewBox: readonly number[],
    maxDistance: number,
    sdfExponent = 1,
  ): Uint8Array {
    const textureData = new Uint8Array(sdfWidth * sdfHeight);
    const [left = 0, bottom = 0, right = 0, top = 0] = viewBox;
    const viewBoxWidth = right - left;
    const viewBoxHeight = top - bottom;
    const segs = pathToSegments(path);
    const count = segs.length / 4;
    const minX = new Float64Array(count);
    const maxX = new Float64Array(count);
    const minY = new Float64Array(count);
    const maxY = new Float64Array(count);
    for (let s = 0; s < count; s++) {
      const x1 = segs[s * 4] as number;
      const y1 = segs[s * 4 + 1] as number;
      const x2 = segs[s * 4 + 2] as number;
      const y2 = segs[s * 4 + 3] as number;
      minX[s] = Math.min(x1, x2);
      maxX[s] = Math.max(x1, x2);
      minY[s] = Math.min(y1, y2);
      maxY[s] = Math.max(y1, y2);
    }
    // Texel centres, as the published loop computes them.
    const texelX = new Float64Array(sdfWidth);
    const texelY = new Float64Array(sdfHeight);
    for (let i = 0; i < sdfWidth; i++) texelX[i] = left + (viewBoxWidth * (i + 0.5)) / sdfWidth;
    for (let j = 0; j < sdfHeight; j++) texelY[j] = bottom + (viewBoxHeight * (j + 0.5)) / sdfHeight;

    // Inside or out, row by row: the published test counts, for a texel at x, the segments that
    // cross its row to its right (maxX > x, and x left of the crossing), signed by direction.
    const inside = new Uint8Array(sdfWidth * sdfHeight);
    const crossX: number[] = [];
    const crossMaxX: number[] = [];
    const crossDir: number[] = [];
    for (let j = 0; j < sdfHeight; j++) {
      const y = texelY[j] as number;
      crossX.length = crossMaxX.length = crossDir.length = 0;
      for (let s = 0; s < count; s++) {
        const x1 = segs[s * 4] as number;
        const y1 = segs[s * 4 + 1] as number;
        const x2 = segs[s * 4 + 2] as number;
        const y2 = segs[s * 4 + 3] as number;
        if (y1 > y !== y2 > y) {
          crossX.push(((x2 - x1) * (y - y1)) / (y2 - y1) + x1);
          crossMaxX.push(maxX[s] as number);
          crossDir.push(y1 < y2 ? 1 : -1);
        }
      }
      for (let i = 0; i < sdfWidth; i++) {
        const x = texelX[i] as number;
        let winding = 0;
        for (let c = 0; c < crossX.length; c++) {
          if ((crossMaxX[c] as number) > x && x < (crossX[c] as number)) winding += crossDir[c] as number;
        }
        if (winding !== 0) inside[j * sdfWidth + i] = 1;
      }
    }

    // Nearest segment, by ever smaller cells: each cell keeps those of its parent's candidates
    // whose box could hold the nearest segment of one of its texels.
    // One list per depth: a cell's children are refined one after another, each writing below it.
    const all = new Int32Array(count);
    const lists: Int32Array[] = [all];
    for (let s = 0; s < count; s++) all[s] = s;

    const setTexels = (i0: number, i1: number, j0: number, j1: number, list: Int32Array, length: number) => {
      for (let j = j0; j <= j1; j++) {
        const y = texelY[j] as number;
        for (let i = i0; i <= i1; i++) {
          const x = texelX[i] as number;
          let closestSq = Number.POSITIVE_INFINITY;
          for (let c = 0; c < length; c++) {
            const s = (list[c] as number) * 4;
            const d = squareDistanceToSegment(
              x,
              y,
              segs[s] as number,
              segs[s + 1] as number,
              segs[s + 2] as number,
              segs[s + 3] as number,
            );
            if (d < closestSq) closestSq = d;
          }
          let signedDist = Math.sqrt(closestSq);
          if (inside[j * sdfWidth + i]) signedDist = -signedDist;
          // The published mapping: an exponential scale, so texels near the outline keep precision.
          // biome-ignore lint/style/useExponentiationOperator: Math.pow, as published, for the same bytes
          let alpha = Math.pow(1 - Math.abs(signedDist) / maxDistance, sdfExponent) / 2;
          if (signedDist < 0) alpha = 1 - alpha;
          textureData[j * sdfWidth + i] = Math.max(0, Math.min(255, Math.round(alpha * 255)));
        }
      }
    };

    /** Texels i0..i1 × j0..j1, whose nearest segments are among `list`'s first `length`. */
    const refine = (i0: number, i1: number, j0: number, j1: number, depth: number, list: Int32Array, length: number) => {
      if ((i1 - i0 < 2 && j1 - j0 < 2) || length <= 4) {
        setTexels(i0, i1, j0, j1, list, length);
        return;
      }
      const x0 = Math.min(texelX[i0] as number, texelX[i1] as number);
      const x1 = Math.max(texelX[i0] as number, texelX[i1] as number);
      const y0 = Math.min(texelY[j0] as number, texelY[j1] as number);
      const y1 = Math.max(texelY[j0] as number, texelY[j1] as number);
      const centreX = (x0 + x1) / 2;
      const centreY = (y0 + y1) / 2;
      let centreSq = Number.POSITIVE_INFINITY;
      for (let c = 0; c < length; c++) {
        const s = (list[c] as number) * 4;
        const d = squareDistanceToSegment(
          centreX,
          centreY,
          segs[s] as number,
          segs[s + 1] as number,
          segs[s + 2] as number,
          segs[s + 3] as number,
        );
        if (d < centreSq) centreSq = d;
      }
      // Every texel of the cell is within half its diagonal of its centre, so its nearest segment
      // is no farther than this; a little over, so rounding never leaves the nearest out.
      const reach = (Math.sqrt(centreSq) + Math.hypot(x1 - x0, y1 - y0) / 2) * (1 + 1e-9) + 1e-9;
      const reachSq = reach * reach;
      if (!lists[depth + 1]) lists[depth + 1] = new Int32Array(count);
      const kept = lists[depth + 1] as Int32Array;
      let keptLength = 0;
      for (let c = 0; c < length; c++) {
        const s = list[c] as number;
        const gapX = Math.max(0, (minX[s] as number) - x1, x0 - (maxX[s] as number));
        const gapY = Math.max(0, (minY[s] as number) - y1, y0 - (maxY[s] as number));
        if (gapX * gapX + gapY * gapY <= reachSq) kept[keptLength++] = s;
      }
      const iMid = (i0 + i1) >> 1;
      const jMid = (j0 + j1) >> 1;
      // The children read `kept` one after another; each writes only the level below it.
      refine(i0, iMid, j0, jMid, depth + 1, kept, keptLength);
      if (iMid < i1) refine(iMid + 1, i1, j0, jMid, depth + 1, kept, keptLength);
      if (jMid < j1) refine(i0, iMid, jMid + 1, j1, depth + 1, kept, keptLength);
      if (iMid < i1 && jMid < j1) refine(iMid + 1, i1, jMid + 1, j1, depth + 1, kept, keptLength);
    };
    refine(0, sdfWidth - 1, 0, sdfHeight - 1, 0, all, count);
    return textureData;
  }

  return { javascript: { generate } };
}
