import type { Config } from "../env/config";
import { secretsEqual } from "./constant-time";

const encoder = new TextEncoder();

async function hmac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(message));
  return btoa(String.fromCharCode(...new Uint8Array(signature)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The CSRF token of a session: its nonce and an HMAC binding that nonce to the session id. */
export async function csrfTokenFor(config: Config, sessionId: string, nonce: string): Promise<string> {
  return `${nonce}.${await hmac(config.CSRF_SECRET, `${sessionId}.${nonce}`)}`;
}

/** Whether `given` is the current CSRF token of the session (constant-time comparison). */
export async function csrfTokenValid(
  config: Config,
  sessionId: string,
  nonce: string,
  given: string,
): Promise<boolean> {
  return secretsEqual(given, await csrfTokenFor(config, sessionId, nonce));
}
