import { audit, auditOutcome } from "../platform/audit/writer";
import { clearLockout } from "../platform/auth/lockout";
import { revokeTokensOf } from "../platform/auth/revocation";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import { describeError } from "../platform/observability/logger";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import type { Scope } from "../platform/scope/scope";
import { registryOf } from "../engines/registry";
import {
  changeAccount,
  createAccount,
  deleteAccount,
  findAccount,
  listAccounts,
  normalizeUsername,
  viewOf,
} from "./accounts";
import type { change, create, list, remove, show, unlock } from "./users.routes";

function notFound(username: string): Problem {
  return new Problem({ status: 404, kind: "user-not-found", detail: `No user named ${username}` });
}

const lastAdmin = new Problem({
  status: 409,
  kind: "last-admin",
  detail: "The last enabled admin cannot be demoted, disabled or deleted",
});

export const listUsers: AppRouteHandler<typeof list> = async (c) => {
  return c.json({ items: (await listAccounts(await database(scopeOf(c).config))).map(viewOf) }, 200);
};

export const showUser: AppRouteHandler<typeof show> = async (c) => {
  const { username } = c.req.valid("param");
  const account = await findAccount(await database(scopeOf(c).config), username);
  if (!account) throw notFound(username);
  return c.json(viewOf(account), 200);
};

export const createUser: AppRouteHandler<typeof create> = async (c) => {
  const scope = scopeOf(c);
  const input = c.req.valid("json");
  const username = normalizeUsername(input.username);
  const event = { action: "user.create", target: username };
  await audit(scope, { ...event, outcome: "attempt", metadata: { role: input.role } });
  const created = await createAccount(await database(scope.config), input);
  if (!created) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "exists" } });
    throw new Problem({ status: 409, kind: "user-exists", detail: `A user named ${username} already exists` });
  }
  await auditOutcome(scope, { ...event, outcome: "success", metadata: { role: input.role } });
  return c.json(viewOf(created), 201);
};

/** A default engine or a grant names an engine the registry has (400 otherwise: a typo would never apply). */
async function requireKnownEngines(
  scope: Scope,
  input: { default_engine?: string | null; engine_roles?: Record<string, string> | null },
): Promise<void> {
  const names = [...(input.default_engine ? [input.default_engine] : []), ...Object.keys(input.engine_roles ?? {})];
  if (names.length === 0) return;
  const known = (await registryOf(scope)).byKey;
  const unknown = names.filter((name) => !known.has(name.toLowerCase()));
  if (unknown.length === 0) return;
  throw new Problem({
    status: 400,
    kind: "validation-error",
    detail: "The request is invalid",
    errors: unknown.map((name) => ({ path: "body", message: `no engine named ${name}` })),
  });
}

export const changeUser: AppRouteHandler<typeof change> = async (c) => {
  const scope = scopeOf(c);
  const { username } = c.req.valid("param");
  const input = c.req.valid("json");
  const changed = {
    role: input.role,
    disabled: input.disabled,
    password_reset: input.password !== undefined,
    default_engine: input.default_engine,
    engine_roles: input.engine_roles,
  };
  await requireKnownEngines(scope, input);
  const event = { action: "user.change", target: normalizeUsername(username) };
  await audit(scope, { ...event, outcome: "attempt", metadata: changed });
  const result = await changeAccount(await database(scope.config), username, {
    role: input.role,
    password: input.password,
    disabled: input.disabled,
    defaultEngine: input.default_engine,
    engineRoles: input.engine_roles,
  });
  if (result === "not-found") {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { ...changed, reason: "not found" } });
    throw notFound(username);
  }
  if (result === "last-admin") {
    await auditOutcome(scope, { ...event, outcome: "denied", metadata: { ...changed, reason: "last admin" } });
    throw lastAdmin;
  }
  await revokeTokensOf(c.env.CACHE, result.username, scope.config.JWT_TTL_SECONDS);
  // A new password voids the locks its guessers caused, and the trust the old one earned (browsers, addresses).
  // The reset is done: a guard that cannot be reached is logged and audited, not answered with an error.
  const unlocked =
    input.password === undefined
      ? undefined
      : await clearLockout(c.env, result.username, true).catch((error: unknown) => {
          scope.log.error("login locks not cleared after a password reset", describeError(error));
          return { locks_cleared: false };
        });
  await auditOutcome(scope, { ...event, outcome: "success", metadata: { ...changed, ...unlocked } });
  return c.json(viewOf(result), 200);
};

export const deleteUser: AppRouteHandler<typeof remove> = async (c) => {
  const scope = scopeOf(c);
  const username = normalizeUsername(c.req.valid("param").username);
  const event = { action: "user.delete", target: username };
  await audit(scope, { ...event, outcome: "attempt" });
  const result = await deleteAccount(await database(scope.config), username);
  if (result === "not-found") {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "not found" } });
    throw notFound(username);
  }
  if (result === "last-admin") {
    await auditOutcome(scope, { ...event, outcome: "denied", metadata: { reason: "last admin" } });
    throw lastAdmin;
  }
  await revokeTokensOf(c.env.CACHE, username, scope.config.JWT_TTL_SECONDS);
  await auditOutcome(scope, { ...event, outcome: "success" });
  return c.body(null, 204);
};

export const clearUserLockout: AppRouteHandler<typeof unlock> = async (c) => {
  const scope = scopeOf(c);
  const username = normalizeUsername(c.req.valid("param").username);
  const event = { action: "user.unlock", target: username };
  await audit(scope, { ...event, outcome: "attempt" });
  if (!(await findAccount(await database(scope.config), username))) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "not found" } });
    throw notFound(username);
  }
  const unlocked = await clearLockout(c.env, username);
  await auditOutcome(scope, { ...event, outcome: "success", metadata: { ...unlocked } });
  return c.body(null, 204);
};
