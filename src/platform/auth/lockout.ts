import type {
  ClientAdmission,
  LaneKind,
  LoginClient,
  LoginPolicy,
  Unlocked,
} from "../../../durable-objects/login-guard";
import type { Bindings } from "../env/bindings";
import { addressKey } from "../http/client-ip";
import { Problem } from "../http/problem";
import type { TrustedDevice } from "./device";

const MINUTE = 60_000;

/**
 * 5 failures in 15 minutes lock the account for 15 minutes, doubling on repeat, up to a day — counted per client the
 * account can tell apart: each trusted browser (device cookie), each address that signed in within 30 days (known
 * source), and everyone else together (untrusted clients). One lane's lock never locks another.
 */
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
  /** Which of the account's lanes the attempt counts in (for the audit trail, never the answer). */
  lane: LaneKind;
}

/** A refused login: the answer every refusal of its kind gets, and (for the audit trail only) the lane. */
export class LoginRefusal extends Problem {
  constructor(
    problem: Problem,
    readonly lane: LaneKind | undefined,
  ) {
    super({ status: problem.status, kind: problem.kind, detail: problem.message, headers: problem.headers });
  }
}

const accountGuard = (env: Bindings, username: string) =>
  env.LOGIN_GUARD.get(env.LOGIN_GUARD.idFromName(`account:${username}`));

function rateHeaders(admission: ClientAdmission): Record<string, string> {
  if (!admission.rate) return {};
  const policy = `"login";q=${admission.rate.limit};w=${(ipPolicy.rate?.periodMs ?? MINUTE) / 1000}`;
  return {
    "RateLimit-Policy": policy,
    RateLimit: `"login";r=${admission.rate.remaining};t=${admission.rate.resetSeconds}`,
  };
}

function refusal(admission: Extract<ClientAdmission, { allowed: false }>, headers: Record<string, string>): Problem {
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
 * Asks both guards — the account's, in the lane of this client, and the client IP's — whether this attempt may
 * proceed, before any password is checked. Throws a 429 LoginRefusal when either refuses; the answer never depends
 * on whether the account exists, because the account's guard is keyed by the name as typed, and a client is trusted
 * only by what a successful sign-in gave it.
 */
export async function admitLogin(
  env: Bindings,
  username: string,
  ip: string,
  device?: TrustedDevice,
): Promise<AdmittedLogin> {
  const address = addressKey(ip);
  const client: LoginClient = { address, ...(device ? { device } : {}) };
  const account = accountGuard(env, username);
  const ipGuard = env.LOGIN_GUARD.get(env.LOGIN_GUARD.idFromName(`ip:${address}`));
  const ipAdmission = await ipGuard.admit(ipPolicy);
  const headers = rateHeaders(ipAdmission);
  if (!ipAdmission.allowed) throw new LoginRefusal(refusal(ipAdmission, headers), undefined);
  const accountAdmission = await account.admit(accountPolicy, client);
  if (!accountAdmission.allowed) {
    await ipGuard.settle(ipAdmission.attemptId, "abandoned", ipPolicy);
    throw new LoginRefusal(refusal(accountAdmission, headers), accountAdmission.lane);
  }
  return {
    headers,
    lane: accountAdmission.lane,
    async settle(outcome) {
      await Promise.all([
        account.settle(accountAdmission.attemptId, outcome, accountPolicy, client),
        ipGuard.settle(ipAdmission.attemptId, outcome, ipPolicy),
      ]);
    },
  };
}

/**
 * Clears every lock and failure counter of an account (all lanes). After a password reset (`forgetTrust`) its
 * trusted browsers and known addresses are forgotten too: they were proven with the old password.
 */
export function clearLockout(env: Bindings, username: string, forgetTrust = false): Promise<Unlocked> {
  return accountGuard(env, username).unlock(accountPolicy, forgetTrust);
}
