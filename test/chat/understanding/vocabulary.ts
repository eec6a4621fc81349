// The simulator's plan as the chat sees it: every job, job stream and workstation name of dev/hwa-simulator's seed,
// with `{01..12}` expanded as the simulator expands it, so the fixture follows the seed.

import { jobStreams, workstations } from "../../../dev/hwa-simulator/seed-data.mjs";
import type { Vocabulary } from "../../../src/chat/understanding/types";

/** As dev/hwa-simulator/plan.mjs `expandName`: `RPT_REGION_{01..08}` → RPT_REGION_01 … RPT_REGION_08. */
export function expandName(name: string): string[] {
  const range = /\{(\d+)\.\.(\d+)\}/.exec(name);
  if (!range || range[1] === undefined || range[2] === undefined) return [name];
  const [from, to, width] = [Number(range[1]), Number(range[2]), range[1].length];
  return Array.from({ length: to - from + 1 }, (_, i) => name.replace(range[0], String(from + i).padStart(width, "0")));
}

/** Job names in plan order; a name in several streams (LOAD, SFTP_SEND_BANK) appears once per stream, as in a plan. */
export const planJobNames: readonly string[] = jobStreams.flatMap((stream) => stream.stages.flat().flatMap(expandName));

export const planVocabulary: Vocabulary = {
  jobs: planJobNames,
  jobStreams: jobStreams.map((stream) => stream.name),
  workstations: workstations.map((workstation) => workstation.name),
};
