import type { z } from "zod";
import { metrics } from "../platform/observability/metrics";
import type { EngineCredentials } from "../platform/scope/scope";
import { HwaError, type HwaFailure } from "./errors";
import type { UpstreamGuard } from "./resilience";
import {
  EngineError,
  EngineInfo,
  JobInPlan,
  JobStreamInPlan,
  ResourceResponse,
  WorkstationInPlan,
  page,
} from "./schemas";

export type HwaCredentials = EngineCredentials;

export interface HwaClientOptions {
  /** e.g. `https://master:31116/twsd` */
  baseUrl: string;
  credentials: HwaCredentials;
  guard: UpstreamGuard;
  /** The engine's name in the registry: the `engine` label of this client's metrics. */
  engine?: string;
  /** Forwarded on every call so HWA's logs and ours line up. */
  traceparent?: string;
  correlationId?: string;
}

export interface ListQuery {
  oql?: string;
  limit: number;
  offset: number;
}

export const jobActions = [
  "hold",
  "release",
  "cancel",
  "kill",
  "confirm-succ",
  "confirm-abend",
  "release-all-dependencies",
] as const;
export type JobAction = (typeof jobActions)[number];
export const jobStreamActions = ["hold", "release", "cancel"] as const;
export type JobStreamAction = (typeof jobStreamActions)[number];

/**
 * An id as one path segment of HWA's URL: escaped, and never `.` or `..`, which a URL would resolve to another path
 * of HWA's (an id of ".." would turn /plan/job/../action into /plan/action).
 */
function segment(id: string): string {
  if (id === "" || id === "." || id === "..") throw new HwaError("not-found", "HWA has no object with such an id");
  return encodeURIComponent(id);
}

/** The Authorization header HWA expects for these credentials. */
export function authorizationOf(credentials: HwaCredentials): string {
  return "apiKey" in credentials
    ? `Bearer ${credentials.apiKey}`
    : `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`;
}

const JobPage = page(JobInPlan);
const JobStreamPage = page(JobStreamInPlan);
const WorkstationPage = page(WorkstationInPlan);

const attempts = metrics.counter("resync_hwa_requests_total", "HWA HTTP requests by method and status class.");

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get("Retry-After");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** The engine's message code (`AWSJPL506E` in "AWSJPL506E The job … was not found"), when its error body has one. */
async function engineCode(response: Response): Promise<string | undefined> {
  const text = await response.text().catch(() => "");
  try {
    const body = EngineError.parse(JSON.parse(text));
    return body.messages?.map((m) => /\bAWS[A-Z]{2,4}\d{3,4}[EWI]\b/.exec(m)?.[0]).find(Boolean);
  } catch {
    return undefined; // not the engine's JSON error body
  }
}

/** An HWA error answer in our words: the engine's text may hold its paths and hosts; only its code is kept. */
async function failureOf(response: Response): Promise<HwaError> {
  const status = response.status;
  const code = await engineCode(response);
  const failure = (kind: HwaFailure, message: string, retryAfter?: number) =>
    new HwaError(kind, message, status, retryAfter, code);
  if (status === 401 || status === 403) return failure("credentials-rejected", "HWA rejected Resync's credentials");
  if (status === 404) return failure("not-found", "HWA has no such object in its current plan");
  if (status === 409) return failure("conflict", "HWA refused the request in the object's current state");
  if (status === 429) return failure("rate-limited", "HWA is limiting requests", retryAfterSeconds(response));
  if (status === 503) return failure("unavailable", "HWA is unavailable", retryAfterSeconds(response));
  if (status >= 500) return failure("upstream-error", `HWA failed (${status})`);
  return failure("bad-request", `HWA refused the request (${status})`);
}

/** A typed HWA REST API V2 client; every call goes through the isolate's UpstreamGuard. */
export class HwaClient {
  private readonly engine: string;

  constructor(private readonly options: HwaClientOptions) {
    this.engine = options.engine ?? "default";
  }

  private headers(accept: string, hasBody: boolean): Headers {
    const headers = new Headers({ Accept: accept });
    headers.set("Authorization", authorizationOf(this.options.credentials));
    if (hasBody) headers.set("Content-Type", "application/json");
    if (this.options.traceparent) headers.set("traceparent", this.options.traceparent);
    if (this.options.correlationId) headers.set("X-Correlation-ID", this.options.correlationId);
    return headers;
  }

  /**
   * One call through the guard; the body is read inside the attempt, because the attempt's signal is
   * aborted once it returns (cockatiel's timeout cleans up), which would cut a body still streaming.
   */
  private async send(
    method: "GET" | "PUT" | "POST",
    path: string,
    query: Record<string, string | number | undefined>,
    body: unknown,
    accept: string,
  ): Promise<string> {
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, "")}${path}`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const idempotent = method === "GET";
    return this.options.guard.call(idempotent, async (signal) => {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: this.headers(accept, body !== undefined),
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        attempts.inc({ method, status: "network", engine: this.engine });
        throw new HwaError("unavailable", "HWA could not be reached");
      }
      attempts.inc({ method, status: `${Math.floor(response.status / 100)}xx`, engine: this.engine });
      if (!response.ok) throw await failureOf(response);
      return response.text();
    });
  }

  private async json<T extends z.ZodType>(
    schema: T,
    method: "GET" | "PUT" | "POST",
    path: string,
    query: Record<string, string | number | undefined> = {},
    body?: unknown,
  ): Promise<z.infer<T>> {
    const text = await this.send(method, path, query, body, "application/json");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HwaError("invalid-response", "HWA answered with something other than JSON");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HwaError("invalid-response", "HWA answered with an unexpected response");
    return parsed.data;
  }

  engineInfo() {
    return this.json(EngineInfo, "GET", "/api/v2/engine/info");
  }

  listJobs(query: ListQuery) {
    return this.json(JobPage, "GET", "/api/v2/plan/job", {
      oql: query.oql,
      limit: query.limit,
      offset: query.offset,
      plan_id: "current",
    });
  }

  async job(jobId: string) {
    return this.json(JobInPlan, "GET", `/api/v2/plan/job/${segment(jobId)}`);
  }

  /** Jobs this job waits for (`predecessors`) or that wait for it (`successors`). */
  async relatives(jobId: string, direction: "predecessors" | "successors", depth = 1) {
    return this.json(JobPage.or(JobInPlan.array()), "GET", `/api/v2/plan/job/${segment(jobId)}/${direction}`, {
      depth,
    });
  }

  /** A run's log as text, optionally a line range (1-based, inclusive). */
  async jobLog(runId: string, range: { fromLine?: number; toLine?: number } = {}): Promise<string> {
    return this.send(
      "GET",
      `/api/v2/plan/job/run/${segment(runId)}/joblog`,
      { from_line: range.fromLine, to_line: range.toLine },
      undefined,
      "text/plain",
    );
  }

  /** HWA wants a JSON body on PUT actions even when empty; confirm-* take `{conditions}`. */
  async jobAction(jobId: string, action: JobAction) {
    const body = action.startsWith("confirm-") ? { conditions: [] } : {};
    return this.json(ResourceResponse, "PUT", `/api/v2/plan/job/${segment(jobId)}/action/${action}`, {}, body);
  }

  /** Rerun acts on a run id and answers the new run's id. */
  async rerun(runId: string) {
    return this.json(ResourceResponse, "PUT", `/api/v2/plan/job/run/${segment(runId)}/action/rerun`, {}, {});
  }

  listJobStreams(query: ListQuery) {
    return this.json(JobStreamPage, "GET", "/api/v2/plan/jobstream", {
      oql: query.oql,
      limit: query.limit,
      offset: query.offset,
      plan_id: "current",
    });
  }

  async jobStream(jobStreamId: string) {
    return this.json(JobStreamInPlan, "GET", `/api/v2/plan/jobstream/${segment(jobStreamId)}`);
  }

  async jobStreamAction(jobStreamId: string, action: JobStreamAction) {
    return this.json(
      ResourceResponse,
      "PUT",
      `/api/v2/plan/jobstream/${segment(jobStreamId)}/action/${action}`,
      {},
      {},
    );
  }

  listWorkstations(query: ListQuery) {
    return this.json(WorkstationPage, "GET", "/api/v2/plan/workstation", {
      oql: query.oql,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async workstation(workstationId: string) {
    return this.json(WorkstationInPlan, "GET", `/api/v2/plan/workstation/${segment(workstationId)}`);
  }
}
