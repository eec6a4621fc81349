// The shapes of the API answers the console reads (API.md; the OpenAPI document at /openapi.json is their source).

export type Role = "viewer" | "operator" | "admin";

export interface User {
  username: string;
  role: Role;
  /** The engine the job pages show when they name none; null: the registry's default. */
  default_engine: string | null;
}

export interface Job {
  id: string;
  name: string;
  job_stream: string | null;
  job_stream_id: string | null;
  workstation: string | null;
  status: string | null;
  common_status: string | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
  estimated_duration_ms: number | null;
  sched_time: string | null;
  dependencies: { total: number; unresolved: number };
  run_id: string | null;
}

export interface JobRun {
  run_id: string;
  status: string | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  last_in_rerun_chain: boolean;
}

export interface JobDetail extends Job {
  substatus: string | null;
  runs: JobRun[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type JobActionName = "hold" | "release" | "rerun" | "cancel" | "kill" | "confirm-succ" | "confirm-abend";

export type Step =
  | { action: JobActionName; job: string }
  | { action: "wait-for-status"; job: string; status: string[]; timeout_s: number }
  | { action: "assert-status"; job: string; status: string[] };

export interface Workflow {
  id: number;
  name: string;
  description: string | null;
  version: number;
  status: "active" | "disabled";
  steps: Step[];
  created_by: string;
  updated_at: string;
  latest_run?: { run_id: string; status: string; started_at: string; finished_at: string | null } | null;
}

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface Run {
  run_id: string;
  workflow_id: number;
  workflow_version: number;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  requested_by: string;
  error?: string;
  steps: {
    index: number;
    action: string;
    job: string;
    status: "succeeded" | "failed" | "cancelled";
    started_at: string;
    finished_at: string;
    error?: string;
  }[];
}

export interface AuditEvent {
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

export interface Account {
  username: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface Maintenance {
  enabled: boolean;
  message?: string;
  until?: string;
}

export interface ChatAnswer {
  response: string;
  session_id: string;
  intent: string;
  data?: {
    language?: "pt" | "en";
    pending?: { action: string; job_name: string; job_stream: string | null; expires_at: string };
  };
  suggestions?: string[];
}
