/**
 * Passwords: argon2id (PHC string "$argon2id$v=19$m=19456,t=2,p=1$…"), OWASP's recommended parameters
 * (19 MiB, 2 passes, 1 lane: ~0.1 s here). At least 12 characters.
 */
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;
const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
/** The native argon2 module is loaded with the first password checked, not at every start. */
const argon2 = () => import('@node-rs/argon2');

export const passwordField = z.string()
  .refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, { message: `the password needs at least ${MIN_PASSWORD_LENGTH} characters` })
  .refine((p) => p.length <= 1024, { message: 'the password is longer than 1024 characters' });

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to Argon2id (algorithm 2); the tests check the "$argon2id$" prefix.
  return (await argon2()).hash(password, PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try { return await (await argon2()).verify(stored, password); } catch { return false; }
}

let dummy: Promise<string> | null = null;
/** Spends the same time as a real check, for unknown e-mails (no timing oracle on who has an account). */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword('dummy password for timing');
  await verifyPassword(await dummy, password);
}
