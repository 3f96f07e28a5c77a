/** Where the lesson is ("3 / 12"), read out with what it counts; the stop and count also as data for tests. */
export interface FollowProgressProps {
  progress: { stop: number; count: number; label: string };
  className: string;
}

export function FollowProgress({ progress, className }: FollowProgressProps) {
  return (
    <p className={className} data-stop={progress.stop} data-stop-count={progress.count}>
      <span className="visually-hidden">{progress.label} </span>
      {progress.stop} / {progress.count}
    </p>
  );
}
