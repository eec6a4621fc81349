/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

// DESIGN.md's layout rules, checked on the source text: platform code never imports a feature, and only the HTTP
// edge (routes, handlers, routers, platform/http) imports Hono's HTTP surface; services take a Scope.

const sources = import.meta.glob(["../src/**/*.ts", "../durable-objects/*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Every import of a file: what it names and from where (`import type` too; re-exports as well). */
function importsOf(text: string): { names: string; from: string }[] {
  const found: { names: string; from: string }[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(?:type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gms))
    found.push({ names: match[1]!, from: match[2]! });
  for (const match of text.matchAll(/import\("([^"]+)"\)/g)) found.push({ names: "*", from: match[1]! });
  return found;
}

/** A path relative to the repository root (`src/jobs/actions.ts`), and where a relative import leads. */
const fileOf = (key: string) => key.replace(/^\.\.\//, "");
function resolve(file: string, from: string): string {
  const parts = file.split("/").slice(0, -1);
  for (const segment of from.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

const isEdge = (file: string) =>
  file === "src/app.ts" ||
  file.startsWith("src/platform/http/") ||
  /\.(routes|handlers)\.ts$/.test(file) ||
  /^src\/[^/]+\/index\.ts$/.test(file);

/** Hono's HTTP surface: anything of `hono` but its JWT helpers, anything of `@hono/zod-openapi` but its `z`. */
function isHttpImport({ names, from }: { names: string; from: string }): boolean {
  if (from === "hono/jwt") return false;
  if (from === "@hono/zod-openapi") return names.replace(/[{}\s]/g, "") !== "z";
  return from === "hono" || from.startsWith("hono/") || from.startsWith("@hono/");
}

describe("the house's layout", () => {
  const files = Object.entries(sources).map(([key, text]) => ({ file: fileOf(key), text }));

  it("reads the sources it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file === "src/platform/scope/scope.ts")).toBe(true);
  });

  it("platform code imports no feature", () => {
    const offences = files
      .filter(({ file }) => file.startsWith("src/platform/"))
      .flatMap(({ file, text }) =>
        importsOf(text)
          .filter(({ from }) => from.startsWith("."))
          .map(({ from }) => ({ file, target: resolve(file, from) }))
          .filter(({ target }) => target.startsWith("src/") && !target.startsWith("src/platform/")),
      );
    expect(offences).toEqual([]);
  });

  it("platform code takes only types from Durable Object modules", () => {
    const offences = files
      .filter(({ file }) => file.startsWith("src/platform/"))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+"([^"]*durable-objects[^"]*)"/gms)].map((m) => ({
          file,
          from: m[2],
        })),
      );
    expect(offences).toEqual([]);
  });

  it("only the HTTP edge imports Hono's HTTP surface; services and Durable Objects take a Scope", () => {
    const offences = files
      .filter(({ file }) => !isEdge(file))
      .flatMap(({ file, text }) =>
        importsOf(text)
          .filter(isHttpImport)
          .map(({ from }) => ({ file, from })),
      );
    expect(offences).toEqual([]);
  });

  it("the rules catch what they are meant to catch", () => {
    expect(isHttpImport({ names: "type { Context }", from: "hono" })).toBe(true);
    expect(isHttpImport({ names: "{ createRoute, z }", from: "@hono/zod-openapi" })).toBe(true);
    expect(isHttpImport({ names: "{ z }", from: "@hono/zod-openapi" })).toBe(false);
    expect(isHttpImport({ names: "{ sign }", from: "hono/jwt" })).toBe(false);
    expect(resolve("src/platform/cache/x.ts", "../../jobs/actions")).toBe("src/jobs/actions");
    expect(isEdge("src/jobs/jobs.handlers.ts")).toBe(true);
    expect(isEdge("src/jobs/actions.ts")).toBe(false);
  });
});
