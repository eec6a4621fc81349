import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../../src/platform/env/bindings";
import { metrics } from "../../../src/platform/observability/metrics";
import { anonymousPolicy, chatPolicy, rateLimit, userPolicy } from "../../../src/platform/http/rate-limit";
import { identityOf, tinyApp } from "../../helpers/tiny-app";
import { problemOf } from "../../helpers/worker";

/** A Rate Limiting binding that lets `allowed` requests of each key through and remembers the keys it was asked. */
function limiter(allowed = Number.POSITIVE_INFINITY) {
  const keys: string[] = [];
  const binding: RateLimit = {
    async limit({ key }) {
      keys.push(key);
      return { success: keys.filter((k) => k === key).length <= allowed };
    },
  };
  return { keys, binding };
}

/** The test bindings with fake limiters; each policy's binding is its own. */
function limiters(allowed?: number) {
  const user = limiter(allowed);
  const anonymous = limiter(allowed);
  const chat = limiter(allowed);
  const bindings: Bindings = {
    ...env,
    USER_RATE_LIMITER: user.binding,
    ANONYMOUS_RATE_LIMITER: anonymous.binding,
    CHAT_RATE_LIMITER: chat.binding,
  };
  return { user: user.keys, anonymous: anonymous.keys, chat: chat.keys, bindings };
}

const limited = () =>
  rateLimit({
    exempt: (path) => path === "/health",
    userPolicyFor: (method, path) => (method === "POST" && path === "/chat" ? chatPolicy : undefined),
  });

const refusedCount = (policy: string) => metrics.counter("resync_rate_limited_total", "").value({ policy });

describe("rateLimit() on a tiny app", () => {
  it("counts an anonymous request against its client IP under the anonymous policy, and says which policy", async () => {
    const { send } = tinyApp([limited()]);
    const { anonymous, user, bindings } = limiters();
    const response = await send("/x", { headers: { "CF-Connecting-IP": "203.0.113.9" } }, bindings);
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
    await send("/x", {}, bindings); // no CF-Connecting-IP: wrangler dev's 127.0.0.1
    expect(anonymous).toEqual(["ip:203.0.113.9", "ip:127.0.0.1"]);
    expect(user).toEqual([]);
  });

  it("counts an authenticated request against its user under the user policy, whatever the IP", async () => {
    const { send } = tinyApp([limited()], { identity: identityOf("alice") });
    const { anonymous, user, bindings } = limiters();
    const first = await send("/x", { headers: { "CF-Connecting-IP": "203.0.113.9" } }, bindings);
    await send("/x", { headers: { "CF-Connecting-IP": "198.51.100.1" } }, bindings);
    expect(first.headers.get("RateLimit-Policy")).toBe('"user";q=600;w=60');
    expect(user).toEqual(["user:alice", "user:alice"]);
    expect(anonymous).toEqual([]);
  });

  it("applies the route's own policy when there is one (chat messages), the user policy otherwise", async () => {
    const { send } = tinyApp([limited()], { identity: identityOf("alice") });
    const { chat, user, bindings } = limiters();
    const message = await send("/chat", { method: "POST" }, bindings);
    expect(message.headers.get("RateLimit-Policy")).toBe('"chat";q=10;w=60');
    await send("/chat", {}, bindings); // a GET is not a message
    expect(chat).toEqual(["user:alice"]);
    expect(user).toEqual(["user:alice"]);
  });

  it("does not count exempt paths, nor label them", async () => {
    const { calls, send } = tinyApp([limited()]);
    const { anonymous, bindings } = limiters(0);
    const response = await send("/health", {}, bindings);
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit-Policy")).toBeNull();
    expect(anonymous).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["an anonymous client", undefined, anonymousPolicy],
    ["a user", identityOf("bob"), userPolicy],
  ])(
    "over the limit, %s gets 429 with Retry-After and the policy; the handler is not called",
    async (_who, identity, policy) => {
      const { calls, send } = tinyApp([limited()], identity ? { identity } : {});
      const { bindings } = limiters(2);
      const before = refusedCount(policy.name);
      for (let i = 0; i < 2; i++) expect((await send("/x", {}, bindings)).status).toBe(200);
      const refused = await send("/x", {}, bindings);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toBe(String(policy.periodSeconds));
      expect(refused.headers.get("RateLimit-Policy")).toBe(
        `"${policy.name}";q=${policy.limit};w=${policy.periodSeconds}`,
      );
      expect((await problemOf(refused)).type).toBe("urn:resync:problem:rate-limited");
      expect(calls).toHaveLength(2);
      expect(refusedCount(policy.name)).toBe(before + 1);
    },
  );
});
