import { query } from "../hwa/oql";
import { readWorkstations, type Workstation } from "../workstations/reads";
import type { Job } from "../jobs/job";
import { readJobPage } from "../jobs/reads";
import type { JobStream } from "../jobstreams/jobstream";
import { readJobStreamPage } from "../jobstreams/reads";
import { pageText, type Page, type Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";
import { observedNow } from "./engine-clock";
import type { Freshness } from "./freshness";
import type { Vocabulary } from "./understanding/types";

// The plan as the chat knows it for one message: every job, job stream and workstation by name, from the same cache
// entries as the API. Built once per version of those entries in this isolate, not once per message.

const PAGE = 500;
/** The chat indexes at most this many jobs (four pages); in a bigger plan other names are looked up exactly. */
const MAX_PLAN_JOBS = 2_000;

export interface Plan {
  jobs: Job[];
  /** The same jobs by id: the status of a predecessor without another read. */
  byId: ReadonlyMap<string, Job>;
  jobStreams: JobStream[];
  workstations: Workstation[];
  /** False when the plan has more jobs than the chat indexes. */
  complete: boolean;
  vocabulary: Vocabulary;
  /** HWA's clock when it sent each page of jobs (see engine-clock.ts); undefined when nothing was running. */
  observed: (number | undefined)[];
}

/** The last plan built, and the cached texts it was built from (unchanged texts: the same plan). */
let remembered: { texts: string[]; plan: Plan } | undefined;

/** Whether HWA has a page after this one, read from the cached text (no parse). */
const hasMore = (page: Read<Page<"jobs", Job>>) => pageText(page.json, "jobs")?.more ?? page.value.more;

export async function readPlan(scope: Scope, freshness: Freshness): Promise<Plan> {
  const oql = query([], "jobStreamName ASC, name ASC");
  const [first, streams, workstations] = await Promise.all([
    readJobPage(scope, oql, PAGE, 0),
    readJobStreamPage(scope, query([]), PAGE, 0),
    readWorkstations(scope),
  ]);
  const pages = [first];
  for (let offset = PAGE; hasMore(pages.at(-1)!) && offset < MAX_PLAN_JOBS; offset += PAGE)
    pages.push(await readJobPage(scope, oql, PAGE, offset));
  for (const read of [...pages, streams, workstations]) freshness.saw(read);

  const texts = [...pages.map((page) => page.json), streams.json, workstations.json];
  if (remembered && remembered.texts.length === texts.length && remembered.texts.every((text, i) => text === texts[i]))
    return remembered.plan;
  const jobs = pages.flatMap((page) => page.value.jobs);
  const plan: Plan = {
    jobs,
    byId: new Map(jobs.map((job) => [job.id, job])),
    jobStreams: streams.value.items,
    workstations: workstations.value,
    complete: !hasMore(pages.at(-1)!),
    vocabulary: {
      jobs: [...new Set(jobs.map((job) => job.name))],
      jobStreams: [...new Set(streams.value.items.map((s) => s.name))],
      workstations: workstations.value.map((w) => w.name),
    },
    observed: pages.map((page) => observedNow(page.value.jobs)),
  };
  remembered = { texts, plan };
  return plan;
}
