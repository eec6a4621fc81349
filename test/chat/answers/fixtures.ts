import type { Job, JobDetail } from "../../../src/jobs/job";
import type { JobStream } from "../../../src/jobstreams/jobstream";
import type { WorkstationFacts } from "../../../src/chat/answers";

// Facts as Resync reads them from HWA, for a production morning: names from dev/hwa-simulator/seed-data.mjs.

/** 11:30 UTC = 08:30 in São Paulo, on the plan's day. */
export const NOW = new Date("2025-11-28T11:30:00Z");
export const SAO_PAULO = "America/Sao_Paulo";

let serial = 0;
const uuid = () =>
  `6f1c2a${String(++serial).padStart(2, "0")}-4b7e-4c11-9a3d-0c8e5f2b9d${String(serial).padStart(2, "0")}`;

export function job(overrides: Partial<Job> & { name: string }): Job {
  return {
    id: uuid(),
    job_stream: "PAYROLL",
    job_stream_id: "0AAAAAAAAAAAAPAY",
    workstation: "AGT_LNX01",
    folder: "/HR/",
    status: "SUCC",
    common_status: "SUCCESSFUL",
    return_code: 0,
    started_at: "2025-11-28T08:00:05Z",
    ended_at: "2025-11-28T08:04:10Z",
    duration_ms: 245_000,
    estimated_duration_ms: 300_000,
    sched_time: "2025-11-28T08:00:00Z",
    priority: 10,
    dependencies: { total: 1, unresolved: 0 },
    run_id: uuid(),
    ...overrides,
  };
}

export function jobDetail(overrides: Partial<JobDetail> & { name: string }): JobDetail {
  const base = job(overrides);
  return {
    ...base,
    substatus: null,
    dependency_list: [],
    runs: [
      {
        run_id: base.run_id ?? uuid(),
        status: base.status,
        return_code: base.return_code,
        started_at: base.started_at,
        ended_at: base.ended_at,
        last_in_rerun_chain: true,
      },
    ],
    ...overrides,
  };
}

/** REPORT_PLAN_STATUS (stream DAILY) held, waiting for a predecessor: it has not run yet. */
export function heldReport(overrides: Partial<JobDetail> = {}): JobDetail {
  return jobDetail({
    name: "REPORT_PLAN_STATUS",
    job_stream: "DAILY",
    workstation: "MASTER",
    status: "HOLD",
    common_status: "WAITING",
    substatus: "HOLD_WAITING_FOR_PREDECESSOR",
    return_code: null,
    started_at: null,
    ended_at: null,
    duration_ms: null,
    runs: [],
    run_id: null,
    ...overrides,
  });
}

/** PAYROLL_CALC abended with RC 12 on its second run: 12 min against 10 estimated. */
export const payrollCalc = jobDetail({
  name: "PAYROLL_CALC",
  status: "ABEND",
  common_status: "ERROR",
  return_code: 12,
  started_at: "2025-11-28T08:12:00Z",
  ended_at: "2025-11-28T08:24:00Z",
  duration_ms: 720_000,
  estimated_duration_ms: 600_000,
  run_id: "b1d7e0c4-5a6f-4e21-8c3b-9f0a1d2e3c4b",
  runs: [
    {
      run_id: "a0c6d9b3-4f5e-4d10-7b2a-8e9f0c1d2b3a",
      status: "ABEND",
      return_code: 12,
      started_at: "2025-11-28T08:05:00Z",
      ended_at: "2025-11-28T08:09:00Z",
      last_in_rerun_chain: false,
    },
    {
      run_id: "b1d7e0c4-5a6f-4e21-8c3b-9f0a1d2e3c4b",
      status: "ABEND",
      return_code: 12,
      started_at: "2025-11-28T08:12:00Z",
      ended_at: "2025-11-28T08:24:00Z",
      last_in_rerun_chain: true,
    },
  ],
});

export const stream = (overrides: Partial<JobStream> & { name: string }): JobStream => ({
  id: uuid(),
  workstation: "AGT_LNX01",
  folder: "/HR/",
  status: "EXEC",
  common_status: "RUNNING",
  sched_time: "2025-11-28T08:00:00Z",
  started_at: "2025-11-28T08:00:02Z",
  ended_at: null,
  estimated_duration_ms: 5_400_000,
  priority: 10,
  jobs: { total: 22, successful: 3, running: 1, abended: 1, not_running: 17 },
  dependencies: { total: 0, unresolved: 0 },
  ...overrides,
});

export const workstation = (overrides: Partial<WorkstationFacts> & { name: string }): WorkstationFacts => ({
  id: uuid(),
  folder: "/",
  type: "AGENT",
  active_states: ["LINKED", "FULLY_LINKED", "RUNNING", "JOBMAN_UP"],
  linked: true,
  limit: 40,
  fence: 0,
  os: "LINUX",
  node_name: "lnxbatch01.prod.local",
  version: "10.2.3",
  ...overrides,
});

/** What an operator may type to attack the console; no answer may echo it. */
export const MARKUP = `<img src=x onerror=alert(1)>`;

export const options = (language: "pt" | "en", timeZone = "UTC") => ({ language, now: NOW, timeZone });
