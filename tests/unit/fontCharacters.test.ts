/**
 * The font subset covers everything the site writes in it: the exhibition's panels, the UI
 * strings, and the quizzes' questions, options and explanations (quiz.json).
 */
import { describe, expect, it } from 'vitest';
import { needsGlyph } from '../../src/build/characters.ts';
import { exhibitionCharacters, fsContentReader } from '../../src/build/fonts.ts';
import { loadExhibition } from '../../src/content/load.ts';
import { loadQuizzes, locateQuizStrings } from '../../src/content/quizLoad.ts';

describe('exhibitionCharacters', () => {
  it('holds every character of every shipped quiz string', async () => {
    const { characters } = await exhibitionCharacters('assets/content');
    const covered = new Set(Array.from(characters));
    const read = fsContentReader('assets/content');
    const { exhibition } = await loadExhibition(read);
    const strings = locateQuizStrings(await loadQuizzes(read, exhibition));
    expect(strings.length).toBeGreaterThan(20);
    const missing = new Set<string>();
    for (const { text } of strings)
      for (const char of Array.from(text)) if (needsGlyph(char) && !covered.has(char)) missing.add(char);
    expect([...missing].join('')).toBe('');
  });
});
