/**
 * The names of backups and of the folders a restore leaves: `backup-YYYYMMDD-HHMMSS` in the
 * station's local time (what staff read on the PC's clock), so names sort in the order they were
 * made; `-2`, `-3` for a second one in the same second.
 */

export const BACKUP_NAME = /^backup-(\d{8})-(\d{6})(?:-(\d+))?$/;
/** A backup still being written: only the final rename gives it a name of BACKUP_NAME's form. */
export const UNFINISHED_PREFIX = '.unfinished-backup-';

export function timeStamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/** The name of a backup made at `date`, the first not in `taken`. */
export function backupName(date: Date, taken: ReadonlySet<string>): string {
  const base = `backup-${timeStamp(date)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Backup names in the order they were made, oldest first. */
export function sortBackupNames(names: readonly string[]): string[] {
  const key = (name: string) => {
    const match = BACKUP_NAME.exec(name);
    return match ? ([`${match[1]}${match[2]}`, Number(match[3] ?? 1)] as const) : (['', 0] as const);
  };
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort((a, b) => {
      const [timeA, nA] = key(a);
      const [timeB, nB] = key(b);
      return timeA < timeB ? -1 : timeA > timeB ? 1 : nA - nB;
    });
}

/** Where a restore moves the DATA_DIR it replaces: `<DATA_DIR>.before-restore-YYYYMMDD-HHMMSS`. */
export function beforeRestoreName(dataDir: string, date: Date, taken: (path: string) => boolean): string {
  const base = `${dataDir}.before-restore-${timeStamp(date)}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
