/**
 * A bigger corridor made from the shipped content, for the benchmark's scaling figures: the
 * shipped sections repeated until the pack holds the wanted number of panels. Copies keep the
 * real text (so every character is in the shipped font subset) and photos; only their ids, and
 * their sections' ids and files, are new. The first copy keeps the original ids, so tours and
 * links still name real panels.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface SectionEntry {
  id: string;
  file: string;
  [key: string]: unknown;
}

interface PanelEntry {
  id: string;
  [key: string]: unknown;
}

/** Writes `<outDir>/exhibition.json` and its section files; returns the number of panels written. */
export function writeScaledPack(sourceDir: string, outDir: string, panelCount: number): number {
  mkdirSync(outDir, { recursive: true });
  const exhibition = JSON.parse(readFileSync(join(sourceDir, 'exhibition.json'), 'utf8')) as {
    sections: SectionEntry[];
    [key: string]: unknown;
  };
  const originals = exhibition.sections.map((section) => {
    const file = JSON.parse(readFileSync(join(sourceDir, section.file), 'utf8')) as { panels: PanelEntry[] };
    return { section, file, panels: file.panels };
  });
  const sections: SectionEntry[] = [];
  let written = 0;
  for (let copy = 0; written < panelCount; copy++) {
    for (const { section, file: sectionFile, panels } of originals) {
      if (written >= panelCount) break;
      const take = panels.slice(0, panelCount - written);
      const suffix = copy === 0 ? '' : `--${copy + 1}`;
      const file = copy === 0 ? section.file : section.file.replace(/\.json$/, `${suffix}.json`);
      const copied = take.map((panel) => ({ ...panel, id: `${panel.id}${suffix}` }));
      writeFileSync(join(outDir, file), JSON.stringify({ ...sectionFile, panels: copied }, null, 2));
      sections.push({ ...section, id: `${section.id}${suffix}`, file });
      written += copied.length;
    }
  }
  writeFileSync(join(outDir, 'exhibition.json'), JSON.stringify({ ...exhibition, sections }, null, 2));
  return written;
}

/** The panel ids of a content folder, in exhibition order. */
export function packPanelIds(contentDir: string): string[] {
  const exhibition = JSON.parse(readFileSync(join(contentDir, 'exhibition.json'), 'utf8')) as { sections: SectionEntry[] };
  return exhibition.sections.flatMap((section) =>
    (JSON.parse(readFileSync(join(contentDir, section.file), 'utf8')) as { panels: PanelEntry[] }).panels.map(
      (panel) => panel.id,
    ),
  );
}

/** The number of panels in a content folder (the shipped one, say). */
export function shippedPanelCount(contentDir: string): number {
  return packPanelIds(contentDir).length;
}
