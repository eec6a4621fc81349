/** Workers' Web Crypto caps PBKDF2 at 100 000 iterations; stored per user so it can be raised later. */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;
/** Longer passwords are refused before hashing, so nobody can make us hash megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

const encoder = new TextEncoder();

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  return crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, KEY_BITS);
}

/** PBKDF2-SHA256 with a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return { hash: toBase64(hash), salt: toBase64(salt), iterations: PBKDF2_ITERATIONS };
}

/** Derives and compares in constant time; always costs one full derivation. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = new Uint8Array(await derive(password, fromBase64(stored.salt), stored.iterations));
  if (actual.byteLength !== expected.byteLength) return false;
  return crypto.subtle.timingSafeEqual(actual, expected);
}

let dummy: Promise<PasswordHash> | undefined;

/** A hash no password matches, so an unknown user costs the same derivation as a known one. */
export function dummyPasswordHash(): Promise<PasswordHash> {
  dummy ??= hashPassword(crypto.randomUUID());
  return dummy;
}
