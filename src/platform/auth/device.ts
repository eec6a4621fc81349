import type { Config } from "../env/config";
import { secretsEqual } from "./constant-time";
import { signatureOf } from "./hmac";

// OWASP's device cookie: after a successful console sign-in the browser keeps, per account, a device id signed with
// the account's name; its failed logins then count against that device alone (durable-objects/login-guard-lanes.ts).
// One cookie holds the entries of the last few accounts signed in from the browser:
//   <base64url(username)>.<device id>.<issued at, epoch ms>.<HMAC-SHA-256> joined by "~".

/** How long a device stays trusted after its last successful sign-in (the cookie's Max-Age). */
export const DEVICE_TRUST_SECONDS = 30 * 24 * 60 * 60;
/** Accounts one browser is trusted by at most; the most recent sign-ins are kept. */
export const MAX_DEVICE_ACCOUNTS = 5;
/** A longer cookie is not parsed at all (five entries take about 750 bytes). */
const MAX_COOKIE_LENGTH = 2048;
const ENTRY = /^([A-Za-z0-9_-]{1,172})\.([A-Za-z0-9_-]{16,64})\.(\d{13})\.([A-Za-z0-9_-]{43})$/;

export interface TrustedDevice {
  id: string;
  /** Epoch ms. */
  issuedAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeName(encoded: string): string | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

interface Entry {
  username: string;
  device: TrustedDevice;
  signature: string;
  text: string;
}

/** The well-formed, unexpired entries of a cookie (signatures not checked yet), at most MAX_DEVICE_ACCOUNTS. */
function entriesOf(cookie: string | undefined, now: number): Entry[] {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
  return cookie
    .split("~")
    .slice(0, MAX_DEVICE_ACCOUNTS)
    .flatMap((text) => {
      const [, name = "", id = "", issued = "", signature = ""] = ENTRY.exec(text) ?? [];
      const username = decodeName(name);
      const issuedAt = Number(issued);
      // A minute of tolerance for the clocks of the isolates that issued and read it.
      const live = issuedAt <= now + 60_000 && now < issuedAt + DEVICE_TRUST_SECONDS * 1000;
      return username !== undefined && live ? [{ username, device: { id, issuedAt }, signature, text }] : [];
    });
}

const signed = (config: Config, username: string, device: TrustedDevice) =>
  signatureOf(config.JWT_SECRET, "device", `${username}\n${device.id}\n${device.issuedAt}`);

/** The device this cookie proves for `username` (already normalized): its signature checked in constant time. */
export async function trustedDevice(
  config: Config,
  cookie: string | undefined,
  username: string,
  now = Date.now(),
): Promise<TrustedDevice | undefined> {
  const entry = entriesOf(cookie, now).find((candidate) => candidate.username === username);
  if (!entry) return undefined;
  return (await secretsEqual(entry.signature, await signed(config, username, entry.device))) ? entry.device : undefined;
}

/** A new device id: 16 random bytes, base64url. */
export function newDeviceId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The cookie after `username` signed in on `deviceId` at `now`: its entry renewed and first, the other accounts'
 * entries kept (unexpired, well-formed, the most recent first) up to MAX_DEVICE_ACCOUNTS.
 */
export async function cookieAfterSignIn(
  config: Config,
  cookie: string | undefined,
  username: string,
  deviceId: string,
  now = Date.now(),
): Promise<string> {
  const device = { id: deviceId, issuedAt: now };
  const name = base64url(encoder.encode(username));
  const entry = `${name}.${device.id}.${device.issuedAt}.${await signed(config, username, device)}`;
  const others = entriesOf(cookie, now)
    .filter((other) => other.username !== username)
    .map((other) => other.text);
  return [entry, ...others].slice(0, MAX_DEVICE_ACCOUNTS).join("~");
}
