// The server started with an auth token: every request needs `Authorization: Bearer <token>`.
import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import { libsqlFailure } from "./libsql-server-helpers";

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
});
