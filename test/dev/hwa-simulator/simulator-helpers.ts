// Shared by the HWA simulator's tests (which run in workerd and reach the simulator over HTTP).
import { expect, inject } from "vitest";

export interface CompositeStatus {
  status: string;
  substatus?: string;
  canceled?: boolean;
  error?: boolean;
  started?: boolean;
}
export interface JobRun {
  id: string;
  jobNumber: number;
  compositeStatus: CompositeStatus;
  commonStatus: string;
  returnCode?: number;
  rerunType: string;
  lastInRerunChain: boolean;
  actualWorkstation?: string;
  timeInfo: { estimatedDuration?: string; actualStartTime?: string; actualEndTime?: string; elapsedTime?: string };
}
export interface Dependency {
  dependencyType: string;
  dependencyStatus: string;
  satisfied: boolean;
  jobId: string;
  jobName: string;
  jobStreamName: string;
}
export interface Job {
  id: string;
  name: string;
  jobStreamId: string;
  jobStreamName: string;
  workstation: string;
  folder: string;
  priority: number;
  schedTime: string;
  lastRunCompositeStatus: CompositeStatus;
  lastRunCommonStatus: string;
  jobDefinition: { task: { command: string }; estimatedDuration: string };
  jobruns: JobRun[];
  dependencies?: Dependency[];
  dependenciesStats: { numberOfDependencies: number; numberOfUnresolvedDependencies: number };
}
export interface JobStream {
  id: string;
  name: string;
  workstation: string;
  compositeStatus: { status: string };
  commonStatus: string;
  jobStreamStats: { numberOfJob: number };
  jobs?: Job[];
}
export interface Workstation {
  id: string;
  name: string;
  type: string;
  activeStates: string[];
}
export interface Page<T> {
  count?: number;
  results: T[];
  next?: string;
  previous?: string;
}
export interface EngineErrorBody {
  exceptionName: string;
  messages: string[];
}

/** A client of one simulator: engine calls with Basic auth, and its control endpoints. */
export function simulatorAt(baseUrl: string) {
  const basic = `Basic ${btoa(`${inject("hwaSimulatorUsername")}:${inject("hwaSimulatorPassword")}`)}`;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: basic,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/__control/${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `control ${method} ${path}: ${await response.clone().text()}`).toBe(200);
    return response.json();
  };
  const engine = {
    baseUrl,
    call,
    /** GETs JSON and expects a 200. */
    async get<T>(path: string, headers?: Record<string, string>): Promise<T> {
      const response = await call("GET", path, undefined, headers);
      expect(response.status, `GET ${path}: ${await response.clone().text()}`).toBe(200);
      return (await response.json()) as T;
    },
    /** PUTs an action with `{}` (or the body given) and returns the response. */
    put: (path: string, body: unknown = {}) => call("PUT", path, body),
    jobs: (oql: string, extra = "") => engine.get<Page<Job>>(`/api/v2/plan/job?oql=${encodeURIComponent(oql)}${extra}`),
    job: (id: string) => engine.get<Job>(`/api/v2/plan/job/${id}`),
    /** The one job of a stream with that name. */
    async jobNamed(jobStream: string, name: string): Promise<Job> {
      const page = await engine.jobs(`jobStreamName = '${jobStream}' AND name = '${name}'`);
      expect(page.results, `${jobStream}.${name}`).toHaveLength(1);
      return engine.job(page.results[0]!.id);
    },
    step: (seconds: number) => control("POST", "clock/step", { seconds }) as Promise<{ now: string }>,
    reset: () => control("POST", "reset"),
    faults: (faults: Record<string, unknown>) => control("POST", "faults", faults),
    clearFaults: () => control("DELETE", "faults"),
    forceStatus: (jobId: string, status: string, returnCode?: number) =>
      control("POST", `jobs/${jobId}/status`, { status, returnCode }) as Promise<Job>,
    deadline: (jobId: string, at: string | null) => control("POST", `jobs/${jobId}/deadline`, { at }) as Promise<Job>,
    stats: () => control("GET", "stats") as Promise<{ total: number; byRoute: Record<string, number> }>,
    violations: () =>
      control("GET", "violations") as Promise<{
        checked: number;
        violations: { method: string; path: string; errors: string[] }[];
      }>,
  };
  return engine;
}

/** Reads a non-2xx response: it must carry the engine's error body. */
export async function engineErrorOf(response: Response, status: number): Promise<EngineErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as EngineErrorBody;
  expect(typeof body.exceptionName).toBe("string");
  expect(body.messages).toHaveLength(1);
  expect(body.messages[0]).toMatch(/^AWSJ[A-Z]{2,3}\d{3}E /);
  return body;
}

/** Every response a simulator sent so far kept the V2 document's contract. */
export async function expectNoContractViolations(engine: ReturnType<typeof simulatorAt>) {
  const { checked, violations } = await engine.violations();
  expect(checked).toBeGreaterThan(0);
  expect(violations).toEqual([]);
}

/** ISO-8601 duration (whole seconds, as the simulator writes them) in seconds. */
export function durationSeconds(duration: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  expect(match, duration).not.toBeNull();
  return Number(match![1] ?? 0) * 3600 + Number(match![2] ?? 0) * 60 + Number(match![3] ?? 0);
}
