import { secretsEqual } from "../auth/constant-time";
import { signatureOf } from "../auth/hmac";
import type { Config } from "../env/config";
import { Problem } from "./problem";

// An opaque paging cursor: where the next page starts, signed together with the query it belongs to, so a forged,
// edited or foreign cursor is refused before anything is read (a forged offset would cost an upstream call and a cache
// write per request).

/** Where the next page starts: an offset or the last key of the page; never larger than this. */
const MAX_POSITION = 1_000_000_000;

const base64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The cursor after a page: the position, then its signature over position and query. */
export async function encodeCursor(config: Config, state: { offset: number; query: string }): Promise<string> {
  const position = String(state.offset);
  return `${base64url(position)}.${await signatureOf(config.JWT_SECRET, "cursor", `${position}\n${state.query}`)}`;
}

function invalid(): Problem {
  return new Problem({
    status: 400,
    kind: "invalid-cursor",
    detail: "cursor is not valid for this query",
    errors: [{ path: "query.cursor", message: "not a cursor of this query" }],
  });
}

/** The position a cursor says, when it is one this service made for this query; else a 400. No cursor: 0. */
export async function decodeCursor(config: Config, cursor: string | undefined, query: string): Promise<number> {
  if (!cursor) return 0;
  const [encoded = "", signature = "", ...rest] = cursor.split(".");
  let position: string;
  try {
    position = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    throw invalid();
  }
  const offset = Number(position);
  if (rest.length > 0 || !/^\d{1,10}$/.test(position) || offset > MAX_POSITION) throw invalid();
  const expected = await signatureOf(config.JWT_SECRET, "cursor", `${position}\n${query}`);
  if (!(await secretsEqual(signature, expected))) throw invalid();
  return offset;
}
