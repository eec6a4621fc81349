import { z } from "@hono/zod-openapi";

/** A chat message as API.md defines it: 1..10,000 characters once NUL bytes are stripped. */
export const ChatMessage = z
  .string()
  .max(10_000 * 2)
  .transform((text) => text.replaceAll("\u0000", ""))
  .pipe(z.string().trim().min(1, "message is empty").max(10_000, "message is longer than 10000 characters"))
  .openapi({
    description: "The operator's question or instruction, 1..10000 characters (NUL bytes are stripped)",
    example: "qual o status do job PAYROLL_EXTRACT?",
  });
