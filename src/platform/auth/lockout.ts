import type { Admission, LoginPolicy } from "../../../durable-objects/login-guard";
import type { Bindings } from "../env/bindings";
import { addressKey } from "../http/client-ip";
import { Problem } from "../http/problem";

const MINUTE = 60_000;

/** 5 failures of one account in 15 minutes lock it for 15 minutes, doubling on repeat, up to a day. */
export const accountPolicy: LoginPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
  clearOnSuccess: true,
};

/** Per client IP: 5 login requests a minute, exactly; 20 failures in 15 minutes (spraying across accounts) lock it. */
export const ipPolicy: LoginPolicy = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
  rate: { limit: 5, periodMs: MINUTE },
  clearOnSuccess: false,
};

export type LoginOutcome = "success" | "failure" | "abandoned";

/** A login attempt both guards let through; settle it once the password is checked. */
export interface AdmittedLogin {
  settle(outcome: LoginOutcome): Promise<void>;
  /** `RateLimit` / `RateLimit-Policy` headers of the per-IP login limit. */
  headers: Record<string, string>;
}

function rateHeaders(admission: Admission): Record<string, string> {
  if (!admission.rate) return {};
  const policy = `"login";q=${admission.rate.limit};w=${(ipPolicy.rate?.periodMs ?? MINUTE) / 1000}`;
  return {
    "RateLimit-Policy": policy,
    RateLimit: `"login";r=${admission.rate.remaining};t=${admission.rate.resetSeconds}`,
  };
}

function refusal(admission: Extract<Admission, { allowed: false }>, headers: Record<string, string>): Problem {
  const until = new Date(Date.now() + admission.retryAfterSeconds * 1000).toISOString();
  const detail =
    admission.reason === "rate_limited"
      ? `Too many login requests from this address; retry after ${until}`
      : `Too many failed logins; retry after ${until}`;
  return new Problem({
    status: 429,
    kind: admission.reason === "rate_limited" ? "login-rate-limited" : "login-locked",
    detail,
    headers: { ...headers, "Retry-After": String(admission.retryAfterSeconds) },
  });
}

/**
 * Asks both guards — the account's and the client IP's — whether this attempt may proceed, before any
 * password is checked. Throws a 429 Problem when either refuses; the answer never depends on whether the
 * account exists, because the account's guard is keyed by the name as typed.
 */
export async function admitLogin(env: Bindings, username: string, ip: string): Promise<AdmittedLogin> {
  const accountGuard = env.LOGIN_GUARD.get(env.LOGIN_GUARD.idFromName(`account:${username}`));
  const ipGuard = env.LOGIN_GUARD.get(env.LOGIN_GUARD.idFromName(`ip:${addressKey(ip)}`));
  const ipAdmission = await ipGuard.admit(ipPolicy);
  const headers = rateHeaders(ipAdmission);
  if (!ipAdmission.allowed) throw refusal(ipAdmission, headers);
  const accountAdmission = await accountGuard.admit(accountPolicy);
  if (!accountAdmission.allowed) {
    await ipGuard.settle(ipAdmission.attemptId, "abandoned", ipPolicy);
    throw refusal(accountAdmission, headers);
  }
  return {
    headers,
    async settle(outcome) {
      await Promise.all([
        accountGuard.settle(accountAdmission.attemptId, outcome, accountPolicy),
        ipGuard.settle(ipAdmission.attemptId, outcome, ipPolicy),
      ]);
    },
  };
}
