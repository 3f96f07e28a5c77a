/** Curators' password hashes (scrypt) and the station's password rule. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COST,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from '../../src/server/commands/passwords.ts';

describe('password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('carry their parameters and a fresh salt, so one password never hashes the same twice', async () => {
    const first = await hashPassword('same password');
    const second = await hashPassword('same password');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it('verify with the parameters stored, and say when those are weaker than today’s', async () => {
    const weak = await hashPassword('an older password', { N: 2 ** 10, r: 8, p: 1 });
    expect(weak.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('an older password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('a new one', DEFAULT_COST))).toBe(false);
  });

  it('take one password typed two ways (composed or not) as one', async () => {
    const stored = await hashPassword('caf\u00e9 au lait');
    expect(await verifyPassword('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('match nothing against a malformed or tampered hash, without running huge parameters', async () => {
    const stored = await hashPassword('whatever it is');
    const parts = stored.split('$');
    for (const bad of [
      '',
      'plain text',
      stored.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), 'short'].join('$'),
    ]) {
      expect(await verifyPassword('whatever it is', bad), bad).toBe(false);
    }
  });

  it('have a dummy verify that is always false, whatever is typed', async () => {
    // Its cost is a real one's by construction (it verifies against a hash made by hashPassword,
    // with the same parameters); timing is measured in benchmarks, never asserted in a unit test.
    for (const typed of ['a real password', '', 'x'.repeat(200), '管理员密码']) {
      expect(await verifyAgainstDummy(typed)).toBe(false);
    }
  });
});

describe('the password rule', () => {
  it('wants at least 8 characters, counting what is typed (an emoji is one)', () => {
    expect(passwordProblem('1234567', 'admin')).toBe('too-short');
    expect(passwordProblem('12345678', 'admin')).toBeNull();
    expect(passwordProblem('党史长廊党史长廊', 'admin')).toBeNull();
    expect(passwordProblem('🔥🔥🔥🔥🔥🔥🔥', 'admin')).toBe('too-short');
    expect(passwordProblem('x'.repeat(201), 'admin')).toBe('too-long');
  });

  it('refuses the username as the password, whatever its case', () => {
    expect(passwordProblem('Curator01', 'curator01')).toBe('same-as-username');
    expect(passwordProblem('curator01!', 'curator01')).toBeNull();
  });
});
