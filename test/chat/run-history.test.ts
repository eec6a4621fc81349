import { describe, expect, it } from "vitest";
import { apiJob } from "../helpers/chat";
import { createUser, tokenFor } from "../helpers/accounts";
import { freshChat, storyJob } from "./story";

// Issue #14, item 7: a status answer says the day's earlier failed runs; failures since a time include the jobs
// that failed and were rerun successfully, marked as recovered.

describe("the day's runs", () => {
  it("did LOAD_SALES_FACT abend? It says its first run did, with the RC, and that the rerun ended well", async () => {
    const load = await storyJob("ETL_DWH", "LOAD_SALES_FACT");
    const runs = (await apiJob(await tokenFor(await createUser("viewer")), load.id)).runs as {
      status: string;
      return_code: number;
    }[];
    expect(runs.map((run) => run.status)).toEqual(["ABEND", "SUCC"]);
    const answer = await (await freshChat()).ask("did LOAD_SALES_FACT abend?");
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({
      status: "SUCC",
      recovered: true,
      earlier_failures: [{ run: 1, status: "ABEND", return_code: runs[0]!.return_code }],
    });
    expect(answer.response).toContain(`run 1 ended in error: ABEND RC ${runs[0]!.return_code}`);
    expect(answer.response).toContain("the rerun ended successfully");
  });

  it("failures of the day include the recovered ones, marked so, and the ones still failed", async () => {
    const answer = await (await freshChat()).ask("quais jobs falharam hoje?");
    expect(answer.intent).toBe("failed_jobs");
    const jobs = (answer.data!.groups as { jobs: { name: string; recovered: unknown }[] }[]).flatMap((g) => g.jobs);
    expect(jobs.find((job) => job.name === "LOAD_SALES_FACT")?.recovered).toMatchObject({
      ended_at: expect.any(String),
    });
    expect(jobs.find((job) => job.name === "RECON_MATCH")?.recovered).toBeNull();
    expect(answer.data!.recovered).toBe(jobs.filter((job) => job.recovered).length);
    expect(answer.response).toMatch(/LOAD_SALES_FACT \(RC \d+, [^)]*recuperado: rerun SUCC/);
  });

  it.each([
    "o LOAD_SALES_FACT precisou de rerun?",
    "o LOAD_SALES_FACT teve que rodar de novo?",
    "LOAD_SALES_FACT had to be rerun?",
    "did LOAD_SALES_FACT get restarted?",
  ])("%s: the job's status with its runs, not an order to rerun it", async (message) => {
    const answer = await (await freshChat("operator")).ask(message);
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({ name: "LOAD_SALES_FACT", runs: 2, recovered: true });
    expect(answer.data!.earlier_failures).toHaveLength(1);
  });

  it.each([
    "quantas vezes o PAYROLL_CALC falhou hoje?",
    "qtas vezes o PAYROLL_CALC abendou?",
    "how many times did PAYROLL_CALC fail today?",
    "how often has PAYROLL_CALC abended?",
  ])("%s: that job's runs, not the plan's failures", async (message) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({ name: "PAYROLL_CALC", runs: 3 });
    expect(answer.data!.earlier_failures).toHaveLength(2);
  });
});
