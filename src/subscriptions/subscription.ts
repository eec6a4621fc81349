import { z } from "@hono/zod-openapi";
import { eventKinds } from "../notifications/events";

// A subscription as the API takes it: which events, about which names, told to whom, when not.

/** What `match` may hold: a plan name, `*` as a wildcard. */
const NamePattern = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_.#@/*-]+$/, { error: "letters, digits, _ . # @ / - and * (any run of characters)" });

export const Match = z
  .strictObject({
    job: NamePattern.optional(),
    job_stream: NamePattern.optional(),
    workstation: NamePattern.optional(),
    /** The engine the event comes from (its name in /api/v1/engines). */
    engine: NamePattern.optional(),
  })
  .openapi("SubscriptionMatch", { description: "Names to match (case-insensitive); `*` is a wildcard. Empty: all" });
export type Match = z.infer<typeof Match>;

export const webhookFormats = ["json", "teams", "slack"] as const;

export const Target = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("webhook"),
      url: z.string().min(1).max(2048),
      format: z.enum(webhookFormats).default("json"),
    }),
    z.strictObject({ kind: z.literal("console") }),
  ])
  .openapi("SubscriptionTarget");
export type Target = z.infer<typeof Target>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "HH:MM, 00:00 to 23:59" });

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const QuietHours = z
  .strictObject({
    from: Clock,
    to: Clock,
    time_zone: z
      .string()
      .max(64)
      .default("UTC")
      .refine(isTimeZone, { error: "an IANA time zone, e.g. America/Sao_Paulo" }),
  })
  .refine((quiet) => quiet.from !== quiet.to, { error: "from and to must differ" })
  .openapi("QuietHours", { description: "Events are held from `from` until `to` (wall clock of `time_zone`)" });
export type QuietHours = z.infer<typeof QuietHours>;

export const languages = ["en", "pt"] as const;

const Events = z
  .array(z.enum(eventKinds))
  .min(1)
  .max(eventKinds.length)
  .refine((events) => new Set(events).size === events.length, { error: "each event once" });

/** `job.succeeded` follows a job to its end, so it needs one job's exact name. */
export const followsNamedJob = (events: readonly string[], match: Match) =>
  !events.includes("job.succeeded") || (match.job !== undefined && !match.job.includes("*"));
export const FOLLOWS_NAMED_JOB = "job.succeeded follows named jobs: match.job must be an exact name";

export const SubscriptionInput = z
  .strictObject({
    events: Events,
    match: Match.default({}),
    target: Target,
    quiet_hours: QuietHours.nullable().optional(),
    language: z.enum(languages).default("en"),
    shared: z.boolean().default(false).openapi({ description: "Shared by the team, managed by admins (admin only)" }),
    one_shot: z.boolean().default(false).openapi({ description: "Ends after its first notification" }),
  })
  .refine((input) => followsNamedJob(input.events, input.match), { error: FOLLOWS_NAMED_JOB, path: ["match", "job"] })
  .refine((input) => !(input.shared && input.target.kind === "console"), {
    error: "a console target is personal: a shared subscription needs a webhook",
    path: ["target", "kind"],
  })
  .openapi("SubscriptionInput");
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;

/** What `PATCH /api/v1/subscriptions/{id}` may change: not its target (a new URL is a new subscription, with a new secret). */
export const SubscriptionChange = z
  .strictObject({
    events: Events.optional(),
    match: Match.optional(),
    quiet_hours: QuietHours.nullable().optional().openapi({ description: "null: no quiet hours" }),
    language: z.enum(languages).optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { error: "change one of events, match, quiet_hours, language" })
  .openapi("SubscriptionChange");
export type SubscriptionChange = z.infer<typeof SubscriptionChange>;
