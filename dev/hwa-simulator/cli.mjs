// `node dev/hwa-simulator/cli.mjs`: the HWA simulator, configured by environment variables.
//   HWA_PORT (31116), HWA_HOST (127.0.0.1), HWA_SEED (42), HWA_TIME_SCALE (60), HWA_FAILURE_RATE (0.1),
//   HWA_USERNAME (twsuser), HWA_PASSWORD (twspass), HWA_API_KEY (none), HWA_CONTRACT_CHECK (off; "1" turns it on)
import { startHwaSimulator } from "./server.mjs";

/** @param {string} name @param {number} fallback @param {(value: number) => boolean} valid */
function numberFromEnv(name, fallback, valid) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !valid(value)) {
    console.error(`${name} is not valid: ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}

try {
  const simulator = await startHwaSimulator({
    host: process.env.HWA_HOST || "127.0.0.1",
    port: numberFromEnv("HWA_PORT", 31116, (value) => Number.isInteger(value) && value >= 0 && value <= 65535),
    seed: numberFromEnv("HWA_SEED", 42, Number.isInteger),
    timeScale: numberFromEnv("HWA_TIME_SCALE", 60, (value) => value >= 0),
    failureRate: numberFromEnv("HWA_FAILURE_RATE", 0.1, (value) => value >= 0 && value <= 1),
    username: process.env.HWA_USERNAME || "twsuser",
    password: process.env.HWA_PASSWORD || "twspass",
    apiKey: process.env.HWA_API_KEY || undefined,
    contractCheck: process.env.HWA_CONTRACT_CHECK === "1",
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
