/**
 * A small seeded pseudo-random generator, so 再来一次 (try again) can shuffle the quiz anew and a
 * test, a bug report or a projector and its presenter view can reproduce one shuffle exactly from
 * its seed. Not for anything secret.
 */

/** A seed: any 32-bit unsigned integer (others are reduced to one). */
export type Seed = number;

/**
 * mulberry32: a 32-bit state, fast, and well spread for shuffling a few dozen items. Returns a
 * function giving numbers in [0, 1), the same sequence for the same seed.
 */
export function seededRandom(seed: Seed): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy of `items` (Fisher–Yates), drawing from `random`; the input is left as it is. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A fresh seed from the platform's randomness, never `avoid` (再来一次 must not deal the order the
 * visitor has just had).
 */
export function randomSeed(avoid?: Seed, random: () => number = Math.random): Seed {
  const seed = Math.floor(random() * 4294967296) >>> 0;
  return seed === avoid ? (seed + 1) >>> 0 : seed;
}

/**
 * A seed drawn from a text (FNV-1a, 32 bits): the same text, the same seed, on every screen and
 * every day. The room quiz deals its options from its quiz's id this way, so the projector, the
 * presenter's view and a presenter preparing the lesson all see the same letters.
 */
export function seedFromText(text: string): Seed {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
