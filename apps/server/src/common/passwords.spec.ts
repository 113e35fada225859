import { passwordProblems } from '@sunlight/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { assertPasswordPolicy, generatePassword, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with Argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('generates passwords that meet the policy', () => {
    for (let i = 0; i < 200; i++) expect(passwordProblems(generatePassword(), 'someone')).toEqual([]);
  });

  it('names every shortfall of a weak password', () => {
    expect(passwordProblems('abc', 'zhang')).toEqual(['tooShort', 'tooFewClasses']);
    expect(passwordProblems('Zhang-San-2026', 'zhang')).toEqual(['containsUsername']);
    expect(passwordProblems('alllowercase1', 'li')).toEqual(['tooFewClasses']);
    expect(() => assertPasswordPolicy('short', 'li')).toThrow(AppError);
    expect(() => assertPasswordPolicy('Long-enough-1', 'li')).not.toThrow();
  });
});
