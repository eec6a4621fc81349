import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("OpenAPI and docs", () => {
  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const response = await SELF.fetch("http://resync.test/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/api/health", "/health/ready", "/metrics"]));
    expect(doc.components.schemas).toHaveProperty("Readiness");
    expect(doc.components.schemas).toHaveProperty("Problem");
  });

  it("serves an interactive reference under a strict CSP", async () => {
    const response = await SELF.fetch("http://resync.test/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    const csp = response.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await response.text();
    expect(html).toContain('integrity="sha384-');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const init = await SELF.fetch("http://resync.test/docs/init.js");
    expect(await init.text()).toContain("/openapi.json");
  });
});
