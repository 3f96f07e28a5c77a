/**
 * Where a panel dragged in the panel list (src/modes/curate/ui/CuratePanelList.tsx) lands: the
 * pointer's height against the rows as they are drawn gives a slot (before which row, in which
 * section), and the slot gives the move the server is asked for. The server's index
 * (`POST …/panels/:id/move`, src/server/curate/draft.ts movePanel) is the panel's place among its
 * section's panels *after* it was taken out, so a drop further down its own section is one less
 * than the slot; a drop just above or just below itself moves nothing.
 */

/** A row's extent on the screen (client coordinates, as getBoundingClientRect gives them). */
export interface RowBox {
  top: number;
  bottom: number;
}

/** A section's extent (its heading included) and its panels' rows, in order. */
export interface SectionBox {
  sectionId: string;
  top: number;
  bottom: number;
  rows: readonly RowBox[];
}

/** Before which of a section's rows, as they are drawn now, the panel would go (the rows' count: at its end). */
export interface DropSlot {
  sectionId: string;
  slot: number;
}

/** Where a panel is, or is to go: a section and a place among its panels. */
export interface PanelPlace {
  sectionId: string;
  index: number;
}

/**
 * The slot for a pointer at height `y`: in the section under it (between two sections or past the
 * ends, the nearer one), before the first row whose middle is below the pointer. Null without sections.
 */
export function dropSlotAt(sections: readonly SectionBox[], y: number): DropSlot | null {
  let nearest: SectionBox | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const section of sections) {
    const distance = y < section.top ? section.top - y : y > section.bottom ? y - section.bottom : 0;
    if (distance < nearestDistance) {
      nearest = section;
      nearestDistance = distance;
    }
  }
  if (!nearest) return null;
  const below = nearest.rows.findIndex((row) => (row.top + row.bottom) / 2 > y);
  return { sectionId: nearest.sectionId, slot: below === -1 ? nearest.rows.length : below };
}

/** The move for a panel at `from` dropped at `slot`, in the server's terms; null when it stays where it is. */
export function moveForDrop(from: PanelPlace, slot: DropSlot): PanelPlace | null {
  if (slot.sectionId !== from.sectionId) return { sectionId: slot.sectionId, index: slot.slot };
  // Just above or just below itself: the same place.
  if (slot.slot === from.index || slot.slot === from.index + 1) return null;
  return { sectionId: from.sectionId, index: slot.slot > from.index ? slot.slot - 1 : slot.slot };
}
