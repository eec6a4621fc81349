import { z } from "zod";

// What the plan watcher tells subscribers about. An event's id is stable (engine + subject + run or episode + kind):
// however often the watcher sees the same ABEND, it is one event, and one notification per subscription.

export const eventKinds = [
  "job.abend",
  "job.failed",
  "job.late",
  "job.recovered",
  "job.succeeded",
  "workstation.unlinked",
  "workstation.linked",
  "engine.unreachable",
  "engine.back",
] as const;
export type EventKind = (typeof eventKinds)[number];

export const JobFacts = z.object({
  id: z.string(),
  name: z.string(),
  job_stream: z.string().nullable(),
  workstation: z.string().nullable(),
  run_id: z.string().nullable(),
  status: z.string().nullable(),
  return_code: z.number().int().nullable(),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  elapsed_ms: z.number().int().nullable(),
  estimated_ms: z.number().int().nullable(),
});
export type JobFacts = z.infer<typeof JobFacts>;

export const NotificationEvent = z.object({
  id: z.string().min(1).max(300),
  kind: z.enum(eventKinds),
  engine: z.string().min(1).max(64),
  /** When the watcher noticed it (Resync's clock; HWA's times are in `job`). */
  detected_at: z.string(),
  job: JobFacts.optional(),
  workstation: z.object({ id: z.string(), name: z.string(), states: z.array(z.string()) }).optional(),
  /** Why, in a few words: "running 2.4× its estimate", "deadline passed", "HWA timed out". */
  reason: z.string().max(300).optional(),
});
export type NotificationEvent = z.infer<typeof NotificationEvent>;

/** `default:job:<job id>:<run id>:abend`, `default:workstation:<id>:unlinked:3`, `default:engine:unreachable:2`. */
export function eventId(engine: string, subject: string, episode: string, kind: EventKind): string {
  return `${engine}:${subject}:${episode}:${kind.split(".")[1]}`;
}
