// "are jobs stuck in READY because their agent is down?", "tem job parado pq o agente caiu?", "jobs waiting since
// the agent went offline?": jobs that cannot start for an agent that is down. What runs now, focused on the ready
// jobs no agent takes, when no job is named.

import type { Reading } from "./reading";

/** Words that say a machine is down; "caiu", "crashed" are also failure words. */
const downWords = new Set([
  "down",
  "offline",
  "caido",
  "caida",
  "caidos",
  "caidas",
  "caiu",
  "cairam",
  "unlinked",
  "deslinkado",
  "deslinkada",
  "desligado",
  "desligada",
  "crashed",
  "dead",
  "morto",
  "morreu",
]);

export function asksForJobsOfDownAgents(reading: Reading, namesAJob: boolean): boolean {
  if (namesAJob) return false;
  if (!reading.has("jobs") && !reading.has("job") && !reading.has("ready")) return false;
  if (!reading.has("ready") && !reading.has("dependencies")) return false; // they wait: stuck, parados, ready
  if (!reading.has("workstation")) return false;
  return reading.tokens.some((token) => downWords.has(token.word));
}
