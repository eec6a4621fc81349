// /docs works on an air-gapped network: Swagger UI from the pinned swagger-ui-dist package, served as static assets
// from this origin, over this Worker's own OpenAPI document.
import { describe, expect, it } from "vitest";
import { expectSameOriginPage, ORIGIN, referencedUrls, site } from "./pages";

describe("/docs", () => {
  it("leads to Swagger UI under /docs/", async () => {
    const response = await site.fetch(`${ORIGIN}/docs`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("Location")!, ORIGIN).pathname).toBe("/docs/");
  });

  it("is Swagger UI with every script and style from this origin, under a CSP that allows no other", async () => {
    const html = await expectSameOriginPage("/docs/");
    expect(referencedUrls(html)).toEqual(
      expect.arrayContaining(["./swagger-ui.css", "./swagger-ui-bundle.js", "./swagger-initializer.js"]),
    );
  });

  it("loads this Worker's OpenAPI document, and nothing from validator.swagger.io", async () => {
    const initializer = await (await site.fetch(`${ORIGIN}/docs/swagger-initializer.js`)).text();
    expect(initializer).toContain('url: "/openapi.json"');
    expect(initializer).toContain("validatorUrl: null");
    expect(initializer).not.toMatch(/https?:\/\//);

    const document = await site.fetch(`${ORIGIN}/openapi.json`);
    expect(document.status).toBe(200);
    expect(document.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(((await document.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
