// CPU time of a process and every process below it (workerd runs as a grandchild of the bench), from Linux's /proc.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node supports

/** Parent and user + system ticks of every process, by pid; empty where /proc is missing (not Linux). */
function processTable() {
  /** @type {Map<number, { ppid: number, ticks: number }>} */
  const table = new Map();
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return table;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields are counted from the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/**
 * CPU seconds (user + system) used so far by `pid` and its living descendants; NaN where /proc is unavailable.
 * @param {number | undefined} pid
 */
export function processTreeCpuSeconds(pid) {
  const table = processTable();
  if (pid === undefined || !table.has(pid)) return NaN;
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = /** @type {number} */ (pending.pop());
    ticks += table.get(current)?.ticks ?? 0;
    for (const [child, { ppid }] of table) if (ppid === current) pending.push(child);
  }
  return ticks / TICKS_PER_SECOND;
}
