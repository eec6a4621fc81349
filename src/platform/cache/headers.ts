import { z } from "@hono/zod-openapi";

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
