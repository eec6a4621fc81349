import { SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { CLOSED_URL, fetchWith, problemOf } from "../helpers/worker";

interface ReadinessBody {
  status: string;
  components: Record<
    string,
    { status: string; latency_ms: number; detail?: string; namespaces?: Record<string, unknown> }
  >;
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

describe("readiness", () => {
  it("is ready with every component checked against the local stack", async () => {
    const response = await SELF.fetch("http://resync.test/health/ready");
    const body = (await response.json()) as ReadinessBody;
    expect(response.status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.components.libsql!.status).toBe("ok");
    expect(body.components.kv!.status).toBe("ok");
    expect(body.components.durable_objects!.status).toBe("ok");
    expect(body.components.hwa!.status).toBe("ok");
    for (const component of Object.values(body.components)) expect(component.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it("turns 503 when libSQL is down, and says which component failed", async () => {
    const response = await fetchWith({ LIBSQL_URL: CLOSED_URL }, "/health/ready");
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
      const response = await fetchWith(target, "/health/ready");
      expect(response.status).toBe(503);
      expect(((await response.json()) as ReadinessBody).components.libsql!.status).toBe("error");
    }
    expect(await initialisations()).toBe(before + 1);
  });

  it("connects with the right token", async () => {
    const response = await fetchWith(
      { LIBSQL_URL: inject("libsqlTokenUrl"), LIBSQL_AUTH_TOKEN: inject("libsqlToken") },
      "/health/ready",
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReadinessBody).components.libsql!.status).toBe("ok");
  });

  it("reports HWA as not configured when HWA_BASE_URL is empty", async () => {
    const response = await fetchWith({ HWA_BASE_URL: "" }, "/health/ready");
    expect(((await response.json()) as ReadinessBody).components.hwa!.status).toBe("not_configured");
  });

  it("marks HWA degraded, not unavailable, when the engine does not answer", async () => {
    const response = await fetchWith({ HWA_BASE_URL: `${CLOSED_URL}/twsd` }, "/health/ready");
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
    for (const path of ["/metrics", "/health/ready"]) {
      const response = await fetchWith({ ...production, METRICS_TOKEN: undefined }, path);
      expect(response.status, path).toBe(500);
      const problem = await problemOf(response);
      expect(problem.type).toBe("urn:resync:problem:configuration-error");
      expect(problem.detail).toContain("METRICS_TOKEN");
    }
    expect((await fetchWith({ ...production, METRICS_TOKEN: undefined }, "/health")).status).toBe(200);
  });

  it("refuses a short METRICS_TOKEN, never showing it", async () => {
    const response = await fetchWith({ ...production, METRICS_TOKEN: "short-metrics-token" }, "/metrics");
    expect(response.status).toBe(500);
    expect(await response.clone().text()).not.toContain("short-metrics-token");
    expect((await problemOf(response)).detail).toContain("METRICS_TOKEN");
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
      Array.from({ length: 50 }, () => fetchWith({ LIBSQL_URL: fresh }, "/health/ready")),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await metricLine()).toBe(before + 1);
  });
});
