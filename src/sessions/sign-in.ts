import type { EngineRole, Role } from "../platform/db/schema";
import { audit } from "../platform/audit/writer";
import { trustedDevice, type TrustedDevice } from "../platform/auth/device";
import { admitLogin, LoginRefusal } from "../platform/auth/lockout";
import { dummyPasswordHash, verifyPassword } from "../platform/auth/password";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { bootstrapAdmin, findAccount, normalizeUsername } from "../users/accounts";

let bootstrap: Promise<unknown> | undefined;

/** Once per isolate: the first admin from ADMIN_USERNAME/ADMIN_PASSWORD when the database has none. */
function ensureBootstrap(scope: Scope): Promise<unknown> {
  const config = scope.config;
  // The dummy hash is derived here too, so the first unknown user does not pay for it (a timing tell).
  bootstrap ??= Promise.all([dummyPasswordHash(), database(config)])
    .then(([, db]) => bootstrapAdmin(db, config.ADMIN_USERNAME, config.ADMIN_PASSWORD))
    .catch((error: unknown) => {
      bootstrap = undefined;
      throw error;
    });
  return bootstrap;
}

/** The one answer to every failed login: it does not say whether the account exists. */
export function invalidCredentials(headers: Record<string, string> = {}): Problem {
  return new Problem({ status: 401, kind: "invalid-credentials", detail: "Invalid credentials", headers });
}

export interface SignedIn {
  username: string;
  role: Role;
  defaultEngine: string | null;
  engineRoles: Readonly<Record<string, EngineRole>> | null;
  /** Per-IP login rate headers, for the response. */
  headers: Record<string, string>;
  /** The device the client's device cookie proved for this account, if any (the console renews its cookie). */
  device?: TrustedDevice;
}

/**
 * Checks a username and password behind the lockout guards. An unknown user, a disabled user and a
 * wrong password cost the same full PBKDF2 derivation and end in the same 401. `deviceCookie` is the client's
 * device cookie, if any: a browser it proves for this account has a failure budget of its own.
 */
export async function signIn(
  scope: Scope,
  rawUsername: string,
  password: string,
  deviceCookie?: string,
): Promise<SignedIn> {
  await ensureBootstrap(scope);
  const username = normalizeUsername(rawUsername);
  const ip = scope.ip ?? "127.0.0.1";
  const device = await trustedDevice(scope.config, deviceCookie, username);
  const client = device ? "device" : undefined;
  let admitted: Awaited<ReturnType<typeof admitLogin>>;
  try {
    admitted = await admitLogin(scope.env, username, ip, device);
  } catch (error) {
    if (error instanceof LoginRefusal) {
      await audit(scope, {
        actor: username,
        action: "auth.login",
        target: username,
        outcome: "denied",
        metadata: { reason: error.kind, client: error.lane ?? client ?? "untrusted" },
      });
    }
    throw error;
  }

  const db = await database(scope.config);
  const account = await findAccount(db, username);
  const stored = account
    ? { hash: account.passwordHash, salt: account.passwordSalt, iterations: account.passwordIterations }
    : await dummyPasswordHash();
  const matches = await verifyPassword(password, stored);
  const ok = matches && account !== undefined && !account.disabled;

  await admitted.settle(ok ? "success" : "failure");
  // Before any token exists: when the queue refuses the event, the login answers 503 and issues nothing.
  await audit(scope, {
    actor: username,
    action: "auth.login",
    target: username,
    outcome: ok ? "success" : "failure",
    metadata: { client: admitted.lane, ...(ok ? {} : { reason: "invalid credentials" }) },
  });
  if (!ok || !account) throw invalidCredentials(admitted.headers);
  return {
    username: account.username,
    role: account.role,
    defaultEngine: account.defaultEngine,
    engineRoles: account.engineRoles,
    headers: admitted.headers,
    ...(device ? { device } : {}),
  };
}
