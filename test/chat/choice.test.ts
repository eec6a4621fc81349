import { describe, expect, it } from "vitest";
import { freshChat } from "./story";

// Issue #14, item 8: after "qual deles?", "o do PAYROLL" / "the one in PAYROLL" picks that candidate for the
// question (or action) that was pending; the suggestions keep the intent.

describe("a choice keeps the pending question", () => {
  it("status: 'o do PAYROLL' answers the status of SFTP_SEND_BANK in PAYROLL", async () => {
    const chat = await freshChat();
    const which = await chat.ask("qual o status do job SFTP_SEND_BANK?");
    expect(which.response).toMatch(/^Encontrei 3 jobs para SFTP_SEND_BANK; qual deles\?/);
    const picked = await chat.ask("o do PAYROLL");
    expect(picked.intent).toBe("job_status");
    expect(picked.data).toMatchObject({ name: "SFTP_SEND_BANK", job_stream: "PAYROLL" });
  });

  it("an action: 'the one in SUPPLIER_PAYMENTS' is the rerun asked for, of that job, and the suggestions said so", async () => {
    const chat = await freshChat("operator");
    const which = await chat.ask("rerun SFTP_SEND_BANK");
    expect(which.intent).toBe("job_action");
    expect(which.suggestions).toContain("rerun job SFTP_SEND_BANK in stream SUPPLIER_PAYMENTS");
    const picked = await chat.ask("the one in SUPPLIER_PAYMENTS");
    expect(picked.intent).toBe("job_action");
    // Proposed (waiting for "yes") or refused by the job's status: either way, about that job and that action.
    expect(picked.data).toMatchObject({ job_stream: "SUPPLIER_PAYMENTS" });
    expect(picked.data!.pending ?? picked.data).toMatchObject({ action: "rerun", job_name: "SFTP_SEND_BANK" });
  });

  it.each([
    ["quero o q tá no SUPPLIER_PAYMENTS", "SUPPLIER_PAYMENTS"],
    ["tô falando do PAYROLL", "PAYROLL"],
    ["I mean the SUPPLIER_PAYMENTS one", "SUPPLIER_PAYMENTS"],
    ["I'm talking about the PAYROLL one", "PAYROLL"],
  ])("an action: '%s' picks that candidate for the pending rerun", async (pick, jobStream) => {
    const chat = await freshChat("operator");
    expect((await chat.ask("rerun SFTP_SEND_BANK")).response).toMatch(/SFTP_SEND_BANK/);
    const picked = await chat.ask(pick);
    expect(picked.intent).toBe("job_action");
    // Proposed (its pending action names the stream) or refused by the job's status (the answer names it).
    expect(picked.data!.pending ?? picked.data).toMatchObject({
      action: "rerun",
      job_name: "SFTP_SEND_BANK",
      job_stream: jobStream,
    });
  });

  it("by its order: 'o segundo'", async () => {
    const chat = await freshChat();
    const which = await chat.ask("mostra o log do SFTP_SEND_BANK");
    const second = (which.data!.candidates as { job_stream: string }[])[1]!.job_stream;
    const picked = await chat.ask("o segundo");
    expect(picked.intent).toBe("job_log");
    expect(picked.response).toContain(`stream ${second}`);
  });
});
