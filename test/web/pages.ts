// Checks shared by the static pages' tests: what a page loads, and that its headers keep it to this origin.
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { HTML_CSP } from "../../src/platform/http/security-headers";

export const ORIGIN = "http://resync.test";

/**
 * The Worker as a browser reaches it: through the static-assets router first (wrangler.toml [assets], _headers).
 * `SELF` of @cloudflare/vitest-pool-workers 0.14.9 is the Worker alone (ctx.exports.default); the pool's own service
 * binding to the current worker, which `SELF` was before, goes through the router as production does.
 */
export const site = (() => {
  const binding = (env as { __VITEST_POOL_WORKERS_SELF_SERVICE?: Fetcher }).__VITEST_POOL_WORKERS_SELF_SERVICE;
  if (!binding) throw new Error("the pool has no __VITEST_POOL_WORKERS_SELF_SERVICE binding any more: see test/docs");
  return binding;
})();

/** The src of every script and the href of every stylesheet and icon in a page, in order. */
export function referencedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);
}

/** A page's CSP as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/**
 * An HTML page of this origin: 200, the security headers, a CSP that names no other origin and allows no inline
 * code (the Worker's own, so static and Worker HTML agree), no inline script or style, and every script,
 * stylesheet and icon it loads answered from here with its content type. Returns the page's text.
 */
export async function expectSameOriginPage(path: string): Promise<string> {
  const response = await site.fetch(`${ORIGIN}${path}`);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
  expectSecurityHeaders(response);
  const csp = response.headers.get("Content-Security-Policy")!;
  expect(csp).toBe(HTML_CSP);
  const policy = directives(csp);
  expect(policy.get("default-src")).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    for (const source of sources) {
      expect(["'self'", "'none'", ...(name === "img-src" ? ["data:"] : [])], `${name} ${source}`).toContain(source);
    }
  }

  const html = await response.text();
  expect(html).not.toMatch(/<style\b|\sstyle\s*=|\son[a-z]+\s*=/i);
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) expect(body!.trim()).toBe("");
  expect(html.match(/<script\b/gi)?.length ?? 0).toBe(html.match(/<script\b[^>]*\bsrc=/gi)?.length ?? 0);

  const types: Record<string, RegExp> = {
    js: /^(text|application)\/javascript/,
    css: /^text\/css/,
    png: /^image\/png/,
    svg: /^image\/svg\+xml/,
  };
  for (const reference of referencedUrls(html)) {
    const url = new URL(reference, `${ORIGIN}${path}`);
    expect(url.origin, reference).toBe(ORIGIN);
    const asset = await site.fetch(url);
    expect(asset.status, url.pathname).toBe(200);
    const extension = url.pathname.split(".").pop()!;
    expect(asset.headers.get("Content-Type"), url.pathname).toMatch(types[extension] ?? /^$/);
    expectSecurityHeaders(asset);
    await asset.arrayBuffer();
  }
  return html;
}

/** API.md's security headers. */
export function expectSecurityHeaders(response: Response) {
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("X-Frame-Options")).toBe("DENY");
  expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  expect(response.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
}
