import { z } from "@hono/zod-openapi";

/** `PROD`, `HML`, `DR`, `default`: letters, digits, `_` and `-`, up to 32, starting with a letter or digit. */
export const ENGINE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** Engine names are unique, and matched, without regard to case. */
export const nameKeyOf = (name: string) => name.toLowerCase();

/** An engine's name in a path, a query (`?engine=HML`) or a body (a workflow step's `engine`). */
export const EngineName = z
  .string()
  .regex(ENGINE_NAME, { error: "an engine name: letters, digits, _ and -, up to 32" })
  .openapi({
    description: "An HWA engine (see /api/v1/engines); default: yours, else the registry's",
    example: "PROD",
  });
