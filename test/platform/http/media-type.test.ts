import { describe, expect, it } from "vitest";
import { mediaType } from "../../../src/platform/http/media-type";
import { tinyApp } from "../../helpers/tiny-app";
import { problemOf } from "../../helpers/worker";

const post = (contentType: string | undefined, body = "{}") =>
  ({ method: "POST", headers: contentType === undefined ? {} : { "Content-Type": contentType }, body }) as RequestInit;

describe("mediaType() on a tiny app", () => {
  it.each(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json"])(
    "lets a %s body through",
    async (contentType) => {
      const { calls, send } = tinyApp([mediaType()]);
      expect((await send("/x", post(contentType))).status).toBe(200);
      expect(calls).toHaveLength(1);
    },
  );

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["JSON's look-alike", "application/jsonx"],
    ["no Content-Type", undefined],
  ])("refuses %s with 415 and Accept-Post; the handler is not called", async (_name, contentType) => {
    const { calls, send } = tinyApp([mediaType()]);
    const response = await send("/x", post(contentType));
    expect(response.status).toBe(415);
    expect(response.headers.get("Accept-Post")).toBe("application/json");
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:unsupported-media-type");
    expect(problem.detail).toBe("Content-Type must be application/json");
    expect(calls).toEqual([]);
  });

  it("accepts a form only on the form paths, which say so when they refuse", async () => {
    const { calls, send } = tinyApp([mediaType({ formPaths: ["/token"] })]);
    const form = "application/x-www-form-urlencoded";
    expect((await send("/token", post(form, "grant_type=password"))).status).toBe(200);
    expect((await send("/token", post("application/json"))).status).toBe(200);
    expect((await send("/x", post(form, "grant_type=password"))).status).toBe(415);
    const refused = await send("/token", post("text/plain"));
    expect(refused.status).toBe(415);
    expect(refused.headers.get("Accept-Post")).toBe(`application/json, ${form}`);
    expect((await problemOf(refused)).detail).toBe(`Content-Type must be application/json or ${form}`);
    expect(calls.map((call) => call.path)).toEqual(["/token", "/token"]);
  });

  it("lets requests without a body through, whatever they say", async () => {
    const { calls, send } = tinyApp([mediaType()]);
    expect((await send("/x")).status).toBe(200);
    expect((await send("/x", { method: "DELETE", headers: { "Content-Type": "text/plain" } })).status).toBe(200);
    expect((await send("/x", { ...post("text/plain", ""), headers: { "Content-Length": "0" } })).status).toBe(200);
    expect(calls).toHaveLength(3);
  });
});
