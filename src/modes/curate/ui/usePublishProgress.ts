/**
 * How the publish goes (GET api/curate/publish), asked again every second while it runs
 * (building, or built and waiting for a live lesson to end), and `onFinished` told once it is over
 * (published or failed), so the screen reads the submissions again. Opening the screen while a
 * publish runs follows it too; a publish over before the screen opened is not shown. The polling
 * stops with the screen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishStatus } from '../../../live/curateReviewProtocol.ts';
import type { CurateApi } from '../curateClient.ts';
import { publishRunning } from '../reviewModel.ts';

export const PUBLISH_POLL_MS = 1_000;

export interface PublishProgress {
  /** The publish followed (null: none since the screen opened, and none running). */
  status: PublishStatus | null;
  /** The last status request's refusal (the publish goes on at the station: it is asked again). */
  error: string | null;
  /** Follows a publish just started (the approve's answer). */
  follow(status: PublishStatus): void;
}

export function usePublishProgress(api: Pick<CurateApi, 'publishStatus'>, onFinished: () => void): PublishProgress {
  const [status, setStatus] = useState<PublishStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The followed publish was running at its last status: its end is told once. */
  const running = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const follow = useCallback((next: PublishStatus) => {
    running.current = true;
    setError(null);
    setStatus(next);
  }, []);

  // Opening the screen: a publish under way is followed.
  useEffect(() => {
    let current = true;
    void api.publishStatus().then((answer) => {
      if (current && answer.ok && publishRunning(answer.phase)) follow(answer);
    });
    return () => {
      current = false;
    };
  }, [api, follow]);

  // Each status of a running publish (or a refused request) asks again a second later.
  useEffect(() => {
    if (!status) return;
    if (!publishRunning(status.phase)) {
      if (running.current) {
        running.current = false;
        finished.current();
      }
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.publishStatus().then((answer) => {
        if (!current) return;
        if (answer.ok) {
          setError(null);
          setStatus(answer);
        } else {
          // The last status kept, as a new object: this effect runs again and asks a second later.
          setError(answer.error);
          setStatus((last) => (last ? { ...last } : last));
        }
      });
    }, PUBLISH_POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, status]);

  return { status, error, follow };
}
