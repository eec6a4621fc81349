import { SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { HwaError } from "../../src/hwa/errors";
import { guardFor } from "../../src/hwa/connection";
import type { Bindings } from "../../src/platform/env/bindings";
import { bearer, createUser, freshIp, tokenFor } from "../helpers/accounts";
import { simulatorAt } from "../helpers/hwa";
import { CLOSED_URL, fetchWith, problemOf } from "../helpers/worker";
import { captureLogs } from "../helpers/logs";

interface ComponentBody {
  status: string;
  latency_ms: number;
  detail?: string;
  namespaces?: Record<string, unknown>;
}

interface ReadinessBody {
  status: string;
  components: Record<string, ComponentBody> & { engines?: Record<string, ComponentBody> };
}

describe("liveness", () => {
  it("answers ok on /health and /api/health without touching anything", async () => {
    for (const path of ["/health", "/api/health"]) {
      const response = await fetchWith({ LIBSQL_URL: CLOSED_URL }, path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    }
  });
});

const METRICS_TOKEN = "readiness-metrics-token-0123456789abcdef";

/** /health/ready over the bindings changed by `overrides`, from an address of its own; with the metrics token unless anonymous. */
function readyWith(overrides: Partial<Bindings>, { anonymous = false } = {}): Promise<Response> {
  return fetchWith({ METRICS_TOKEN, ...overrides }, "/health/ready", {
    headers: { "CF-Connecting-IP": freshIp(), ...(anonymous ? {} : { Authorization: `Bearer ${METRICS_TOKEN}` }) },
  });
}

describe("readiness", () => {
  it("is ready with every component checked against the local stack (admin)", async () => {
    const admin = await tokenFor(await createUser("admin"));
    const response = await SELF.fetch("http://resync.test/health/ready", {
      headers: { ...bearer(admin), "CF-Connecting-IP": freshIp() },
    });
    const body = (await response.json()) as ReadinessBody;
    expect(response.status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.components.libsql!.status).toBe("ok");
    expect(body.components.kv!.status).toBe("ok");
    expect(body.components.durable_objects!.status).toBe("ok");
    expect(body.components.hwa!.status).toBe("ok");
    // Every enabled engine has a line of its own; here the one the environment seeds.
    const { engines, ...checked } = body.components;
    expect(engines?.default?.status).toBe("ok");
    for (const component of [...Object.values(checked), ...Object.values(engines ?? {})])
      expect(component.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it("tells anonymous callers the status only, 200 or 503", async () => {
    const ok = await SELF.fetch("http://resync.test/health/ready", { headers: { "CF-Connecting-IP": freshIp() } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    const down = await readyWith({ LIBSQL_URL: CLOSED_URL }, { anonymous: true });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
  });

  it("shows the components with the metrics token or to an admin; not to a viewer or with a wrong token", async () => {
    const detailed = (body: unknown) => Object.hasOwn(body as object, "components");
    expect(detailed(await (await readyWith({})).json())).toBe(true);
    const wrong = await fetchWith({ METRICS_TOKEN }, "/health/ready", {
      headers: { "CF-Connecting-IP": freshIp(), Authorization: `Bearer ${METRICS_TOKEN}x` },
    });
    expect(wrong.status).toBe(200);
    expect(detailed(await wrong.json())).toBe(false);
    const as = async (role: "viewer" | "admin") =>
      SELF.fetch("http://resync.test/health/ready", {
        headers: { ...bearer(await tokenFor(await createUser(role))), "CF-Connecting-IP": freshIp() },
      });
    expect(detailed(await (await as("viewer")).json())).toBe(false);
    expect(detailed(await (await as("admin")).json())).toBe(true);
  });

  it("checks at most once per 10 s per isolate: repeated and concurrent calls share one check", async () => {
    const hwa = simulatorAt(inject("hwaReadinessUrl"));
    const before = await hwa.requests();
    const target = { HWA_BASE_URL: hwa.url };
    const answers = [await readyWith(target)];
    answers.push(...(await Promise.all(Array.from({ length: 10 }, () => readyWith(target, { anonymous: true })))));
    for (let i = 0; i < 5; i++) answers.push(await readyWith(target));
    expect(answers.map((r) => r.status)).toEqual(Array(16).fill(200));
    // One check: one call to HWA, one write to libSQL, whatever the number of callers.
    expect((await hwa.requests()) - before).toBe(1);
    const checkedAt = new Set<string>();
    for (const answer of answers) {
      const body = (await answer.json()) as ReadinessBody & { checked_at?: string };
      if (body.checked_at) checkedAt.add(body.checked_at);
    }
    expect(checkedAt.size).toBe(1);
  });

  it("reaches HWA through the resilient client: an open circuit is reported without calling HWA", async () => {
    const hwa = simulatorAt(inject("hwaReadinessUrl"));
    // Another spelling of the same engine: a guard (breaker, bulkhead) of its own, opened here.
    const base = hwa.url.replace("127.0.0.1", "localhost");
    const guard = guardFor(base);
    for (let i = 0; i < guard.options.breakerThreshold; i++) {
      await guard.call(false, () => Promise.reject(new HwaError("unavailable", "down"))).catch(() => undefined);
    }
    const before = await hwa.requests();
    const response = await readyWith({ HWA_BASE_URL: base });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReadinessBody;
    expect(body.status).toBe("degraded");
    expect(body.components.hwa).toMatchObject({ status: "error", detail: "HWA circuit is open" });
    expect(await hwa.requests()).toBe(before);
  });

  it("is rate limited per client address", async () => {
    const ip = freshIp();
    const call = (from: string) =>
      SELF.fetch("http://resync.test/health/ready", { headers: { "CF-Connecting-IP": from } });
    let refused: Response | undefined;
    // 60 a minute; the binding's windows are fixed, so two of them at most before the refusal.
    for (let i = 0; i < 125 && !refused; i++) {
      const response = await call(ip);
      if (response.status === 429) refused = response;
      else await response.arrayBuffer();
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused!.headers.get("RateLimit-Policy")).toBe('"readiness";q=60;w=60');
    await problemOf(refused!);
    // Another address is not affected.
    expect((await call(freshIp())).status).toBe(200);
  });

  it("turns 503 when libSQL is down, and says which component failed", async () => {
    const response = await readyWith({ LIBSQL_URL: CLOSED_URL });
    expect(response.status).toBe(503);
    const body = (await response.json()) as ReadinessBody;
    expect(body.status).toBe("unavailable");
    expect(body.components.libsql!.status).toBe("error");
    expect(body.components.kv!.status).toBe("ok");
  });

  it("reports rejected database credentials without retrying them", async () => {
    const target = { LIBSQL_URL: inject("libsqlTokenUrl"), LIBSQL_AUTH_TOKEN: "wrong-token" };
    const initialisations = async () => {
      const text = await (await fetchWith({}, "/metrics")).text();
      const line = text
        .split("\n")
        .find((l) => l.startsWith('resync_service_initialisations_total{outcome="started",service="libsql"}'));
      return Number(line?.split(" ")[1] ?? 0);
    };
    const before = await initialisations();
    for (let i = 0; i < 3; i++) {
      const response = await readyWith(target);
      expect(response.status).toBe(503);
      expect(((await response.json()) as ReadinessBody).components.libsql!.status).toBe("error");
    }
    expect(await initialisations()).toBe(before + 1);
  });

  it("connects with the right token", async () => {
    const response = await readyWith({
      LIBSQL_URL: inject("libsqlTokenUrl"),
      LIBSQL_AUTH_TOKEN: inject("libsqlToken"),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReadinessBody).components.libsql!.status).toBe("ok");
  });

  it("reports HWA as not configured when HWA_BASE_URL is empty", async () => {
    const response = await readyWith({ HWA_BASE_URL: "" });
    expect(((await response.json()) as ReadinessBody).components.hwa!.status).toBe("not_configured");
  });

  it("marks HWA degraded, not unavailable, when the engine does not answer", async () => {
    const response = await readyWith({ HWA_BASE_URL: `${CLOSED_URL}/twsd` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReadinessBody;
    expect(body.status).toBe("degraded");
    expect(body.components.hwa!.status).toBe("error");
  });
});

describe("metrics", () => {
  it("counts requests and latency by route and status in Prometheus text", async () => {
    await SELF.fetch("http://resync.test/health");
    await SELF.fetch("http://resync.test/no-such-thing");
    const response = await SELF.fetch("http://resync.test/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/^resync_http_requests_total\{method="GET",route="\/health",status="200"\} \d+$/m);
    expect(text).toMatch(/^resync_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+$/m);
    expect(text).toMatch(
      /^resync_http_request_duration_seconds_bucket\{method="GET",route="\/health",status="200",le="\+Inf"\} \d+$/m,
    );
    expect(text).toContain("# TYPE resync_http_request_duration_seconds histogram");
  });

  it("requires the bearer token when METRICS_TOKEN is set", async () => {
    const token = "metrics-token-0123456789-0123456789";
    const denied = await fetchWith({ METRICS_TOKEN: token }, "/metrics", {
      headers: { Authorization: "Bearer wrong" },
    });
    expect(denied.status).toBe(401);
    await problemOf(denied);
    const allowed = await fetchWith({ METRICS_TOKEN: token }, "/metrics", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("resync_http_requests_total");
  });
});

describe("production configuration", () => {
  const production = { ENVIRONMENT: "production" };

  it("refuses to serve without METRICS_TOKEN, naming it; liveness still answers", async () => {
    const logs = captureLogs();
    for (const path of ["/metrics", "/health/ready"]) {
      const response = await fetchWith({ ...production, METRICS_TOKEN: undefined }, path);
      expect(response.status, path).toBe(500);
      const problem = await problemOf(response);
      expect(problem.type).toBe("urn:resync:problem:configuration-error");
      expect(problem.detail).toContain("METRICS_TOKEN");
    }
    expect((await fetchWith({ ...production, METRICS_TOKEN: undefined }, "/health")).status).toBe(200);
    expect(logs.map((line) => line.message)).toContain("configuration invalid");
  });

  it("refuses a short METRICS_TOKEN, never showing it", async () => {
    const logs = captureLogs();
    const response = await fetchWith({ ...production, METRICS_TOKEN: "short-metrics-token" }, "/metrics");
    expect(response.status).toBe(500);
    expect(await response.clone().text()).not.toContain("short-metrics-token");
    expect((await problemOf(response)).detail).toContain("METRICS_TOKEN");
    expect(logs.map((line) => line.message)).toContain("configuration invalid");
  });

  it("serves /metrics only with the token once it is set", async () => {
    const token = "production-metrics-token-0123456789abcdef";
    const config = { ...production, METRICS_TOKEN: token };
    expect((await fetchWith(config, "/metrics")).status).toBe(401);
    const allowed = await fetchWith(config, "/metrics", { headers: { Authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
  });

  it("keeps local development open without a token", async () => {
    expect((await fetchWith({ METRICS_TOKEN: undefined }, "/metrics")).status).toBe(200);
  });
});

describe("lazy database connection", () => {
  it("is created once for 50 concurrent first requests of an isolate", async () => {
    // A spelling of the same server this isolate has not connected to yet: a fresh per-isolate singleton.
    const fresh = inject("libsqlUrl").replace("127.0.0.1", "localhost");
    const metricLine = async () => {
      const text = await (await fetchWith({}, "/metrics")).text();
      const line = text
        .split("\n")
        .find((l) => l.startsWith('resync_service_initialisations_total{outcome="started",service="libsql"}'));
      return Number(line?.split(" ")[1] ?? 0);
    };
    const before = await metricLine();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetchWith({ LIBSQL_URL: fresh }, "/health/ready", { headers: { "CF-Connecting-IP": freshIp() } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await metricLine()).toBe(before + 1);
  });
});
