import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import { insertEvents } from "../../src/audit/consumer";
import type { AuditOutcome, QueuedAuditEvent } from "../../src/platform/audit/event";
import { database } from "../../src/platform/db/client";
import { readConfig } from "../../src/platform/env/config";
import { bearer, ORIGIN } from "../helpers/accounts";
import { bindings } from "../helpers/worker";

/** An event as `GET /api/v1/audit` shows it. */
export interface EventBody {
  id: string | null;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  correlation_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown> | null;
}

export interface Page {
  items: EventBody[];
  next_cursor: string | null;
}

export const HOUR = 3_600_000;
// Far in the future: the retention tests delete everything older than ~8 years from now, whenever they run.
const FUTURE = Date.UTC(2200, 0, 1);

/** `count` events of an actor of their own, a second apart from a random hour, inserted as the consumer inserts them. */
export async function seed(
  count: number,
  shape: (i: number, at: number) => Partial<QueuedAuditEvent> = () => ({}),
): Promise<{ actor: string; events: QueuedAuditEvent[] }> {
  const actor = `audit-api-${crypto.randomUUID().slice(0, 12)}`;
  const base = FUTURE + Math.floor(Math.random() * 1_000_000) * HOUR;
  const events = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    at: base + i * 1000,
    actor,
    action: "job.hold",
    target: `JOB-${i}`,
    outcome: "success" as AuditOutcome,
    correlation_id: `corr-${i}`,
    ip: "192.0.2.7",
    metadata: { i },
    ...shape(i, base + i * 1000),
  }));
  const db = await database(readConfig(bindings));
  for (let i = 0; i < events.length; i += 100) await insertEvents(db, events.slice(i, i + 100));
  return { actor, events };
}

/** `GET /api/v1/audit?query` as the user of `token`. */
export function getAudit(token: string, query: Record<string, string>): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/audit?${new URLSearchParams(query)}`, { headers: bearer(token) });
}

/** One page of JSON; fails the test unless it answered 200. */
export async function auditPage(token: string, query: Record<string, string>): Promise<Page> {
  const response = await getAudit(token, query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

/** The ids of `events` newest first: by time, then by insertion among events of the same millisecond. */
export const newestFirst = (events: QueuedAuditEvent[]) =>
  events
    .map((event, inserted) => ({ event, inserted }))
    .sort((a, b) => b.event.at - a.event.at || b.inserted - a.inserted)
    .map(({ event }) => event.id);
