import { z } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import type { Read } from "../cache/tiered-cache";
import type { AppEnv } from "./app-env";

// How a cached read is answered over HTTP: from its JSON text, saying where it came from and how old it is.

/**
 * A 200 `application/json` answer whose body is JSON text already made (a cached value, or one assembled from it),
 * typed as the `T` it encodes: the same bytes `c.json(value)` would send, without serializing again.
 */
export function jsonText<T>(c: Context<AppEnv>, text: string): Response & TypedResponse<JSONParsed<T>, 200, "json"> {
  return c.body(text, 200, { "Content-Type": "application/json" }) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, "json">;
}

/** Says where the answer came from: `Resync-Cache: hit|miss|coalesced` or `stale; age=N`, and `Age`. */
export function setCacheHeaders(c: Context<AppEnv>, read: Read<unknown>): void {
  c.header("Resync-Cache", read.source === "stale" ? `stale; age=${read.ageSeconds}` : read.source);
  c.header("Age", String(read.ageSeconds));
}

/** The headers of every cached read's answer (`setCacheHeaders`), for the read routes' OpenAPI responses. */
export const cachedReadHeaders = z.object({
  "Resync-Cache": z
    .string()
    .regex(/^(hit|miss|coalesced|stale; age=\d+)$/)
    .openapi({
      description:
        "Where the answer came from: `hit` (a fresh cached value), `miss` (fetched from HWA for this request), `coalesced` " +
        "(fetched from HWA by a concurrent request), or `stale; age=N` (an older value, served while it is refreshed or while HWA fails)",
      example: "hit",
    }),
  Age: z
    .number()
    .int()
    .min(0)
    .openapi({ description: "Seconds since the value was fetched from HWA (RFC 9111 §5.1)", example: 3 }),
});
