import type { Config } from "../env/config";
import { Problem } from "./problem";

// A paging cursor the client cannot forge: its position and the query it belongs to, under an HMAC whose key is
// derived (HKDF) from JWT_SECRET, so no new secret is needed and the cursor key is never the token key itself.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const keys = new WeakMap<Config, Promise<CryptoKey>>();

function cursorKey(config: Config): Promise<CryptoKey> {
  let key = keys.get(config);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", encoder.encode(config.JWT_SECRET), "HKDF", false, ["deriveKey"])
      .then((secret) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: encoder.encode("resync paging cursor v1") },
          secret,
          { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          ["sign", "verify"],
        ),
      );
    keys.set(config, key);
  }
  return key;
}

function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** `position` and `query` as `<payload>.<mac>`, both base64url. */
export async function signCursor(config: Config, position: unknown, query: string): Promise<string> {
  const payload = encoder.encode(JSON.stringify({ p: position, q: query }));
  const mac = await crypto.subtle.sign("HMAC", await cursorKey(config), payload);
  return `${toBase64url(payload)}.${toBase64url(new Uint8Array(mac))}`;
}

const invalidCursor = () =>
  new Problem({
    status: 400,
    kind: "invalid-cursor",
    detail: "cursor is not valid for this query",
    errors: [{ path: "query.cursor", message: "not a cursor of this query" }],
  });

/** The position of a cursor signed for `query`; a tampered, foreign or malformed cursor is a 400. */
export async function readCursor(config: Config, cursor: string, query: string): Promise<unknown> {
  const [payloadText, macText, extra] = cursor.split(".");
  if (!payloadText || !macText || extra !== undefined) throw invalidCursor();
  let payload: Uint8Array;
  let mac: Uint8Array;
  try {
    payload = fromBase64url(payloadText);
    mac = fromBase64url(macText);
  } catch {
    throw invalidCursor();
  }
  // `verify` compares in constant time.
  if (!(await crypto.subtle.verify("HMAC", await cursorKey(config), mac, payload))) throw invalidCursor();
  const decoded = JSON.parse(decoder.decode(payload)) as { p?: unknown; q?: unknown };
  if (decoded.q !== query) throw invalidCursor();
  return decoded.p;
}
