import { z } from "@hono/zod-openapi";
import { EngineName } from "../engines/names";
import { jobActionNames, type JobActionName } from "../jobs/action-rules";

/** Actions a step performs on one job: those of the job actions API. */
export type StepJobAction = JobActionName;

export const MAX_STEPS = 50;
export const MAX_WAIT_SECONDS = 900;

/** HWA's ids are opaque: letters, digits and a few marks, never only dots (a path segment of `..` is another path). */
const HWA_ID = /^(?!\.+$)[A-Za-z0-9_.:=+@-]+$/;

/** An HWA job id, or `WORKSTATION#JOBSTREAM.JOB` as an operator writes it in conman. */
const JobReference = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\u0000-\u001f]+$/, { error: "no control characters" })
  .refine((reference) => HWA_ID.test(reference) || qualifiedName(reference) !== undefined, {
    error: "an HWA job id or WORKSTATION#JOBSTREAM.JOB",
  })
  .openapi({
    description: "An HWA job id, or WORKSTATION#JOBSTREAM.JOB",
    example: "AGT_LNX01#BACKUP_DB.RMAN_CROSSCHECK",
  });

const Statuses = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z]{2,10}$/, { error: "an HWA status such as SUCC or ABEND" })
      .transform((s) => s.toUpperCase()),
  )
  .min(1)
  .max(10);

/** The engine of a step's job; without it, the run's engine. */
const StepEngine = EngineName.optional().openapi({ description: "The step's HWA engine; default: the run's" });

const JobActionStep = z.strictObject({ action: z.enum(jobActionNames), job: JobReference, engine: StepEngine });
const WaitStep = z.strictObject({
  action: z.literal("wait-for-status"),
  job: JobReference,
  engine: StepEngine,
  status: Statuses,
  timeout_s: z.number().int().min(1).max(MAX_WAIT_SECONDS),
});
const AssertStep = z.strictObject({
  action: z.literal("assert-status"),
  job: JobReference,
  engine: StepEngine,
  status: Statuses,
});

export const StepSchema = z.discriminatedUnion("action", [JobActionStep, WaitStep, AssertStep]).openapi("WorkflowStep");
export type Step = z.infer<typeof StepSchema>;

export const StepsSchema = z.array(StepSchema).min(1).max(MAX_STEPS);

/** `WORKSTATION#JOBSTREAM.JOB` split in its parts, or undefined when the reference is an HWA id. */
export function qualifiedName(reference: string): { workstation: string; jobStream: string; job: string } | undefined {
  const match = /^([^#.]+)#([^#.]+)\.([^#]+)$/.exec(reference);
  if (!match) return undefined;
  return { workstation: match[1]!, jobStream: match[2]!, job: match[3]! };
}
