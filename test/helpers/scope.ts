import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import type { Bindings } from "../../src/platform/env/bindings";
import { backgroundScope, type BackgroundScopeInit, type Scope } from "../../src/platform/scope/scope";
import { bindings } from "./worker";

/**
 * Runs `work` with a scope of its own over the test bindings (changed by `overrides`), as a Durable Object or a
 * queue consumer would, and waits for the background work it started.
 */
export async function withScope<T>(
  work: (scope: Scope) => Promise<T>,
  init: Partial<Omit<BackgroundScopeInit, "env" | "waitUntil">> & { overrides?: Partial<Bindings> } = {},
): Promise<T> {
  const ctx = createExecutionContext();
  const { overrides, ...rest } = init;
  const scope = backgroundScope({ ...rest, env: { ...bindings, ...overrides }, waitUntil: (p) => ctx.waitUntil(p) });
  try {
    return await work(scope);
  } finally {
    await waitOnExecutionContext(ctx);
  }
}
