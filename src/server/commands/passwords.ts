/**
 * Curators' passwords, hashed with scrypt (Node's own: no dependency). Unlike the random tokens
 * of secrets.ts a password can be guessed, so its hash must be slow and memory-hungry: each guess
 * against a stolen database costs 32 MiB and tens of milliseconds.
 *
 * Stored as `scrypt$N$r$p$<salt>$<hash>` (base64url), so the parameters can be raised later and
 * old hashes still verify. Verifying compares in constant time, and a login for a username that
 * does not exist verifies against a dummy hash, so the answer's timing does not tell whether it does.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from '../../live/curateProtocol.ts';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation (2^17 would be 128 MiB a login on a small station PC). */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Stored parameters above these are refused rather than run (a tampered row must not exhaust the PC). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that for N=2^15, r=8, which it refuses.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((done, fail) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? fail(error) : done(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : Number.NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  const powerOfTwo = Number.isInteger(Math.log2(N));
  if (!powerOfTwo || N < 2 || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return null;
  return { cost: { N, r, p }, salt, key };
}

/** Whether `password` is the one `stored` was made from. A malformed stored hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) {
    await verifyAgainstDummy(password);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | null = null;

/** Costs what a real verify costs and is always false: the answer for a username no account has. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  const parsed = parseHash(await dummyHash);
  if (parsed) await derive(password, parsed.salt, parsed.cost);
  return false;
}

/** Whether a stored hash was made with weaker parameters than today's (rehash it at the next login). */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_COST): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-username';

/** The station's password rule: at least 8 characters (as typed, emoji count as one), not the username. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_CHARS) return 'too-short';
  if (length > PASSWORD_MAX_CHARS) return 'too-long';
  const fold = (text: string) => text.normalize('NFC').trim().toLowerCase();
  if (fold(password) === fold(username)) return 'same-as-username';
  return null;
}
