import { z } from "zod";
import { logLevels } from "../observability/logger";
import type { Bindings } from "./bindings";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const secret = (name: string) =>
  z.string({ error: `${name} is required` }).min(32, { error: `${name} must be at least 32 characters` });

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

const url = (protocols: RegExp, what: string) => z.url({ protocol: protocols, error: `must be a ${what} URL` });

/** Secrets production cannot run without, though local development may (`ENVIRONMENT = "production"` in wrangler.toml). */
function requiredInProduction(
  config: { ENVIRONMENT: string; METRICS_TOKEN?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (config.ENVIRONMENT !== "production") return;
  // Without it /metrics would be open to anyone; at least as long as the other secrets.
  if (!config.METRICS_TOKEN || config.METRICS_TOKEN.length < 32) {
    ctx.addIssue({
      code: "custom",
      path: ["METRICS_TOKEN"],
      message: "is required in production and must be at least 32 characters",
    });
  }
}

const variables = z.object({
  /** "production" (set in wrangler.toml's [env.production.vars]) makes METRICS_TOKEN required. */
  ENVIRONMENT: z.enum(["development", "production"]).default("development"),
  LIBSQL_URL: url(/^(https?|libsql|wss?)$/, "libsql://, http(s):// or ws(s)://"),
  LIBSQL_AUTH_TOKEN: optionalText,
  HWA_BASE_URL: optionalText.pipe(url(/^https?$/, "http(s)://").optional()),
  HWA_USERNAME: optionalText,
  HWA_PASSWORD: optionalText,
  HWA_API_KEY: optionalText,
  JWT_SECRET: secret("JWT_SECRET"),
  JWT_ISSUER: z.string().min(1).default("resync"),
  JWT_AUDIENCE: z.string().min(1).default("resync-api"),
  /** Lifetime of access tokens and console sessions: 15 to 60 minutes. */
  JWT_TTL_SECONDS: z.coerce.number().int().min(900).max(3600).default(1800),
  ADMIN_USERNAME: optionalText,
  ADMIN_PASSWORD: optionalText,
  CSRF_SECRET: secret("CSRF_SECRET"),
  METRICS_TOKEN: optionalText,
  /** Seals engine credentials at rest (AES-GCM); required as soon as an engine stores credentials. */
  ENGINE_KEY: optionalText.pipe(z.string().min(32, { error: "must be at least 32 characters" }).optional()),
  /** The key before a rotation: credentials sealed under it are still opened until re-sealed under ENGINE_KEY. */
  ENGINE_KEY_PREVIOUS: optionalText.pipe(z.string().min(32, { error: "must be at least 32 characters" }).optional()),
  AUDIT_RETENTION_DAYS: days(90),
  RUN_RETENTION_DAYS: days(30),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  /** "true" bypasses both cache tiers (every read goes to HWA): for benchmarks and troubleshooting. */
  CACHE_DISABLED: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** The per-isolate memory cache's bound in bytes (UTF-16 size of cached JSON); 32 MiB of the isolate's 128 MiB. */
  CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .max(64 * 1024 * 1024)
    .default(32 * 1024 * 1024),
  CACHE_MAX_ENTRIES: z.coerce.number().int().min(16).max(100_000).default(5_000),
});

/** The configuration every request relies on, parsed once per isolate from the bindings. */
export const configSchema = variables.superRefine(requiredInProduction);

export type Config = z.infer<typeof configSchema>;

/** Thrown when the bindings do not make a valid configuration; names the variables, never their values. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join("; ")}`);
    this.name = "ConfigError";
  }
}

const parsed = new WeakMap<object, Config>();

/** Parses the bindings once per bindings object (one per isolate in production). */
export function readConfig(env: Bindings): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "env"),
        message: issue.message,
      })),
    );
  }
  parsed.set(env, result.data);
  return result.data;
}
