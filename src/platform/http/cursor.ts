import { Problem } from "./problem";

/** Opaque paging cursor: where the next page starts, bound to the query it belongs to. */
interface CursorState {
  offset: number;
  query: string;
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodeCursor(state: CursorState): string {
  return base64url(JSON.stringify({ o: state.offset, q: state.query }));
}

/** Reads a cursor; one made for another query, or garbage, is a 400. */
export function decodeCursor(cursor: string | undefined, query: string): number {
  if (!cursor) return 0;
  try {
    const decoded = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as { o?: unknown; q?: unknown };
    if (typeof decoded.o === "number" && Number.isInteger(decoded.o) && decoded.o >= 0 && decoded.q === query)
      return decoded.o;
  } catch {
    // fall through to the problem below
  }
  throw new Problem({
    status: 400,
    kind: "invalid-cursor",
    detail: "cursor is not valid for this query",
    errors: [{ path: "query.cursor", message: "not a cursor of this query" }],
  });
}
