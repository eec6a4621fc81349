// The load generator of the HTTP benchmarks: loops over one keep-alive undici Pool, one request in flight each.
import { performance } from "node:perf_hooks";

/** @typedef {import("undici").Pool} Pool */

/**
 * `connections` loops, each with one request in flight, for `seconds`; every response is read to its end. A request
 * that fails (e.g. a connection the server closed) is counted under `error <code>`, never hidden. `cpu()`, when
 * given, samples the CPU seconds of the processes whose share of the load is reported (`cpuSeconds`).
 * @param {Pool} pool
 * @param {() => { path: string, headers: Record<string, string> }} next
 * @param {{ seconds: number, connections: number, cpu?: () => Record<string, number> }} options
 */
export async function load(pool, next, { seconds, connections, cpu = () => ({}) }) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  /** @type {Record<string, number>} */
  const sources = {};
  const deadline = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const { path, headers } = next();
      const started = performance.now();
      let status;
      let source = "none";
      try {
        const response = await pool.request({ method: "GET", path, headers });
        await response.body.arrayBuffer();
        status = String(response.statusCode);
        source = /** @type {string} */ (String(response.headers["resync-cache"] ?? "none").split(";")[0]);
      } catch (error) {
        const failure = /** @type {{ code?: string, name?: string } | undefined} */ (error);
        status = `error ${failure?.code ?? failure?.name ?? "unknown"}`;
      }
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      sources[source] = (sources[source] ?? 0) + 1;
    }
  };
  const cpuBefore = cpu();
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpu();
  const cpuSeconds = Object.fromEntries(
    Object.keys(cpuAfter).map((name) => [
      name,
      /** @type {number} */ (cpuAfter[name]) - /** @type {number} */ (cpuBefore[name]),
    ]),
  );
  return { latencies, seconds: elapsed, statuses, sources, cpuSeconds };
}
