// `GET /` is the operator console (web/, built by web/build.mjs): static files of this origin under the CSP, no
// inline code, nothing from another origin; the API keeps reaching the Worker whatever the static assets hold
// (wrangler.toml: run_worker_first). Its pages are tested in a browser by test/e2e.
import { describe, expect, it } from "vitest";
import { problemOf } from "../helpers/worker";
import { expectSameOriginPage, ORIGIN, referencedUrls, site } from "./pages";

describe("GET /", () => {
  it("is the console: its scripts and styles from this origin under a CSP that allows no other", async () => {
    const html = await expectSameOriginPage("/");
    expect(html).toContain('<div id="app">');
    expect(html).toContain('href="/docs/"');
    const scripts = referencedUrls(html).filter((url) => url.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await (await site.fetch(`${ORIGIN}${script}`)).text();
      // The only absolute URLs are the XML namespaces the DOM needs; everything it calls is this origin's API.
      expect(code.match(/https?:\/\/[^"'`\s]*/g)?.filter((url) => !url.startsWith("http://www.w3.org/")) ?? []).toEqual(
        [],
      );
      expect(code).toContain("/api/v1/auth/login");
    }
  });

  it("serves the console's bundles with content-hashed names, cached for a year", async () => {
    const html = await (await site.fetch(`${ORIGIN}/`)).text();
    const bundle = referencedUrls(html).find((url) => url.startsWith("/app/"))!;
    expect(bundle).toMatch(/^\/app\/[\w-]+-[\w-]{8}\.(js|css)$/);
    const response = await site.fetch(`${ORIGIN}${bundle}`);
    expect(response.headers.get("Cache-Control")).toContain("immutable");
    await response.arrayBuffer();
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
