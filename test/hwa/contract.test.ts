import { SELF } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import type { Job } from "../../src/jobs/job";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { simulatorAt } from "../helpers/hwa";

// The simulators of the Worker's tests check every response they serve against WA_API3_v2.json.
describe("what the Worker reads from HWA follows the V2 document", () => {
  it("serves every read endpoint the Worker uses without a contract violation", async () => {
    const token = await tokenFor(await createUser("viewer"));
    const get = async (path: string) => {
      const response = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
      expect(response.status, path).toBe(200);
      return response;
    };
    const { items } = (await (await get("/api/v1/jobs?limit=500")).json()) as { items: Job[] };
    const ran = items.find((job) => job.started_at)!;
    await get(`/api/v1/jobs/${encodeURIComponent(ran.id)}`);
    await (await get(`/api/v1/jobs/${encodeURIComponent(ran.id)}/log?from_line=1&to_line=5`)).text();
    await get(`/api/v1/jobs/${encodeURIComponent(items.find((job) => job.dependencies.total > 0)!.id)}/dependencies`);
    const streams = (await (await get("/api/v1/jobstreams?limit=5")).json()) as { items: { id: string }[] };
    await get(`/api/v1/jobstreams/${encodeURIComponent(streams.items[0]!.id)}`);
    await get("/api/v1/workstations");
    await get("/api/v1/engine");

    for (const url of [inject("hwaUrl"), inject("hwaClientFaultsUrl"), inject("hwaCacheFaultsUrl")]) {
      expect(await simulatorAt(url).violations()).toEqual([]);
    }
  });
});
