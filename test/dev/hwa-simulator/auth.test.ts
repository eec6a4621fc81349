// Authentication: HTTP Basic with the engine user, or a Bearer API key; anything else is 401 with the
// engine's error body. The control endpoints need none. Read-only.
import { afterAll, describe, expect, inject, it } from "vitest";
import { engineErrorOf, expectNoContractViolations, simulatorAt } from "./simulator-helpers";

const url = inject("hwaSimulatorUrl");
const username = inject("hwaSimulatorUsername");
const password = inject("hwaSimulatorPassword");
const apiKey = inject("hwaSimulatorApiKey");
const engine = simulatorAt(url);
afterAll(() => expectNoContractViolations(engine));

const infoWith = (authorization?: string) =>
  fetch(`${url}/api/v2/engine/info`, { headers: authorization === undefined ? {} : { Authorization: authorization } });

describe("auth", () => {
  it("accepts the engine user with Basic", async () => {
    expect((await infoWith(`Basic ${btoa(`${username}:${password}`)}`)).status).toBe(200);
  });

  it("accepts the API key as a Bearer token", async () => {
    expect((await infoWith(`Bearer ${apiKey}`)).status).toBe(200);
    expect((await infoWith(`bearer ${apiKey}`)).status).toBe(200);
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong password", `Basic ${btoa(`${username}:${password}x`)}`],
    ["a wrong user", `Basic ${btoa(`someone:${password}`)}`],
    ["a password given as the user", `Basic ${btoa(`${password}:${username}`)}`],
    ["Basic without a colon", `Basic ${btoa(`${username}${password}`)}`],
    ["a wrong API key", `Bearer ${apiKey}x`],
    ["the password as a Bearer token", `Bearer ${password}`],
    ["an unknown scheme", `Digest ${apiKey}`],
  ])("refuses %s with 401 and the engine's error body", async (_, authorization) => {
    const response = await infoWith(authorization);
    await engineErrorOf(response, 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic/);
  });

  it("refuses before looking at the request: an unknown path is 401 too", async () => {
    await engineErrorOf(await fetch(`${url}/api/v2/plan/nothing`), 401);
  });

  it("needs no auth on the control endpoints", async () => {
    const response = await fetch(`${url}/__control/stats`);
    expect(response.status).toBe(200);
  });
});
