// The server started with an auth token: every request needs `Authorization: Bearer <token>`.
import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import { libsqlFailure, protobufV3Client } from "./helpers";

const url = inject("libsqlTokenServerUrl");
const token = inject("libsqlServerToken");

describe("auth token", () => {
  it("accepts the right token", async () => {
    const client = createClient({ url, authToken: token });
    const { rows } = await client.execute("SELECT 1 AS one");
    expect(rows[0]?.one).toBe(1);
  });

  it.each([
    ["no token", undefined],
    ["a wrong token", `${token}x`],
    ["an empty-looking token", " "],
  ])("refuses %s with HTTP 401, as sqld does", async (_, authToken) => {
    const client = createClient({ url, authToken });
    const error = await libsqlFailure(client.execute("SELECT 1"));
    // @libsql/client turns sqld's 401 into SERVER_ERROR; the status is on the cause.
    expect(error.code).toBe("SERVER_ERROR");
    expect(error.message).toContain("HTTP status 401");
    expect((error.cause as { status?: number } | undefined)?.status).toBe(401);
  });

  it("checks the token on Hrana 3 too, while its version check needs none (clients ask without one)", async () => {
    const client = await protobufV3Client(url, token);
    expect(await client.getVersion()).toBe(3);
    const stream = client.openStream();
    expect((await stream.queryValue("SELECT 'in'"))?.value).toBe("in");
    stream.close();

    const stranger = await protobufV3Client(url, `${token}x`);
    expect(await stranger.getVersion()).toBe(3);
    await expect(stranger.openStream().queryValue("SELECT 1")).rejects.toMatchObject({ status: 401 });
    for (const path of ["v3/pipeline", "v3/cursor"]) {
      const response = await fetch(`${url}/${path}`, { method: "POST", body: "{}" });
      expect(response.status).toBe(401);
    }
  });
});
