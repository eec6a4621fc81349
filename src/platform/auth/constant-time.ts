const encoder = new TextEncoder();

/**
 * Compares two secrets in time independent of where they differ and of their lengths:
 * both are hashed to equal-length SHA-256 digests first.
 */
export async function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
