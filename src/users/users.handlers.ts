import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../platform/http/app-env";
import { audit, type AuditOutcome } from "../platform/audit/writer";
import { rotateCsrfToken } from "../platform/auth/csrf-rotation";
import { revokeTokensOf } from "../platform/auth/revocation";
import { database } from "../platform/db/client";
import { readConfig } from "../platform/env/config";
import { Problem } from "../platform/http/problem";
import {
  changeAccount,
  createAccount,
  deleteAccount,
  findAccount,
  listAccounts,
  normalizeUsername,
  viewOf,
} from "./accounts";
import type { change, create, list, remove, show } from "./users.routes";

const db = (c: Context<AppEnv>) => database(readConfig(c.env));

function notFound(username: string): Problem {
  return new Problem({ status: 404, kind: "user-not-found", detail: `No user named ${username}` });
}

const lastAdmin = new Problem({
  status: 409,
  kind: "last-admin",
  detail: "The last enabled admin cannot be demoted, disabled or deleted",
});

function record(
  c: Context<AppEnv>,
  action: string,
  target: string,
  outcome: AuditOutcome,
  metadata?: Record<string, unknown>,
) {
  void audit(c, { actor: c.get("identity")!.username, action, target, outcome, ...(metadata ? { metadata } : {}) });
}

export const listUsers: RouteHandler<typeof list, AppEnv> = async (c) => {
  return c.json({ items: (await listAccounts(await db(c))).map(viewOf) }, 200);
};

export const showUser: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { username } = c.req.valid("param");
  const account = await findAccount(await db(c), username);
  if (!account) throw notFound(username);
  return c.json(viewOf(account), 200);
};

export const createUser: RouteHandler<typeof create, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const created = await createAccount(await db(c), input);
  const username = normalizeUsername(input.username);
  if (!created) {
    record(c, "user.create", username, "failure", { reason: "exists" });
    throw new Problem({ status: 409, kind: "user-exists", detail: `A user named ${username} already exists` });
  }
  record(c, "user.create", username, "success", { role: input.role });
  await rotateCsrfToken(c);
  return c.json(viewOf(created), 201);
};

export const changeUser: RouteHandler<typeof change, AppEnv> = async (c) => {
  const { username } = c.req.valid("param");
  const input = c.req.valid("json");
  const result = await changeAccount(await db(c), username, input);
  const changed = { role: input.role, disabled: input.disabled, password_reset: input.password !== undefined };
  if (result === "not-found") throw notFound(username);
  if (result === "last-admin") {
    record(c, "user.change", normalizeUsername(username), "denied", { ...changed, reason: "last admin" });
    throw lastAdmin;
  }
  await revokeTokensOf(c.env.CACHE, result.username, readConfig(c.env).JWT_TTL_SECONDS);
  record(c, "user.change", result.username, "success", changed);
  await rotateCsrfToken(c);
  return c.json(viewOf(result), 200);
};

export const deleteUser: RouteHandler<typeof remove, AppEnv> = async (c) => {
  const { username } = c.req.valid("param");
  const result = await deleteAccount(await db(c), username);
  if (result === "not-found") throw notFound(username);
  if (result === "last-admin") {
    record(c, "user.delete", normalizeUsername(username), "denied", { reason: "last admin" });
    throw lastAdmin;
  }
  await revokeTokensOf(c.env.CACHE, normalizeUsername(username), readConfig(c.env).JWT_TTL_SECONDS);
  record(c, "user.delete", normalizeUsername(username), "success");
  await rotateCsrfToken(c);
  return c.body(null, 204);
};
