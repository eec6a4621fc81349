import { z } from "zod";
import { open, seal, SealedTextError } from "../platform/auth/sealed";
import type { Config } from "../platform/env/config";
import { Problem } from "../platform/http/problem";
import type { EngineCredentials } from "../platform/scope/scope";

// An engine's credentials at rest: sealed (AES-GCM, src/platform/auth/sealed.ts) under ENGINE_KEY, bound to the
// engine's name, so the database holds no readable secret and a sealed text moved to another engine does not open.

/** What an admin sends: HTTP Basic for an engine user, or an API key (sent as a Bearer token). */
export const EngineAuth = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("basic"),
    username: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[^:\u0000-\u001f]+$/, { error: "no colon or control characters" }),
    password: z.string().min(1).max(1024),
  }),
  z.strictObject({
    kind: z.literal("api_key"),
    key: z
      .string()
      .min(1)
      .max(4096)
      .regex(/^[\x21-\x7e]+$/, { error: "visible ASCII characters" }),
  }),
]);
export type EngineAuth = z.infer<typeof EngineAuth>;

/** Sealed credentials are bound to this: the engine's name without regard to case. */
export const contextOf = (nameKey: string) => `resync engine credentials:${nameKey}`;

export function engineKeyMissing(): Problem {
  return new Problem({
    status: 500,
    kind: "engine-key-missing",
    detail: "ENGINE_KEY is not configured: engine credentials cannot be stored or read (set the secret)",
  });
}

export async function sealCredentials(config: Config, nameKey: string, auth: EngineAuth): Promise<string> {
  if (!config.ENGINE_KEY) throw engineKeyMissing();
  const secret = auth.kind === "basic" ? { username: auth.username, password: auth.password } : { apiKey: auth.key };
  return seal(config.ENGINE_KEY, JSON.stringify(secret), contextOf(nameKey));
}

const Opened = z.union([z.object({ username: z.string(), password: z.string() }), z.object({ apiKey: z.string() })]);

/** The credentials of a sealed text, opened by ENGINE_KEY or, until a rotation re-seals it, ENGINE_KEY_PREVIOUS. */
export async function openCredentials(config: Config, nameKey: string, sealed: string): Promise<EngineCredentials> {
  if (!config.ENGINE_KEY && !config.ENGINE_KEY_PREVIOUS) throw engineKeyMissing();
  try {
    const text = await open([config.ENGINE_KEY, config.ENGINE_KEY_PREVIOUS], sealed, contextOf(nameKey));
    return Opened.parse(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof SealedTextError ? error.reason : "invalid";
    throw new Problem({
      status: 500,
      kind: "engine-credentials-unreadable",
      detail:
        reason === "no-key"
          ? "This engine's credentials were sealed under a key that is neither ENGINE_KEY nor ENGINE_KEY_PREVIOUS"
          : "This engine's stored credentials do not open; set them again",
    });
  }
}
