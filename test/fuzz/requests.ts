import fc from "fast-check";

// Requests generated from the OpenAPI document: every route, with path parameters, query strings, bodies and headers
// from well formed to hostile (boundary values, wrong types, unicode, deep nesting, oversized, forged credentials).

/** One operation of the document, as the generator needs it. */
export interface Operation {
  method: string;
  /** `/api/v1/jobs/{id}` */
  path: string;
  query: string[];
  hasBody: boolean;
}

/** Who sends a request: nobody, a role's Bearer token, a forged token, or a cookie session without its CSRF token. */
export type Caller = "anonymous" | "viewer" | "operator" | "admin" | "forged" | "cookie-without-csrf";

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  caller: Caller;
}

type Document = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>>;
};

export function operationsOf(doc: Document): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      query: (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      hasBody: operation.requestBody !== undefined,
    })),
  );
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Text from harmless to hostile: names, numbers, traversal, markup, injection, unicode, control characters. */
function text(known: readonly string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    fc.constantFrom(
      "",
      ".",
      "..",
      "%2e%2e",
      "*",
      "@",
      "%",
      "' OR 1=1 --",
      "<script>x</script>",
      "\u0000",
      "-1",
      "1e309",
    ),
    fc.constantFrom("0", "1", "500", "501", "true", "ABEND", "ABEND,FAIL", "2026-12-04T00:00:00Z", "null"),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.string({ minLength: 600, maxLength: 2_000 }),
  );
}

/** Nested JSON values, up to a depth beyond what any schema allows. */
const deepJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 10 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

function body(known: readonly string[]) {
  const field = fc.constantFrom(
    "username",
    "password",
    "role",
    "name",
    "steps",
    "message",
    "session_id",
    "workflow_id",
    "reason",
    "maintenance",
    "disabled",
    "action",
    "job",
  );
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .dictionary(field, fc.oneof(text(known), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 5 })
        .map((o) => JSON.stringify(o)),
    },
    { weight: 4, arbitrary: deepJson.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.constantFrom("", "{", "[]", "null", '{"a":', "not json", "a=1&b=2") },
    // Nesting deeper than any parser should have to follow.
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 2_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`) },
    // Larger than the body limit.
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ message: "x".repeat(1_100_000) })) },
  );
}

/** What a header can carry over the network: visible ASCII and spaces (the rest never reaches a Worker). */
const headerText = (value: string) => value.replace(/[^\x20-\x7e]/g, "");

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/problem+json",
  "",
];

/** One request to `operation`, or to it with another method; `known` feeds real ids and names in often. */
export function requestTo(operations: readonly Operation[], known: readonly string[]) {
  return fc
    .record({
      operation: fc.constantFrom(...operations),
      otherMethod: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, fc.constantFrom(...METHODS)),
      params: fc.array(text(known), { minLength: 4, maxLength: 4 }),
      query: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom("limit", "cursor", "since", "format"), fc.string({ maxLength: 8 })),
          text(known),
        ),
        { maxLength: 4 },
      ),
      declaredQuery: fc.array(text(known), { minLength: 8, maxLength: 8 }),
      useDeclared: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      body: fc.option(body(known), { freq: 4 }),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant("application/json") },
        fc.constantFrom(...CONTENT_TYPES),
      ),
      idempotencyKey: fc.option(fc.oneof(fc.uuid(), text(known)), { freq: 4 }),
      correlationId: fc.option(text(known), { freq: 3 }),
      traceparent: fc.option(
        fc.oneof(fc.string({ maxLength: 60 }), fc.constant("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")),
        { freq: 4 },
      ),
      origin: fc.option(fc.constantFrom("https://resync.test", "https://evil.example", "null"), { freq: 3 }),
      caller: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<Caller>("viewer", "operator", "admin") },
        fc.constantFrom<Caller>("anonymous", "forged", "cookie-without-csrf"),
      ),
    })
    .map((r): FuzzRequest => {
      const { operation } = r;
      let n = 0;
      const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.params[n++ % r.params.length]!));
      const search = new URLSearchParams();
      operation.query.forEach((name, i) => {
        if (r.useDeclared[i % 8]) search.append(name, r.declaredQuery[i % 8]!);
      });
      for (const [name, value] of r.query) search.append(name, value);
      const headers: Record<string, string> = {};
      if (r.contentType) headers["Content-Type"] = r.contentType;
      if (r.idempotencyKey !== null) headers["Idempotency-Key"] = headerText(r.idempotencyKey);
      if (r.correlationId !== null) headers["X-Correlation-ID"] = headerText(r.correlationId);
      if (r.traceparent !== null) headers.traceparent = headerText(r.traceparent);
      if (r.origin !== null) headers.Origin = r.origin;
      const method = r.otherMethod ?? operation.method;
      const query = search.toString();
      return {
        method,
        path: query ? `${path}?${query}` : path,
        headers,
        ...(r.body !== null && method !== "GET" && method !== "HEAD" ? { body: r.body } : {}),
        caller: r.caller,
      };
    });
}
