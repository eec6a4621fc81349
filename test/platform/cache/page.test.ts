import { describe, expect, it } from "vitest";
import { pageOf, pageText } from "../../../src/platform/cache/page";

describe("a cached page's text", () => {
  it("gives back exactly the items' JSON, their count and whether HWA has more", () => {
    const jobs = [
      { name: "A]}", note: '"more":true,"jobs":[' },
      { name: "B", runs: [1, [2]] },
    ];
    const parts = pageText(JSON.stringify(pageOf("jobs", jobs, true)), "jobs");
    expect(parts).toEqual({ count: 2, more: true, itemsJson: JSON.stringify(jobs) });
    expect(pageText(JSON.stringify(pageOf("jobs", [], false)), "jobs")).toEqual({
      count: 0,
      more: false,
      itemsJson: "[]",
    });
  });

  it("survives KV's round trip (parse, then serialize again)", () => {
    const text = JSON.stringify(pageOf("items", [{ id: "1" }], false));
    expect(pageText(JSON.stringify(JSON.parse(text)), "items")).toEqual({
      count: 1,
      more: false,
      itemsJson: '[{"id":"1"}]',
    });
  });

  it("declines any other layout, which the caller then parses", () => {
    expect(pageText(JSON.stringify({ jobs: [], more: false }), "jobs")).toBeUndefined();
    expect(pageText(JSON.stringify(pageOf("items", [], false)), "jobs")).toBeUndefined();
    expect(pageText(JSON.stringify({ count: 1, more: false, jobs: [1], extra: true }), "jobs")).toBeUndefined();
    expect(pageText('"text"', "jobs")).toBeUndefined();
  });
});
