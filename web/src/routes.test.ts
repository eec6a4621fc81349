import { describe, expect, it } from "vitest";
import { link, parseRoute } from "./routes";

describe("the console's pages in the URL fragment", () => {
  it.each([
    ["", { page: "board" }],
    ["#/", { page: "board" }],
    ["#/jobs/AB%23C", { page: "job", id: "AB#C" }],
    ["#/workflows", { page: "workflows" }],
    ["#/workflows/new", { page: "workflow-edit", id: "new" }],
    ["#/workflows/12", { page: "workflow", id: 12 }],
    ["#/workflows/12/edit", { page: "workflow-edit", id: 12 }],
    ["#/runs/0b0f", { page: "run", id: "0b0f" }],
    ["#/audit", { page: "audit" }],
    ["#/users", { page: "users" }],
    ["#/maintenance", { page: "maintenance" }],
    ["#/workflows/x/edit", { page: "not-found" }],
    ["#/nowhere", { page: "not-found" }],
  ])("%s is %o", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("links to a job whatever its id holds", () => {
    expect(parseRoute(link("jobs", "WS#STREAM.JOB/1"))).toEqual({ page: "job", id: "WS#STREAM.JOB/1" });
  });
});
