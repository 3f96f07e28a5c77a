/**
 * Rough text measurement for choosing a font size before troika has typeset anything: a CJK
 * character is about 1 em wide, Latin letters and digits about 0.55 em, spaces 0.3 em.
 */
export function estimateEms(text: string): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === ' ') ems += 0.3;
    else if (code < 0x2e80) ems += /[A-Z0-9MW]/.test(char) ? 0.62 : 0.52;
    else ems += 1;
  }
  return ems;
}

/** The largest font size (≤ max, ≥ min) at which `text` fits on one line of `maxWidth`. */
export function fitFontSize(text: string, maxWidth: number, max: number, min: number): number {
  const ems = estimateEms(text);
  if (ems === 0) return max;
  return Math.max(min, Math.min(max, maxWidth / ems));
}
