import { signatureOf } from "../platform/auth/hmac";

/**
 * `Resync-Signature: t=<unix seconds>,v1=<signature>`, where the signature is HMAC-SHA256 under the subscription's
 * secret of the timestamp, a line feed and the exact body, base64url without padding. A receiver recomputes it,
 * compares in constant time and refuses a timestamp more than 5 minutes away from its clock (replays).
 */
export async function signatureHeader(secret: string, body: string, now: number): Promise<string> {
  const timestamp = String(Math.floor(now / 1000));
  return `t=${timestamp},v1=${await signatureOf(secret, timestamp, body)}`;
}
