// `npm run fuzz`: 100 000 generated requests against every route, in 4 runs of 25 000, each in a fresh workerd with a
// seed of its own (printed, so a failure replays with FUZZ_SEED and FUZZ_RUNS). In parts because one workerd isolate
// cannot take more: @cloudflare/vitest-pool-workers 0.14.9 wraps each Durable Object class's prototype in one more
// Proxy per construction, and property reads overflow the stack after ~66 000 requests (cloudflare/workers-sdk#15092,
// fixed in versions that need Node 22). FUZZ_PARTS and FUZZ_RUNS change the split.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

const parts = Number(process.env.FUZZ_PARTS ?? 4);
const runs = Number(process.env.FUZZ_RUNS ?? 25_000);
for (let part = 1; part <= parts; part += 1) {
  const seed = randomInt(2 ** 31 - 1);
  console.log(`fuzz: part ${part} of ${parts}, ${runs} requests, FUZZ_SEED=${seed}`);
  const run = spawnSync("npx", ["vitest", "run", "--project", "worker", "test/app.fuzz.test.ts"], {
    stdio: "inherit",
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`fuzz: ${parts * runs} requests held every property`);
