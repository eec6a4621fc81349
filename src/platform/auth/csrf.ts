import type { Config } from "../env/config";
import { secretsEqual } from "./constant-time";
import { signatureOf } from "./hmac";

/** The CSRF token of a session: its nonce and an HMAC binding that nonce to the session id. */
export async function csrfTokenFor(config: Config, sessionId: string, nonce: string): Promise<string> {
  return `${nonce}.${await signatureOf(config.CSRF_SECRET, "csrf", `${sessionId}.${nonce}`)}`;
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
