// Hrana 3 on the wire, where no client library goes: the JSON cursor's lines as sent, and what a
// client that breaks the protocol gets back (an HTTP error with Hrana's Error in JSON, or a last entry).
import { describe, expect, inject, it } from "vitest";
import { uniqueTable } from "./helpers";

const url = inject("libsqlServerUrl");

function post(path: string, body: unknown, contentType = "application/json"): Promise<Response> {
  const data = body instanceof Uint8Array ? body : JSON.stringify(body);
  return fetch(`${url}/${path}`, { method: "POST", headers: { "content-type": contentType }, body: data });
}

async function cursorLines(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => JSON.parse(line));
}

const stmt = (sql: string) => ({ sql, args: [], named_args: [], want_rows: true });

describe("the JSON cursor", () => {
  it("sends the baton first, then one entry per line", async () => {
    const table = uniqueTable("wire_cursor");
    const response = await post("v3/cursor", {
      baton: null,
      batch: {
        steps: [
          { stmt: stmt(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT)`) },
          { stmt: stmt(`INSERT INTO ${table} (id, name) VALUES (41, 'a'), (42, 'b') RETURNING name`) },
          { condition: { type: "error", step: 1 }, stmt: stmt("SELECT 'skipped'") },
          { stmt: stmt(`INSERT INTO ${table} (id) VALUES (42)`) },
        ],
      },
    });
    expect(response.status).toBe(200);
    const [head, ...entries] = await cursorLines(response);
    expect(head).toEqual({ baton: expect.any(String), base_url: null });
    expect(entries).toEqual([
      { type: "step_begin", step: 0, cols: [] },
      { type: "step_end", affected_row_count: 0, last_insert_rowid: null },
      { type: "step_begin", step: 1, cols: [{ name: "name", decltype: "TEXT" }] },
      { type: "row", row: [{ type: "text", value: "a" }] },
      { type: "row", row: [{ type: "text", value: "b" }] },
      { type: "step_end", affected_row_count: 2, last_insert_rowid: "42" },
      { type: "step_error", step: 3, error: { message: expect.stringMatching(/UNIQUE/), code: "SQLITE_CONSTRAINT" } },
    ]);

    const next = await post("v3/pipeline", { baton: head?.baton, requests: [{ type: "close" }] });
    expect(await next.json()).toMatchObject({ baton: null, results: [{ type: "ok", response: { type: "close" } }] });
  });

  it("hands its stream on to the next request once the client abandons it", async () => {
    const rows = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT i FROM n";
    const response = await post("v3/cursor", { baton: null, batch: { steps: [{ stmt: stmt(rows) }] } });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    const head = JSON.parse(new TextDecoder().decode(value).split("\n")[0]!);
    // Sent while the cursor still streams: it runs once the cursor has stopped.
    const next = post("v3/pipeline", { baton: head.baton, requests: [{ type: "get_autocommit" }, { type: "close" }] });
    await reader.cancel();
    expect(await (await next).json()).toMatchObject({
      baton: null,
      results: [{ type: "ok", response: { type: "get_autocommit", is_autocommit: true } }, { type: "ok" }],
    });
  });

  it("ends with an error entry when a step breaks the protocol, and closes the stream", async () => {
    const response = await post("v3/cursor", {
      baton: null,
      batch: { steps: [{ stmt: stmt("SELECT 1") }, { condition: { type: "ok", step: 5 }, stmt: stmt("SELECT 2") }] },
    });
    const [head, ...entries] = await cursorLines(response);
    expect(entries.at(-1)).toEqual({ type: "error", error: { message: expect.any(String), code: "PROTOCOL_ERROR" } });
    const next = await post("v3/pipeline", { baton: head?.baton, requests: [{ type: "get_autocommit" }] });
    expect(next.status).toBe(400);
    expect(await next.json()).toMatchObject({ code: "STREAM_CLOSED" });
  });
});

describe("protocol errors", () => {
  it("answers an unknown baton with 400 and Hrana's Error in JSON, before any cursor entry", async () => {
    const response = await post("v3/cursor", { baton: "no-such-baton", batch: { steps: [] } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ message: expect.any(String), code: "BATON_INVALID" });
  });

  it("answers a malformed Protobuf body with 400 and Hrana's Error in JSON", async () => {
    // Field 2 (requests) claims 100 bytes but the body ends after 1.
    const response = await post("v3-protobuf/pipeline", Uint8Array.from([0x12, 100, 0]), "application/x-protobuf");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/Protobuf/), code: "PROTOCOL_ERROR" });
  });

  it("refuses a cursor body over 10 MiB with 413 REQUEST_TOO_LARGE", async () => {
    const sql = `SELECT '${"x".repeat(11 * 1024 * 1024)}'`;
    const response = await post("v3/cursor", { baton: null, batch: { steps: [{ stmt: stmt(sql) }] } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "REQUEST_TOO_LARGE" });
  });
});
