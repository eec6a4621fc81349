import { describe, expect, it } from "vitest";
import {
  actionRefused,
  answerDependencies,
  answerFailedJobs,
  answerHelp,
  answerJobLog,
  answerJobStatus,
  answerJobStream,
  answerWorkstations,
  askWhich,
  confirmAction,
  nothingPending,
  notFound,
  type Reply,
} from "../../../src/chat/answers";
import { understand } from "../../../src/chat/understanding";
import { planVocabulary } from "../understanding/vocabulary";
import { job, NOW, options, payrollCalc, stream, workstation } from "./fixtures";

// A suggestion is only useful if it works when the operator sends it back: each one, read by the chat's own
// understanding against the simulator's plan, must ask what it was made to ask.

const read = (text: string) => understand(text, { now: NOW, vocabulary: planVocabulary });
const load = { id: "5c3e7d21-0a9b-4f6e-b2c8-1d4a7e9f0b36", name: "LOAD", job_stream: "ETL_DWH", run_id: null };

function replies(language: "pt" | "en"): Reply[] {
  const at = options(language);
  const held = { ...payrollCalc, status: "HOLD", common_status: "WAITING", ended_at: null };
  return [
    answerJobStatus(payrollCalc, at),
    answerJobStatus(held, at),
    answerJobStatus({ ...payrollCalc, status: "SUCC" }, at),
    answerJobLog(payrollCalc, "x", at),
    answerFailedJobs(
      [{ ...job({ name: "PAYROLL_TAX", status: "ABEND", return_code: 8 }), times: 1, recovered: null }],
      { since: "2025-11-28T06:00:00Z" },
      at,
    ),
    answerJobStream(stream({ name: "PAYROLL" }), [job({ name: "PAYROLL_CALC", status: "ABEND", return_code: 12 })], at),
    answerWorkstations([workstation({ name: "AGT_AIX01", linked: false })], at),
    answerDependencies(held, [job({ name: "PAYROLL_VALIDATE", status: "ABEND", return_code: 4 })], [], at),
    askWhich(
      "load",
      [
        { name: "LOAD", job_stream: "ETL_DWH" },
        { name: "LOAD", job_stream: "DWH_NIGHTLY" },
      ],
      { ...at, intent: "job_log" },
    ),
    notFound("PAYROL_CALCX", ["PAYROLL_CALC"], at),
    actionRefused({ action: "rerun", job: load, status: "EXEC" }, at),
    nothingPending({ ...at, expired: { action: "hold", job: load } }),
    confirmAction({ action: "rerun", job: load, expiresAt: new Date(NOW.getTime() + 120_000), withinMs: 120_000 }, at),
    answerHelp(at),
  ];
}

describe("suggestions work when typed back", () => {
  for (const language of ["pt", "en"] as const) {
    it(`every suggestion is understood, in ${language}`, () => {
      let count = 0;
      for (const reply of replies(language)) {
        expect(reply.suggestions!.length, reply.response).toBeGreaterThanOrEqual(2);
        expect(reply.suggestions!.length).toBeLessThanOrEqual(4);
        for (const suggestion of reply.suggestions!) {
          const understood = read(suggestion);
          expect(understood.intent, suggestion).not.toBe("unknown");
          if (suggestion.length > 3) expect(understood.language, suggestion).toBe(language);
          count += 1;
        }
      }
      expect(count).toBeGreaterThan(30);
    });

    it(`each kind of suggestion asks what it names, in ${language}`, () => {
      const status = answerJobStatus(payrollCalc, options(language)).suggestions!;
      expect(read(status[0]!)).toMatchObject({ intent: "job_log", entities: { job: "PAYROLL_CALC" } });
      expect(read(status[1]!)).toMatchObject({
        intent: "job_action",
        entities: { job: "PAYROLL_CALC", action: "rerun" },
      });
      expect(read(status[2]!).intent).toBe("failed_jobs");
      const which = askWhich(
        "load",
        [
          { name: "LOAD", job_stream: "DWH_NIGHTLY" },
          { name: "LOAD", job_stream: "ETL_DWH" },
        ],
        { ...options(language), intent: "job_dependencies" },
      ).suggestions!;
      expect(read(which[0]!)).toMatchObject({
        intent: "job_dependencies",
        entities: { job: "LOAD", job_stream: "DWH_NIGHTLY" },
      });
      const streamAsked = answerJobStream(stream({ name: "PAYROLL" }), [], options(language)).suggestions!;
      expect(read(streamAsked.at(-1)!)).toMatchObject({
        intent: "workstation_status",
        entities: { workstation: "AGT_LNX01" },
      });
      expect(
        read(
          confirmAction({ action: "kill", job: load, expiresAt: NOW, withinMs: 120_000 }, options(language))
            .suggestions![0]!,
        ),
      ).toMatchObject({ intent: "job_action", entities: { action: "confirm" } });
    });

    it(`every help example is understood as its intent, in ${language}`, () => {
      for (const { intent, example } of answerHelp(options(language)).data.examples) {
        expect(read(example).intent, example).toBe(intent);
      }
    });
  }
});
