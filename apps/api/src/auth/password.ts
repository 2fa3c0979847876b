import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEYLEN,
      { ...o, maxmem: 64 * 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

/** scrypt hash in a self-describing string, so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// zxcvbn-ts with its maintained list of common passwords, keyboard patterns and sequences.
const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary },
  graphs: common.adjacencyGraphs,
});

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses and up. */
const MIN_SCORE = 3;

/**
 * Why a new password is refused, or null (NIST SP 800-63B §5.1.1, ASVS 2.1): at least 12
 * characters, and not a common password or a pattern of one (`password1234`, `123456789012`),
 * nor built from the account's own e-mail address or name.
 */
export async function passwordProblem(
  password: string,
  userInputs: readonly string[] = [],
): Promise<string | null> {
  if (password.length < 12) return 'A password needs at least 12 characters';
  const inputs = userInputs.flatMap((u) => u.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const result = await strength.check(
    password,
    inputs.filter((w) => w.length >= 3),
  );
  if (result.score < MIN_SCORE)
    return 'This password is too common or too easy to guess; choose a longer or less predictable one';
  return null;
}
