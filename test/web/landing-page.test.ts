// `GET /` says what Resync is and where to go, as a static page; the API keeps reaching the Worker whatever the
// static assets hold (wrangler.toml: run_worker_first).
import { describe, expect, it } from "vitest";
import { problemOf } from "../helpers/worker";
import { expectSameOriginPage, ORIGIN, site } from "./pages";

describe("GET /", () => {
  it("is a page of this origin that links the API reference, the OpenAPI document, readiness and how to sign in", async () => {
    const html = await expectSameOriginPage("/");
    expect(html).toContain("HCL Workload Automation");
    for (const link of ["/docs/", "/openapi.json", "/health/ready"]) expect(html).toContain(`href="${link}"`);
    expect(html).toContain("POST /token");
  });

  it("leaves an unknown page to the Worker's 404", async () => {
    const response = await site.fetch(`${ORIGIN}/no-such-page`);
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).toContain("/no-such-page");
  });
});

describe("the API", () => {
  // Only the Worker sets X-Correlation-ID; asked as a browser navigation, as the console's fallback page would be.
  const navigation = { headers: { Accept: "text/html", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" } };

  it.each([
    ["/health", 200, /^application\/json/],
    ["/health/ready", 200, /^application\/json/],
    ["/metrics", 200, /^text\/plain/],
    ["/openapi.json", 200, /^application\/json/],
    ["/token", 405, /^application\/problem\+json/],
    ["/api/v1/jobs", 401, /^application\/problem\+json/],
    ["/api/v1/no-such-resource", 404, /^application\/problem\+json/],
  ])("GET %s reaches the Worker", async (path, status, type) => {
    const response = await site.fetch(`${ORIGIN}${path}`, navigation);
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(type);
    expect(response.headers.get("X-Correlation-ID")).toBeTruthy();
    await response.arrayBuffer();
  });

  it("signs in at POST /token", async () => {
    const response = await site.fetch(`${ORIGIN}/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "nobody", password: "wrong password" }),
    });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toBe("Invalid credentials");
  });
});
