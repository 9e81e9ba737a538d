import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * argon2id with the OWASP 2024 baseline (19 MiB, 2 passes, 1 lane), in WASM so it installs without native builds.
 * The encoded PHC string carries its parameters, so they can be raised later without breaking old hashes.
 */
const PARAMS = { parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ ...PARAMS, password, salt: randomBytes(16), outputType: 'encoded' });
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

/**
 * Password policy: at least 10 characters, not only letters or only digits, and not built on the username (forwards
 * or backwards, any case): "vptpvptp12" for vptp is the first thing an attacker tries.
 */
export function passwordProblem(password: string, username?: string): { vi: string; en: string } | undefined {
  if (password.length < 10) return { vi: 'Mật khẩu phải có ít nhất 10 ký tự.', en: 'The password needs at least 10 characters.' };
  if (/^[\p{L}]+$/u.test(password) || /^\d+$/.test(password))
    return { vi: 'Mật khẩu phải có cả chữ và số hoặc ký hiệu.', en: 'The password must mix letters with digits or symbols.' };
  if (username && containsName(password, username))
    return { vi: 'Mật khẩu không được chứa tên đăng nhập (kể cả viết ngược).', en: 'The password must not contain the username (nor the username reversed).' };
  return undefined;
}

function containsName(password: string, username: string): boolean {
  const name = username.trim().toLocaleLowerCase('vi');
  // Below three characters a username is part of too many ordinary words to refuse on it.
  if (name.length < 3) return false;
  const p = password.toLocaleLowerCase('vi');
  return p.includes(name) || p.includes([...name].reverse().join(''));
}
