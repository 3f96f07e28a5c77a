/**
 * The command lines of `npm run backup -- [--data DIR] [--to DIR] [--keep N]` and
 * `npm run restore -- --from BACKUP [--data DIR]`, read into options or a usage message.
 * `--name value` and `--name=value` both work.
 */

export interface BackupArgs {
  data: string | null;
  to: string | null;
  keep: number | null;
}

export interface RestoreArgs {
  data: string | null;
  from: string;
}

export type Parsed<T> = { ok: true; args: T } | { ok: false; problem: string } | { ok: false; help: true };

export const BACKUP_USAGE = 'npm run backup -- [--data DIR] [--to DIR] [--keep N]';
export const RESTORE_USAGE = 'npm run restore -- --from BACKUP_FOLDER [--data DIR]';

function readFlags(
  argv: readonly string[],
  known: readonly string[],
): { ok: true; values: Map<string, string> } | { ok: false; problem: string } | { ok: false; help: true } {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { ok: false, help: true };
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argument);
    if (!match?.[1] || !known.includes(match[1])) return { ok: false, problem: `unknown argument: ${argument}` };
    const value = match[2] ?? argv[++index];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) {
      return { ok: false, problem: `--${match[1]} needs a value` };
    }
    if (values.has(match[1])) return { ok: false, problem: `--${match[1]} given twice` };
    values.set(match[1], value);
  }
  return { ok: true, values };
}

export function parseBackupArgs(argv: readonly string[]): Parsed<BackupArgs> {
  const flags = readFlags(argv, ['data', 'to', 'keep']);
  if (!flags.ok) return flags;
  const keepText = flags.values.get('keep');
  const keep = keepText === undefined ? null : /^\d+$/.test(keepText) ? Number(keepText) : Number.NaN;
  if (keep !== null && !(keep >= 1)) return { ok: false, problem: `--keep needs a whole number from 1: ${keepText}` };
  return { ok: true, args: { data: flags.values.get('data') ?? null, to: flags.values.get('to') ?? null, keep } };
}

export function parseRestoreArgs(argv: readonly string[]): Parsed<RestoreArgs> {
  const flags = readFlags(argv, ['data', 'from']);
  if (!flags.ok) return flags;
  const from = flags.values.get('from');
  if (!from) return { ok: false, problem: '--from BACKUP_FOLDER is needed' };
  return { ok: true, args: { data: flags.values.get('data') ?? null, from } };
}
