import { describe, expect, it } from "vitest";
import { boardLink, jobLink, link, parseRoute } from "./routes";

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
    ["#/engines/HML", { page: "board", engine: "HML" }],
    ["#/engines/HML/jobs/AB%23C", { page: "job", id: "AB#C", engine: "HML" }],
    ["#/engines/HML/workflows", { page: "not-found" }],
    ["#/engines", { page: "not-found" }],
    ["#/workflows/x/edit", { page: "not-found" }],
    ["#/nowhere", { page: "not-found" }],
  ])("%s is %o", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("links to a job whatever its id holds", () => {
    expect(parseRoute(link("jobs", "WS#STREAM.JOB/1"))).toEqual({ page: "job", id: "WS#STREAM.JOB/1" });
  });

  it("links to a job and a board on an engine, or on the default engine", () => {
    expect(parseRoute(jobLink("DR", "WS#S.J"))).toEqual({ page: "job", id: "WS#S.J", engine: "DR" });
    expect(parseRoute(jobLink(undefined, "WS#S.J"))).toEqual({ page: "job", id: "WS#S.J" });
    expect(parseRoute(boardLink("DR"))).toEqual({ page: "board", engine: "DR" });
    expect(parseRoute(boardLink(undefined))).toEqual({ page: "board" });
  });
});
