// The Worker in workerd through Miniflare, without `wrangler dev`'s proxy: the load generator's requests go
// straight to workerd's own socket. Run as a child of bench/lib/stack.mjs:
//   node bench/lib/workerd-server.mjs <bundle.js> <persist dir> <port> <vars as JSON>
// It prints `listening <url>` once the Worker answers, and stops workerd on SIGINT/SIGTERM.
// Bindings (KV, Durable Objects, rate limits) come from wrangler.toml through wrangler's own converter, so they are
// the ones `wrangler dev` would give the Worker.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from "wrangler";

/** @typedef {import("node:stream").Readable} Readable */

const [bundle, persistDir, port, varsJson] = /** @type {[string, string, string, string]} */ (process.argv.slice(2));
const root = new URL("../..", import.meta.url).pathname;
const configPath = join(root, "wrangler.toml");
const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
const { vars } = unstable_readConfig({ config: configPath });

// A Durable Object binding whose class the bundle does not export (work in progress elsewhere in the tree)
// would stop workerd from starting; `wrangler dev` only warns about it, so it is dropped here as well.
const exported = new Set(
  [...readFileSync(bundle, "utf8").matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
    /** @type {string} */ (m[1]).split(",").map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    ),
  ),
);
const durableObjects = Object.fromEntries(
  Object.entries(workerOptions.durableObjects ?? {}).filter(([, d]) =>
    exported.has(typeof d === "string" ? d : d.className),
  ),
);

// The Worker's own socket in workerd (`unsafeDirectSockets`): no JavaScript runs before the Worker, as at Cloudflare's
// edge. BENCH_WORKERD_ENTRY=1 instead goes through Miniflare's entry Worker (which adds `request.cf`, routes, logs).
const viaEntry = process.env.BENCH_WORKERD_ENTRY === "1";
const mf = new Miniflare({
  ...workerOptions,
  name: "resync",
  modules: true,
  scriptPath: bundle,
  durableObjects,
  ...(viaEntry ? {} : { unsafeDirectSockets: [{ host: "127.0.0.1", port: Number(port) }] }),
  // The developer's .dev.vars are left out: wrangler.toml's vars and the stack's own only.
  bindings: { ...vars, ...JSON.parse(varsJson) },
  host: "127.0.0.1",
  port: viaEntry ? Number(port) : 0,
  cf: false,
  kvPersist: join(persistDir, "kv"),
  durableObjectsPersist: join(persistDir, "do"),
  cachePersist: false,
  log: new Log(LogLevel.WARN),
  // BENCH_INSPECTOR_PORT opens workerd's DevTools inspector, to take CPU profiles of the Worker under load.
  ...(process.env.BENCH_INSPECTOR_PORT ? { inspectorPort: Number(process.env.BENCH_INSPECTOR_PORT) } : {}),
  // The Worker's log lines are drained, not printed (a terminal's cost, not the Worker's), unless BENCH_DEBUG is set.
  handleRuntimeStdio: (/** @type {Readable} */ stdout, /** @type {Readable} */ stderr) => {
    if (process.env.BENCH_DEBUG) stdout.on("data", (/** @type {Buffer} */ chunk) => process.stderr.write(chunk));
    else stdout.resume();
    stderr.on("data", (/** @type {Buffer} */ chunk) => process.stderr.write(chunk));
  },
});

await mf.ready;
const url = viaEntry ? await mf.ready : await mf.unsafeGetDirectURL("resync");
console.log(`listening ${url.origin}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await mf.dispose().catch(() => undefined);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
