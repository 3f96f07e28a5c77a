/** The proximity slice: which boards are near enough to hold a photo texture or set their text. */
import type { StateCreator } from 'zustand';
import { sameIdSet } from '../../layout/queries.ts';
import type { ExhibitionState, ProximitySlice } from '../types.ts';

export const createProximitySlice: StateCreator<ExhibitionState, [], [], ProximitySlice> = (set, get) => ({
  nearBoardIds: [],
  textBoardIds: null,

  setNearBoards(ids) {
    if (!sameIdSet(get().nearBoardIds, ids)) set({ nearBoardIds: ids });
  },

  setTextBoards(ids) {
    const current = get().textBoardIds;
    if (!current || !sameIdSet(current, ids)) set({ textBoardIds: ids });
  },
});
