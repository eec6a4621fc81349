import { describe, expect, it } from "vitest";
import { answerHwaTrouble, staleNote } from "../../../src/chat/answers";
import { options } from "./fixtures";

describe("HWA trouble", () => {
  it("says HWA is unavailable, with the wait when known", () => {
    const pt = answerHwaTrouble(
      { failure: "unavailable", retryAfterSeconds: 30 },
      { ...options("pt"), intent: "job_status" },
    );
    expect(pt.intent).toBe("job_status");
    expect(pt.response).toBe("Não consegui consultar o HWA: está indisponível; tente de novo em 30 s.");
    expect(pt.data).toEqual({ error: { failure: "unavailable", retry_after_seconds: 30 } });
    expect(answerHwaTrouble({ failure: "unavailable" }, { ...options("en"), intent: "job_status" }).response).toBe(
      "I could not ask HWA: it is unavailable; try again shortly.",
    );
  });

  it("tells a timeout and an open circuit apart", () => {
    expect(answerHwaTrouble({ failure: "timeout" }, { ...options("pt"), intent: "failed_jobs" }).response).toBe(
      "Não consegui consultar o HWA: não respondeu a tempo; tente de novo em instantes.",
    );
    expect(
      answerHwaTrouble({ failure: "circuit-open", retryAfterSeconds: 45 }, { ...options("en"), intent: "job_log" })
        .response,
    ).toBe("I could not ask HWA: it has been failing, so calls to it are paused to spare it; try again in 45 s.");
  });

  it("sends configuration problems to the administrator", () => {
    expect(
      answerHwaTrouble({ failure: "credentials-rejected" }, { ...options("pt"), intent: "job_status" }).response,
    ).toContain("avise o administrador");
    expect(
      answerHwaTrouble({ failure: "not-configured" }, { ...options("en"), intent: "job_status" }).response,
    ).toContain("tell the administrator");
  });

  it("writes the stale note with the data's age", () => {
    expect(staleNote(40, "pt")).toBe("(dados de há 40 s: o HWA não respondeu)");
    expect(staleNote(40, "en")).toBe("(data from 40 s ago: HWA did not answer)");
    expect(staleNote(190, "pt")).toBe("(dados de há 3 min 10 s: o HWA não respondeu)");
  });
});
