import { LRUCache } from "lru-cache";

const encoder = new TextEncoder();
// Imported keys per secret: importKey is not free, and a request may sign or check several values.
const keys = new LRUCache<string, Promise<CryptoKey>>({ max: 16 });

function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/**
 * HMAC-SHA-256 of `message` under `secret`, base64url. `purpose` separates what one secret signs (a CSRF token can
 * never pass for a cursor).
 */
export async function signatureOf(secret: string, purpose: string, message: string): Promise<string> {
  return base64url(await crypto.subtle.sign("HMAC", await keyOf(secret), encoder.encode(`${purpose}\n${message}`)));
}
