import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { converse, type SessionAccess } from "../../src/chat/conversation";
import { backgroundScope } from "../../src/platform/scope/scope";
import type { Asker, PendingAction } from "../../src/chat/session";
import { bindings, CLOSED_URL } from "../helpers/worker";

// The conversation itself with HWA unreachable and nothing cached: it still understands, and says HWA failed
// instead of answering from nothing (no hang, no invented state).

const asker: Asker = {
  username: "operator-hwa-down",
  role: "operator",
  jti: "jti-hwa-down-0000",
  iat: 0,
  exp: 4_102_444_800,
  ip: "10.9.9.9",
  correlationId: "hwa-down",
};

function session(): SessionAccess & { pending?: PendingAction } {
  const state: SessionAccess & { pending?: PendingAction } = {
    context: {},
    takePending: () => {
      const taken = state.pending;
      state.pending = undefined;
      return taken;
    },
    setPending: (pending) => {
      state.pending = pending;
    },
  };
  return state;
}

async function converseWithHwaDown(message: string) {
  const ctx = createExecutionContext();
  const scope = backgroundScope({
    env: { ...bindings, HWA_BASE_URL: CLOSED_URL, CACHE_DISABLED: "true" },
    waitUntil: (promise) => ctx.waitUntil(promise),
    actor: { username: asker.username, role: asker.role },
    correlationId: asker.correlationId,
  });
  const answer = await converse(scope, asker, session(), message, new Date(), crypto.randomUUID());
  await waitOnExecutionContext(ctx);
  return answer;
}

describe("the chat with HWA down and a cold cache", () => {
  it("a job question says HWA could not be asked, in the question's language", async () => {
    const { reply } = await converseWithHwaDown("qual o status do job PAYROLL_CALC?");
    expect(reply.intent).toBe("job_status");
    expect(reply.language).toBe("pt");
    // Unreachable, or the breaker already open for this address (other files use it too): HWA failed either way.
    expect(["unavailable", "circuit-open"]).toContain((reply.data as { error: { failure: string } }).error.failure);
    expect(reply.response).toMatch(/^Não consegui consultar o HWA/);
  });

  it("help needs no HWA", async () => {
    const { reply } = await converseWithHwaDown("help");
    expect(reply.intent).toBe("help");
    expect(reply.data).not.toHaveProperty("error");
  });

  it("an action is not proposed when the job cannot be read", async () => {
    const { reply } = await converseWithHwaDown("rerun PAYROLL_CALC");
    expect(reply.intent).toBe("job_action");
    expect(["unavailable", "circuit-open"]).toContain((reply.data as { error: { failure: string } }).error.failure);
    expect(reply.data).not.toHaveProperty("pending");
  });
});
