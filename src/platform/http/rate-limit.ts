import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import type { Bindings } from "../env/bindings";
import { metrics } from "../observability/metrics";
import { addressKey, clientIp } from "./client-ip";
import { Problem } from "./problem";

/** One limit of API.md, enforced by a Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RatePolicy {
  /** Name in `RateLimit-Policy`. */
  name: string;
  binding: "USER_RATE_LIMITER" | "ANONYMOUS_RATE_LIMITER" | "CHAT_RATE_LIMITER" | "READINESS_RATE_LIMITER";
  /** Quota and window as configured on the binding, for the headers (the binding does not report them). */
  limit: number;
  periodSeconds: number;
}

export const userPolicy: RatePolicy = { name: "user", binding: "USER_RATE_LIMITER", limit: 600, periodSeconds: 60 };
export const anonymousPolicy: RatePolicy = {
  name: "anonymous",
  binding: "ANONYMOUS_RATE_LIMITER",
  limit: 60,
  periodSeconds: 60,
};
/** Chat messages per user, over REST and WebSocket alike. */
export const chatPolicy: RatePolicy = { name: "chat", binding: "CHAT_RATE_LIMITER", limit: 10, periodSeconds: 60 };

/** `/health/ready` per client address, whoever asks: probes need far less, floods get nothing. */
export const readinessPolicy: RatePolicy = {
  name: "readiness",
  binding: "READINESS_RATE_LIMITER",
  limit: 60,
  periodSeconds: 60,
};

const refused = metrics.counter("resync_rate_limited_total", "Requests refused by a rate limit, by policy.");

/** `RateLimit-Policy` (IETF httpapi draft) of a policy. */
export function policyHeader(policy: RatePolicy): string {
  return `"${policy.name}";q=${policy.limit};w=${policy.periodSeconds}`;
}

/** Counts one request of `key` against `policy`; over the limit → 429 with `Retry-After`. */
export async function consume(env: Bindings, policy: RatePolicy, key: string): Promise<void> {
  const { success } = await env[policy.binding].limit({ key });
  if (success) return;
  refused.inc({ policy: policy.name });
  throw new Problem({
    status: 429,
    kind: "rate-limited",
    detail: `Rate limit of ${policy.limit} requests per ${policy.periodSeconds} s exceeded; retry later`,
    headers: { "Retry-After": String(policy.periodSeconds), "RateLimit-Policy": policyHeader(policy) },
  });
}

/** A route's own limit per client address (IPv4, or IPv6 /64), authenticated or not. */
export function limitPerAddress(policy: RatePolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await consume(c.env as Bindings, policy, `ip:${addressKey(clientIp(c.req.raw.headers))}`);
    await next();
    c.res.headers.set("RateLimit-Policy", policyHeader(policy));
  };
}

export interface RateLimitOptions {
  exempt: (path: string) => boolean;
  /** The policy of an authenticated request when it is not the general per-user one (e.g. chat messages). */
  userPolicyFor?: (method: string, path: string) => RatePolicy | undefined;
}

/**
 * Per user when authenticated, per client IP otherwise. The binding counts in-process per location
 * (approximate, eventually consistent), so no request pays a Durable Object round trip for it.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (options.exempt(path)) return next();
    const identity = c.get("identity");
    const policy = identity ? (options.userPolicyFor?.(c.req.method, path) ?? userPolicy) : anonymousPolicy;
    const key = identity ? `user:${identity.username}` : `ip:${addressKey(clientIp(c.req.raw.headers))}`;
    await consume(c.env as Bindings, policy, key);
    await next();
    c.res.headers.set("RateLimit-Policy", policyHeader(policy));
  };
}
