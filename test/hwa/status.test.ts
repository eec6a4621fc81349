import { describe, expect, it } from "vitest";
import { commonStatusOf, describeStatus } from "../../src/hwa/status";

describe("status", () => {
  it("maps internal to common status as the DWC guide does", () => {
    expect(commonStatusOf("HOLD")).toBe("WAITING");
    expect(commonStatusOf("EXEC")).toBe("RUNNING");
    expect(commonStatusOf("SUCC")).toBe("SUCCESSFUL");
    expect(commonStatusOf("ABEND")).toBe("ERROR");
    expect(commonStatusOf("FAIL")).toBe("ERROR");
    expect(commonStatusOf("EXTRN")).toBe("UNDECIDED");
    expect(commonStatusOf("SUSP")).toBe("BLOCKED");
    expect(commonStatusOf("SUPPR")).toBe("SUPPRESS");
    expect(commonStatusOf("HOLD", { canceled: true })).toBe("CANCELED");
    expect(commonStatusOf("HOLD", { reported: "HELD" })).toBe("HELD");
  });

  it("says it in Portuguese and English", () => {
    expect(describeStatus("ABEND", undefined, "pt")).toBe("terminou com erro (ABEND)");
    expect(describeStatus("HOLD", "HOLD_WAITING_FOR_PREDECESSOR", "en")).toBe(
      "on hold (waiting), waiting for a predecessor",
    );
    expect(describeStatus("HOLD", "HOLD_WAITING_FOR_TIME", "pt")).toBe("em espera, aguardando o horário de início");
  });
});
