import { beforeAll, describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../helpers/accounts";
import { type EventBody, getAudit, newestFirst, seed } from "./helpers";

let admin: string;
beforeAll(async () => {
  admin = await tokenFor(await createUser("admin"));
});

const get = (query: Record<string, string>) => getAudit(admin, query);

describe("GET /api/v1/audit?format=csv|ndjson: the whole filtered range, streamed", () => {
  it("exports a filtered range as CSV, quoted so that it parses back, as an attachment", async () => {
    const tricky = ["a,b", 'say "hi"', "two\r\nlines", '=HYPERLINK("x")', "-1", "plain"];
    const { actor, events } = await seed(1203, (i) => ({
      target: i < tricky.length ? tricky[i]! : `JOB-${i}`,
      metadata: i === 0 ? { note: 'quoted "value", with comma\nand newline' } : { i },
      ip: i === 1 ? null : "192.0.2.7",
    }));
    const since = new Date(events[1]!.at).toISOString();
    const until = new Date(events[1202]!.at).toISOString();
    const response = await get({ actor, since, until, format: "csv", limit: "1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="resync-audit-\d{8}T\d{6}Z\.csv"$/,
    );
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(["id", "at", "actor", "action", "target", "outcome", "correlation_id", "ip", "metadata"]);
    const expected = events.slice(1, 1202);
    expect(rows.map((r) => r[0])).toEqual(newestFirst(expected));
    const byId = new Map(rows.map((r) => [r[0], r]));
    for (const event of expected.slice(0, tricky.length)) {
      const row = byId.get(event.id)!;
      const target = /^[=+\-@\t\r]/.test(event.target!) ? `'${event.target}` : event.target;
      expect(row).toEqual([
        event.id,
        new Date(event.at).toISOString(),
        actor,
        "job.hold",
        target,
        "success",
        event.correlation_id,
        event.ip ?? "",
        JSON.stringify(event.metadata),
      ]);
    }
  });

  it("exports a filtered range as NDJSON, one event per line", async () => {
    const { actor, events } = await seed(620, (i) => ({ outcome: i % 2 ? "attempt" : "success" }));
    const response = await get({ actor, outcome: "attempt", format: "ndjson" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.ndjson"$/);
    const text = new TextDecoder().decode(await response.arrayBuffer());
    expect(text.endsWith("\n")).toBe(true);
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as EventBody);
    expect(lines.map((e) => e.id)).toEqual(newestFirst(events.filter((e) => e.outcome === "attempt")));
    expect(lines[0]).toMatchObject({ actor, outcome: "attempt", ip: "192.0.2.7", metadata: { i: 619 } });
  });
});

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes inside. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(record).toEqual([]);
  return records;
}
