import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bodySize } from "../../../src/platform/http/body-size";
import { tinyApp } from "../../helpers/tiny-app";
import { problemOf } from "../../helpers/worker";

const LIMIT = 64;

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  ({ method: "POST", headers, body, duplex: "half" }) as RequestInit;

describe("bodySize() on a tiny app", () => {
  it("lets a body up to the limit through, intact", async () => {
    const { calls, send } = tinyApp([bodySize(() => LIMIT)]);
    const body = "b".repeat(LIMIT);
    expect((await send("/x", post(body))).status).toBe(200);
    expect(calls).toEqual([{ method: "POST", path: "/x", body }]);
  });

  it("refuses a body one byte over the limit by its Content-Length: 413, the handler is not called", async () => {
    const { calls, send } = tinyApp([bodySize(() => LIMIT)]);
    const response = await send("/x", post("b".repeat(LIMIT + 1)));
    expect(response.status).toBe(413);
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:body-too-large");
    expect(problem.detail).toBe(`Request body exceeds ${LIMIT} bytes`);
    expect(calls).toEqual([]);
  });

  it("refuses a streamed body without Content-Length once it passes the limit", async () => {
    const { calls, send } = tinyApp([bodySize(() => LIMIT)]);
    const half = "b".repeat(LIMIT / 2 + 1);
    const response = await send("/x", post(streamOf(half, half), { "Transfer-Encoding": "chunked" }));
    expect(response.status).toBe(413);
    await problemOf(response);
    expect(calls).toEqual([]);
  });

  it("counts bytes, not characters", async () => {
    const { calls, send } = tinyApp([bodySize(() => LIMIT)]);
    const response = await send("/x", post("é".repeat(LIMIT / 2 + 1))); // 2 bytes each in UTF-8
    expect(response.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("lets requests without a body through", async () => {
    const { calls, send } = tinyApp([bodySize(() => 0)]);
    expect((await send("/x")).status).toBe(200);
    expect((await send("/x", { method: "POST" })).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("reads the limit from each request's bindings", async () => {
    const seen: unknown[] = [];
    const { send } = tinyApp([
      bodySize((env) => {
        seen.push(env.MAX_BODY_BYTES);
        return Number(env.MAX_BODY_BYTES ?? LIMIT);
      }),
    ]);
    expect((await send("/x", post("b".repeat(10)), { ...env, MAX_BODY_BYTES: "8" })).status).toBe(413);
    expect((await send("/x", post("b".repeat(10)), { ...env, MAX_BODY_BYTES: "16" })).status).toBe(200);
    expect(seen).toEqual(["8", "16"]);
  });
});
