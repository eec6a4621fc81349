import { secretsEqual } from "../auth/constant-time";
import { signatureOf } from "../auth/hmac";
import type { Config } from "../env/config";
import { Problem } from "./problem";

// An opaque paging cursor: where the next page starts (an offset, or the last key of a keyset page), signed together
// with the query it belongs to, so a forged, edited or foreign cursor is refused before anything is read (a forged
// offset would cost an upstream call and a cache write per request). The query is bound by the signature, not
// carried, so a cursor stays short whatever the filter.

/** An offset is never larger than this. */
const MAX_OFFSET = 1_000_000_000;
/** A position's JSON is never longer than this (a keyset page's last key is a time and an id). */
const MAX_POSITION_LENGTH = 256;

const base64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const sign = (config: Config, position: string, query: string) =>
  signatureOf(config.JWT_SECRET, "cursor", `${position}\n${query}`);

/** The cursor after a page: its position (any JSON value), then a signature over position and query. */
export async function encodeCursor(config: Config, position: unknown, query: string): Promise<string> {
  const json = JSON.stringify(position);
  return `${base64url(json)}.${await sign(config, json, query)}`;
}

function invalid(): Problem {
  return new Problem({
    status: 400,
    kind: "invalid-cursor",
    detail: "cursor is not valid for this query",
    errors: [{ path: "query.cursor", message: "not a cursor of this query" }],
  });
}

/** The position of a cursor this service made for `query`; anything else is a 400. */
export async function decodeCursor(config: Config, cursor: string, query: string): Promise<unknown> {
  const [encoded = "", signature = "", ...rest] = cursor.split(".");
  let json: string;
  try {
    json = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    throw invalid();
  }
  if (rest.length > 0 || json.length > MAX_POSITION_LENGTH) throw invalid();
  if (!(await secretsEqual(signature, await sign(config, json, query)))) throw invalid();
  return JSON.parse(json) as unknown;
}

/** The offset a list's cursor says: 0 without one; a cursor that is not this query's offset is a 400. */
export async function decodeOffset(config: Config, cursor: string | undefined, query: string): Promise<number> {
  if (!cursor) return 0;
  const offset = await decodeCursor(config, cursor, query);
  if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (offset as number) > MAX_OFFSET) throw invalid();
  return offset as number;
}
