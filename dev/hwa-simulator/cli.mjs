// `node dev/hwa-simulator/cli.mjs`: the HWA simulator, configured by environment variables.
//   HWA_PORT (31116), HWA_HOST (127.0.0.1), HWA_SEED (42), HWA_TIME_SCALE (1: real time), HWA_FAILURE_RATE (0.1),
//   HWA_USERNAME (twsuser), HWA_PASSWORD (twspass), HWA_API_KEY (none), HWA_CONTRACT_CHECK (off; "1" turns it on),
//   HWA_PLAN_COPIES (1: each job stream of the day once; 17 make a plan of about 5,000 jobs)
import { numberFromEnv, timeScaleFromEnv } from "./env.mjs";
import { startHwaSimulator } from "./server.mjs";

try {
  const simulator = await startHwaSimulator({
    host: process.env.HWA_HOST || "127.0.0.1",
    port: numberFromEnv(
      process.env,
      "HWA_PORT",
      31116,
      (value) => Number.isInteger(value) && value >= 0 && value <= 65535,
    ),
    seed: numberFromEnv(process.env, "HWA_SEED", 42, Number.isInteger),
    timeScale: timeScaleFromEnv(process.env),
    failureRate: numberFromEnv(process.env, "HWA_FAILURE_RATE", 0.1, (value) => value >= 0 && value <= 1),
    username: process.env.HWA_USERNAME || "twsuser",
    password: process.env.HWA_PASSWORD || "twspass",
    apiKey: process.env.HWA_API_KEY || undefined,
    contractCheck: process.env.HWA_CONTRACT_CHECK === "1",
    planCopies: numberFromEnv(process.env, "HWA_PLAN_COPIES", 1, (value) => Number.isInteger(value) && value >= 1),
  });
  console.log(`HWA simulator listening on ${simulator.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await simulator.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`HWA simulator could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
