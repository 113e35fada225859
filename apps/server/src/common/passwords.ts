import { randomInt } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { passwordProblemMessages, passwordProblems } from '@sunlight/contracts';
import * as argon2 from 'argon2';
import { AppError } from './app-error';

/** Argon2id with the library's defaults (m=64 MiB, t=3, p=4), the parameters stored in the hash. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Throws the policy's own words (中文 and English) when a password falls short. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  throw new AppError(
    HttpStatus.BAD_REQUEST,
    'PASSWORD_POLICY',
    `密码不符合要求：${problems.map((p) => passwordProblemMessages[p].zh).join('；')}`,
    `Password policy: ${problems.map((p) => passwordProblemMessages[p].en).join('; ')}`,
  );
}

/** 14 characters from every class, without look-alikes (0/O, 1/l/I) so it can be read aloud. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
