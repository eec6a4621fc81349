import { SELF } from "cloudflare:test";
import type { Role } from "../../src/platform/db/schema";
import { database } from "../../src/platform/db/client";
import { readConfig } from "../../src/platform/env/config";
import { createAccount } from "../../src/users/accounts";
import { bindings } from "./worker";

export interface TestUser {
  username: string;
  password: string;
  role: Role;
}

/** A client address no other test uses, so per-IP login limits do not couple tests. */
export function freshIp(): string {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3));
  return `10.${a}.${b}.${(c! % 254) + 1}`;
}

/** Inserts an account through the real accounts code. */
export async function createUser(role: Role, password = `pw-${crypto.randomUUID()}`): Promise<TestUser> {
  const username = `${role}-${crypto.randomUUID().slice(0, 12)}`;
  await createAccount(await database(readConfig(bindings)), { username, password, role });
  return { username, password, role };
}

export function postToken(
  body: Record<string, string>,
  ip = freshIp(),
  form = false,
  headers: Record<string, string> = {},
): Promise<Response> {
  return SELF.fetch("https://resync.test/token", {
    method: "POST",
    headers: {
      "CF-Connecting-IP": ip,
      "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
      ...headers,
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

/** A Bearer access token for `user`, from `POST /token`. */
export async function tokenFor(user: TestUser): Promise<string> {
  const response = await postToken({ username: user.username, password: user.password });
  if (response.status !== 200)
    throw new Error(`token for ${user.username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const ORIGIN = "https://resync.test";

/** A console session for `user`: the cookie header to send and its CSRF token. */
export async function sessionFor(user: TestUser): Promise<{ cookie: string; csrf: string }> {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/login`, {
    method: "POST",
    headers: { "CF-Connecting-IP": freshIp(), "Content-Type": "application/json", Origin: ORIGIN },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (response.status !== 200)
    throw new Error(`session for ${user.username}: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get("Set-Cookie")!;
  const body = (await response.json()) as { csrf_token: string };
  return { cookie: setCookie.split(";")[0]!, csrf: body.csrf_token };
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
