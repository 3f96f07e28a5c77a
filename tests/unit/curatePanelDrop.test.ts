/**
 * A dragged panel's landing place (src/modes/curate/panelDrop.ts): the slot under the pointer, and
 * the server's index for it, which counts the panels after the dragged one was taken out.
 */
import { describe, expect, it } from 'vitest';
import { dropSlotAt, moveForDrop, type SectionBox } from '../../src/modes/curate/panelDrop.ts';

/** Sections stacked as the list draws them: a 30 px heading, then rows 40 px high, 20 px between sections. */
function stack(counts: Record<string, number>): SectionBox[] {
  let y = 0;
  return Object.entries(counts).map(([sectionId, count]) => {
    const top = y;
    const rows = Array.from({ length: count }, (_, index) => ({ top: top + 30 + index * 40, bottom: top + 70 + index * 40 }));
    y = top + 30 + count * 40;
    const box = { sectionId, top, bottom: y, rows };
    y += 20;
    return box;
  });
}

describe('dropSlotAt', () => {
  const sections = stack({ a: 3, b: 2, empty: 0, c: 1 });
  // a: 0–150 (rows 30–70, 70–110, 110–150); b: 170–280 (rows 200–240, 240–280); empty: 300–330; c: 350–420 (row 380–420).

  it('goes before the first row whose middle is below the pointer', () => {
    expect(dropSlotAt(sections, 35)).toEqual({ sectionId: 'a', slot: 0 });
    expect(dropSlotAt(sections, 49)).toEqual({ sectionId: 'a', slot: 0 });
    expect(dropSlotAt(sections, 51)).toEqual({ sectionId: 'a', slot: 1 });
    expect(dropSlotAt(sections, 95)).toEqual({ sectionId: 'a', slot: 2 });
    expect(dropSlotAt(sections, 140)).toEqual({ sectionId: 'a', slot: 3 });
  });

  it('over a heading: the section’s start; between sections or past the ends: the nearer section', () => {
    expect(dropSlotAt(sections, 180)).toEqual({ sectionId: 'b', slot: 0 });
    expect(dropSlotAt(sections, 155)).toEqual({ sectionId: 'a', slot: 3 });
    expect(dropSlotAt(sections, 166)).toEqual({ sectionId: 'b', slot: 0 });
    expect(dropSlotAt(sections, -500)).toEqual({ sectionId: 'a', slot: 0 });
    expect(dropSlotAt(sections, 9_000)).toEqual({ sectionId: 'c', slot: 1 });
  });

  it('an empty section takes a panel at its start', () => {
    expect(dropSlotAt(sections, 315)).toEqual({ sectionId: 'empty', slot: 0 });
  });

  it('nothing to drop on without sections', () => {
    expect(dropSlotAt([], 10)).toBeNull();
  });
});

describe('moveForDrop', () => {
  it('further down its own section: one less than the slot, the panel being out of the list', () => {
    // a b [c] d e: dropped before e (slot 4) → a b d c e, c at index 3.
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 4 })).toEqual({ sectionId: 's', index: 3 });
    // At the end (slot 5) → index 4, the last.
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 5 })).toEqual({ sectionId: 's', index: 4 });
  });

  it('further up its own section: the slot itself', () => {
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 0 })).toEqual({ sectionId: 's', index: 0 });
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 1 })).toEqual({ sectionId: 's', index: 1 });
  });

  it('just above or just below itself: no move', () => {
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 2 })).toBeNull();
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 's', slot: 3 })).toBeNull();
  });

  it('into another section: the slot, that section losing nothing', () => {
    expect(moveForDrop({ sectionId: 's', index: 2 }, { sectionId: 't', slot: 0 })).toEqual({ sectionId: 't', index: 0 });
    expect(moveForDrop({ sectionId: 's', index: 0 }, { sectionId: 't', slot: 7 })).toEqual({ sectionId: 't', index: 7 });
  });

  it('agrees with taking the panel out and putting it in at the index, for every slot', () => {
    const panels = ['a', 'b', 'c', 'd', 'e'];
    for (let from = 0; from < panels.length; from++)
      for (let slot = 0; slot <= panels.length; slot++) {
        // What the drop line shows: the panel between the rows slot-1 and slot as drawn now.
        const shown = [...panels.slice(0, slot), '*', ...panels.slice(slot)].filter((id) => id !== panels[from]);
        const expected = shown.map((id) => (id === '*' ? panels[from] : id));
        const move = moveForDrop({ sectionId: 's', index: from }, { sectionId: 's', slot });
        const result = panels.filter((_, index) => index !== from);
        if (move) result.splice(move.index, 0, panels[from] as string);
        expect(move ? result : panels).toEqual(expected);
      }
  });
});
