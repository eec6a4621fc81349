import { SELF } from "cloudflare:test";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { database } from "../src/platform/db/client";
import { workflows } from "../src/platform/db/schema";
import { readConfig } from "../src/platform/env/config";
import type { Bindings } from "../src/platform/env/bindings";
import { operationsOf, requestTo, type Caller, type FuzzRequest } from "./fuzz/requests";
import { bearer, createUser, freshIp, sessionFor, tokenFor, type TestUser } from "./helpers/accounts";
import { simulatorAt } from "./helpers/hwa";
import { bindings, fetchWith } from "./helpers/worker";

// Every route of the OpenAPI document under generated requests, for every kind of caller. Properties: never a 500;
// every error is problem+json with the request's correlation id; no stack trace, secret or upstream host in any body;
// a refused request changes nothing (in HWA, or in the workflows this file's admin owns). `npm test` runs a bounded
// number of cases; `npm run fuzz` (test/fuzz/run.mjs) runs 100 000 in parts and reports cases per second.

const runs = inject("fuzzRuns");
const seed = inject("fuzzSeed");
const simulator = simulatorAt(inject("hwaFuzzUrl"));
const alwaysAllowed = { limit: async () => ({ success: true }) } as unknown as RateLimit;
/** Rate limits have tests of their own; here they would turn most cases into 429s. */
const env: Partial<Bindings> = {
  HWA_BASE_URL: simulator.url,
  USER_RATE_LIMITER: alwaysAllowed,
  ANONYMOUS_RATE_LIMITER: alwaysAllowed,
  CHAT_RATE_LIMITER: alwaysAllowed,
};

let callers: Record<Exclude<Caller, "anonymous">, Record<string, string>>;
let users: Record<"viewer" | "operator" | "admin", TestUser>;
let admin: TestUser;
let known: string[];
let operations: ReturnType<typeof operationsOf>;

beforeAll(async () => {
  admin = await createUser("admin");
  users = { viewer: await createUser("viewer"), operator: await createUser("operator"), admin };
  const [viewer, operator, adminToken] = await Promise.all([
    tokenFor(users.viewer),
    tokenFor(users.operator),
    tokenFor(admin),
  ]);
  const session = await sessionFor(await createUser("admin"));
  callers = {
    viewer: bearer(viewer),
    operator: bearer(operator),
    admin: bearer(adminToken!),
    forged: bearer(`${adminToken!.split(".").slice(0, 2).join(".")}.${"A".repeat(43)}`),
    "cookie-without-csrf": { Cookie: session.cookie },
  };
  // A user the generated requests may change or delete (the callers' own accounts are not named).
  const victim = await createUser("viewer");
  const jobs = (await (await fetchWith(env, "/api/v1/jobs?limit=5", { headers: callers.viewer })).json()) as {
    items: { id: string; name: string; job_stream_id: string }[];
  };
  known = [...jobs.items.flatMap((j) => [j.id, j.name, j.job_stream_id]), "1", victim.username, crypto.randomUUID()];
  const doc = await (await SELF.fetch("http://resync.test/openapi.json")).json();
  operations = operationsOf(doc as Parameters<typeof operationsOf>[0]);
});

/** What a refused request must not change: HWA's actions, and the workflows this file's admin owns. */
async function stateNow(): Promise<string> {
  const stats = (await (await fetch(`${simulator.url}/__control/stats`)).json()) as { byRoute: Record<string, number> };
  const actions = Object.entries(stats.byRoute).filter(([route]) => route.startsWith("PUT"));
  const db = await database(readConfig(bindings));
  const [row] = await db
    .select({ n: sql<number>`count(*)`, version: sql<number>`coalesce(sum(version), 0)` })
    .from(workflows)
    .where(and(eq(workflows.createdBy, admin.username), sql`status != 'deleted'`));
  return JSON.stringify({ actions, workflows: row });
}

/** The engine registry itself (not its /jobs… aliases): where an admin sets and reads each engine's base URL. */
const REGISTRY = /^\/api\/v1\/engines(\/[^/?]*)?(\?|$)/;

/** The callers signed in as an admin (the cookie is an admin's console session, which reads without a CSRF token). */
const ADMINS = new Set<Caller>(["admin", "cookie-without-csrf"]);

/** What no answer may contain; HWA's address only in the engine registry's answers to an admin. */
const secrets = (request: FuzzRequest) =>
  [
    bindings.JWT_SECRET,
    bindings.CSRF_SECRET,
    inject("hwaPassword"),
    ADMINS.has(request.caller) && REGISTRY.test(request.path) ? undefined : new URL(simulator.url).host,
  ].filter((s): s is string => typeof s === "string" && s.length > 0);
const STACK_TRACE = /\bat [\w.<>]+ \(.*:\d+:\d+\)|\n\s+at /;

async function send(request: FuzzRequest): Promise<Response> {
  const headers = { ...request.headers, "CF-Connecting-IP": freshIp() };
  if (request.caller !== "anonymous") Object.assign(headers, callers[request.caller]);
  const response = await fetchWith(env, request.path, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  // A generated logout revoked the caller's token: the next requests get a new one.
  const { caller } = request;
  if (response.status === 204 && request.path.startsWith("/api/v1/auth/logout") && caller in users)
    callers[caller as keyof typeof users] = bearer(await tokenFor(users[caller as keyof typeof users]));
  return response;
}

describe("every route under generated requests", () => {
  it(
    `holds its properties for ${runs} requests`,
    async () => {
      const started = Date.now();
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(requestTo(operations, known), async (request) => {
          cases += 1;
          const before = await stateNow();
          const response = await send(request);
          const text = await response.text();
          const where = `${request.method} ${request.path} as ${request.caller}`;
          expect(response.status, where).not.toBe(500);
          for (const secret of secrets(request))
            expect(text.includes(secret), `${where}: a secret in the body`).toBe(false);
          expect(STACK_TRACE.test(text), `${where}: a stack trace in the body`).toBe(false);
          // Readiness answers its own status document, 503 included (docs/api.md, Operations).
          const readiness = request.path.startsWith("/health/ready") && response.status === 503;
          if (response.status >= 400 && request.method !== "HEAD" && !readiness) {
            expect(response.headers.get("Content-Type"), where).toMatch(/^application\/problem\+json/);
            const problem = JSON.parse(text) as { status: number; correlation_id: string; type: string };
            expect(problem.status, where).toBe(response.status);
            // A replayed answer is the stored one, byte for byte: its correlation id is the first request's.
            if (response.headers.get("Idempotency-Replayed") !== "true")
              expect(problem.correlation_id, where).toBe(response.headers.get("X-Correlation-ID"));
            expect(await stateNow(), `${where}: a refused request changed state`).toBe(before);
          }
        }),
        { numRuns: runs, endOnFailure: true, ...(seed === null ? {} : { seed }) },
      );
      const seconds = (Date.now() - started) / 1000;
      if (runs > 2_000)
        console.log(
          `fuzz: ${cases} requests in ${seconds.toFixed(0)} s (${(cases / seconds).toFixed(1)}/s), seed ${seed ?? "drawn"}`,
        );
    },
    Math.max(120_000, runs * 200),
  );
});
