/**
 * The draft as one of the document screens (展览设置, 栏目, 讲解路线, 知识问答) sees it: the snapshot,
 * read when the screen opens and again after an addition or a deletion, kept up to date by each
 * save (`update`), and the whole content check's problems (GET …/problems), asked once per load.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DraftProblem, DraftSnapshot } from '../../../live/curateDraftProtocol.ts';
import type { CurateApi, CurateError } from '../curateClient.ts';

export interface CurateDraftState {
  snapshot: DraftSnapshot | null;
  loadError: CurateError | null;
  problems: DraftProblem[];
  /** Reads the draft (and its problems) again; the snapshot, or null when it could not be read. */
  reload(): Promise<DraftSnapshot | null>;
  /** The snapshot after a change made here (a save), without asking the station. */
  update(change: (snapshot: DraftSnapshot) => DraftSnapshot): void;
}

export function useCurateDraft(api: Pick<CurateApi, 'draft' | 'draftProblems'>): CurateDraftState {
  const [snapshot, setSnapshot] = useState<DraftSnapshot | null>(null);
  const [loadError, setLoadError] = useState<CurateError | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);

  const read = useCallback(
    async (still: () => boolean) => {
      void api.draftProblems().then((answer) => {
        if (still() && answer.ok) setProblems(answer.problems);
      });
      const answer = await api.draft();
      if (!still()) return null;
      if (!answer.ok) {
        setLoadError(answer.error);
        return null;
      }
      setSnapshot(answer);
      setLoadError(null);
      return answer;
    },
    [api],
  );

  useEffect(() => {
    let current = true;
    void read(() => current);
    return () => {
      current = false;
    };
  }, [read]);

  const reload = useCallback(() => read(() => true), [read]);
  const update = useCallback((change: (snapshot: DraftSnapshot) => DraftSnapshot) => {
    setSnapshot((current) => (current ? change(current) : current));
  }, []);

  return { snapshot, loadError, problems, reload, update };
}
