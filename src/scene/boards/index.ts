/**
 * The body of a board, by the panel's kind: one component a kind, chosen from a map typed by
 * the schema's kinds, so a new kind does not compile until it has a body (no kind falls through
 * to another's drawing).
 */
import type { ComponentType } from 'react';
import type { PanelKind } from '../../content/schema.ts';
import { DatedSummaryBody } from './DatedSummaryBody.tsx';
import { ListBody } from './ListBody.tsx';
import { MemberBody } from './MemberBody.tsx';
import { MilestoneBody } from './MilestoneBody.tsx';
import { StatsBody } from './StatsBody.tsx';
import { ToFillBody } from './ToFillBody.tsx';
import type { BoardBodyProps } from './types.ts';

export const BOARD_BODIES: { [K in PanelKind]: ComponentType<BoardBodyProps<K>> } = {
  milestone: MilestoneBody,
  event: DatedSummaryBody,
  member: MemberBody,
  stats: StatsBody,
  board: ListBody,
  'to-fill': ToFillBody,
  oath: DatedSummaryBody,
};

/** The body for a panel's kind. (TypeScript cannot tie the map's key to the panel's own kind: the map's type does.) */
export function boardBodyFor(kind: PanelKind): ComponentType<BoardBodyProps> {
  return BOARD_BODIES[kind] as ComponentType<BoardBodyProps>;
}
