import { describe, expect, it } from "vitest";
import { answerHelp, answerUnknown } from "../../../src/chat/answers";
import { intents } from "../../../src/chat/understanding/types";
import { options } from "./fixtures";

const asked = intents.filter((intent) => intent !== "help" && intent !== "unknown");

describe("help and unknown", () => {
  it("gives one example per intent, in each language", () => {
    for (const language of ["pt", "en"] as const) {
      const reply = answerHelp(options(language));
      expect(reply.intent).toBe("help");
      expect(reply.data.examples.map((e) => e.intent).sort()).toEqual([...asked].sort());
      for (const { example } of reply.data.examples) expect(reply.response).toContain(`- ${example}`);
      expect(reply.suggestions!.length).toBeGreaterThanOrEqual(2);
    }
    expect(answerHelp(options("pt")).response.split("\n")[0]).toBe(
      "Posso consultar o plano do HWA e agir em jobs. Por exemplo:",
    );
    expect(answerHelp(options("en")).response).toContain("- which jobs abended since 6am?");
  });

  it("says it did not understand, shows the same examples and guesses nothing", () => {
    const pt = answerUnknown(options("pt"));
    expect(pt.intent).toBe("unknown");
    expect(pt.response.split("\n")[0]).toBe("Não entendi. Posso responder perguntas sobre o plano do HWA, como:");
    expect(pt.data).toEqual(answerHelp(options("pt")).data);
    expect(pt.response.split("\n").slice(1)).toEqual(answerHelp(options("pt")).response.split("\n").slice(1));
    expect(answerUnknown(options("en")).response.split("\n")[0]).toBe(
      "I did not understand. I answer questions about HWA's plan, like:",
    );
  });
});
