import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutThird } from "./held-out-third";

// Measures the chat on a third held-out set (held-out-third.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message; the test fails one below the score after the fixes, so nothing it gets right is lost unnoticed. A message
// is right only when its intent, its language and every stated fact are right.
//
// First run (commit 5bd287d, engine clock 2026-12-04T21:30:00Z, nothing changed after the set was written):
// 102/112 = 91.1% (pt 50/56, en 52/56). No expectation was corrected. Its 10 misses:
// - "o STAGE_LOAD precisou de rerun?": job_action (a viewer told it cannot act), not the job's run history;
// - "quem vem depois do PAYROLL_CALC?" and "what's downstream of LOAD_STATEMENTS?": job_status, no successors;
// - "pq o INV_MERGE n rodou ainda?": job_log ("no log yet"), not its dependencies and the agent that blocks them;
// - "tem job esperando agente?": job_dependencies asking which job, not running_now's READY jobs per agent;
// - "não, deixa" after a proposed rerun: unknown, the pending rerun not declined;
// - "how many times did PAYROLL_CALC fail today?": failed_jobs for the whole plan (PAYROLL_CALC "2 times" in it),
//   not the job's status with its runs;
// - "what made HR_EXPORT_AD blow up?": job_status (ABEND, RC 12), not its log;
// - "o que falhou nas ultimas 2 horas" / "what failed in the last 3 hours?": the right jobs, but since = now - 2 h
//   (3 h) + 1 s (+ 5 s): the chat's "now" is HWA's now plus the cached page's age (README, "One clock"), which a
//   stopped simulator clock does not follow. Counted as misses (strict); with a few seconds' tolerance, 104/112.
// After the fixes (commit 18e9383, not a held-out measurement): 112/112.

describe("the third held-out set, through /api/chat", () => {
  it("has at least 80 messages, half in each language", () => {
    expect(heldOutThird.length).toBeGreaterThanOrEqual(80);
    expect(heldOutThird.filter((c) => c.language === "pt").length).toBe(heldOutThird.length / 2);
  });

  it("answers at least 111 of its 112 (102 on its first run, 112 after the fixes)", async ({ annotate }) => {
    const { asked, right, report } = await askHeldOut("held-out-third", heldOutThird);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutThird.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(111);
  }, 600_000);
});
