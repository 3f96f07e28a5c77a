/**
 * Where each kind of board prints the lines the text plan (boardText.ts) does not measure: the
 * year and the date of a milestone, the names, roles and honours of a member board, the header of
 * a statistics board, the 待补充 tag. In metres of the board's own frame (origin at its centre, y
 * up), relative to the body's top (`bodyArea(height).top`) and its left text edge.
 */

/** How far in front of the board's face the text stands (clear of the face, never z-fighting). */
export const TEXT_Z = 0.006;
/** Where a photo stands: between the face and the text. */
export const IMAGE_Z = 0.004;

export const MILESTONE_BODY = {
  /** The year in display type, a little above the body's top. */
  yearRise: 0.02,
  yearSize: 0.24,
  yearLetterSpacing: -0.02,
  /** The full date under the year, a hair in from the left edge. */
  dateIndent: 0.01,
  dateDrop: 0.28,
  dateSize: 0.06,
  /** The date's width: the year column less a margin. */
  dateColumnMargin: 0.05,
  /** The gold rule above the lead paragraph: its rise above the lead, its thickness, its depth behind the text. */
  leadRuleRise: 0.05,
  leadRuleThickness: 0.004,
  leadRuleBehind: 0.002,
} as const;

export const MEMBER_BODY = {
  namesRise: 0.01,
  namesSize: 0.12,
  rolesDrop: 0.17,
  rolesSize: 0.058,
  honoursDrop: 0.27,
  honoursSize: 0.058,
} as const;

export const STATS_BODY = {
  headerRise: 0.03,
  headerSize: 0.055,
} as const;

export const TO_FILL_BODY = {
  tagDrop: 0.02,
  tagSize: 0.1,
} as const;

export const EVENT_BODY = {
  dateRise: 0.02,
  dateSize: 0.07,
} as const;

/** The photo on the right half of a board: its offset from the middle, and its margins. */
export const BOARD_IMAGE = {
  /** From the board's centre to the right of its middle line. */
  offsetX: 0.02,
  /** Kept clear of the text column and the board's edge. */
  widthMargin: 0.04,
  /** May reach a little above and below the body. */
  heightOverhang: 0.04,
} as const;
