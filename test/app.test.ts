import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const response = await SELF.fetch("http://resync.test/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/api/health", "/health/ready", "/metrics"]),
    );
    expect(doc.components.schemas).toHaveProperty("Readiness");
    expect(doc.components.schemas).toHaveProperty("Problem");
  });

  it("describes Resync-Cache and Age on the 200 answer of every cached read", async () => {
    const doc = (await (await SELF.fetch("http://resync.test/openapi.json")).json()) as {
      paths: Record<
        string,
        {
          get: {
            responses: Record<
              string,
              { headers?: Record<string, { description?: string; schema: Record<string, unknown> }> }
            >;
          };
        }
      >;
    };
    const cachedReads = [
      "/api/v1/jobs",
      "/api/v1/jobs/{id}",
      "/api/v1/jobs/{id}/log",
      "/api/v1/jobstreams",
      "/api/v1/jobstreams/{id}",
      "/api/v1/workstations",
      "/api/v1/engine",
    ];
    for (const path of cachedReads) {
      const headers = doc.paths[path]?.get.responses["200"]?.headers;
      expect(headers, path).toBeDefined();
      expect(headers!["Resync-Cache"]!.schema, path).toMatchObject({
        type: "string",
        pattern: "^(hit|miss|coalesced|stale; age=\\d+)$",
      });
      expect(headers!["Resync-Cache"]!.description, path).toContain("stale; age=N");
      expect(headers!.Age!.schema, path).toMatchObject({ type: "integer", minimum: 0 });
    }
    expect(doc.paths["/api/v1/jobs/{id}/log"]!.get.responses["200"]!.headers).toHaveProperty("Resync-Run-Id");
    // A read that is not cached does not claim to be.
    expect(doc.paths["/api/v1/jobs/{id}/dependencies"]!.get.responses["200"]!.headers).toBeUndefined();
  });
});
