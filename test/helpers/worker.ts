import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import type { Bindings } from "../../src/platform/env/bindings";

/** The Worker's bindings as tests see them (typed in test/env.d.ts). */
export const bindings: Bindings = env;

/**
 * Calls the Worker's real fetch handler with the test bindings changed by `overrides`
 * (e.g. a libSQL URL that is down, an AUDIT queue that refuses) and waits for its background work (`waitUntil`).
 */
export async function fetchWith(overrides: Partial<Bindings>, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`http://resync.test${path}`, init),
    { ...bindings, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** A problem+json body as API.md defines it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  correlation_id: string;
  errors?: { path: string; message: string }[];
}

/** Reads a problem+json response and checks the fields every problem must have. */
export async function problemOf(response: Response): Promise<ProblemBody> {
  if (!response.headers.get("Content-Type")?.startsWith("application/problem+json")) {
    throw new Error(`expected problem+json, got ${response.headers.get("Content-Type")} (${response.status})`);
  }
  const body = (await response.json()) as ProblemBody;
  if (body.status !== response.status) throw new Error(`problem status ${body.status} != HTTP ${response.status}`);
  if (body.correlation_id !== response.headers.get("X-Correlation-ID"))
    throw new Error("problem correlation_id differs from header");
  return body;
}

/** A URL where nothing listens: port 9 (discard) on loopback is closed on these machines. */
export const CLOSED_URL = "http://127.0.0.1:9";
