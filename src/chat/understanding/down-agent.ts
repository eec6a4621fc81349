// "are jobs stuck in READY because their agent is down?", "tem job parado pq o agente caiu?", "jobs waiting since
// the agent went offline?", "any jobs queued up on a dead agent?", "tem job na fila de agente fora?": jobs that
// cannot start for an agent that is down. What runs now, focused on the ready jobs no agent takes, when no job is
// named.

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
  "fora",
  "inativo",
  "inativa",
  "inactive",
  "unreachable",
  "inacessivel",
  "indisponivel",
  "unavailable",
  "desconectado",
  "desconectada",
  "disconnected",
]);
/** Jobs in a queue, which wait as "parados" or READY ones do: "queued up", "na fila", "enfileirados". */
const queuedWords = new Set([
  "queued",
  "queue",
  "queueing",
  "queuing",
  "fila",
  "enfileirado",
  "enfileirada",
  "enfileirados",
  "enfileiradas",
  "stranded",
  "encalhado",
  "encalhados",
]);

export function asksForJobsOfDownAgents(reading: Reading, namesAJob: boolean): boolean {
  if (namesAJob) return false;
  if (!reading.has("jobs") && !reading.has("job") && !reading.has("ready")) return false;
  const queued = reading.tokens.some((token) => queuedWords.has(token.word));
  if (!reading.has("ready") && !reading.has("dependencies") && !queued) return false; // they wait: stuck, parados
  if (!reading.has("workstation")) return false;
  return reading.tokens.some((token) => downWords.has(token.word));
}
