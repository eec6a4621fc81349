import { stopAllStacks } from "./stack.mjs";

/**
 * Runs a benchmark's `main`, then exits. On a failure, Ctrl-C, SIGTERM or the overall timeout, every stack it started
 * is stopped first; only the first failure reports (requests cut off by the cleanup fail too).
 * @param {string} name @param {() => Promise<unknown>} main @param {number} timeoutMs
 */
export function runBenchmark(name, main, timeoutMs) {
  let failing = false;
  const fail = async (/** @type {string} */ message, code = 1) => {
    if (failing) return;
    failing = true;
    console.error(`bench ${name}: ${message}`);
    await stopAllStacks();
    process.exit(code);
  };
  process.on("SIGINT", () => void fail("interrupted", 130));
  process.on("SIGTERM", () => void fail("terminated", 143));
  setTimeout(() => void fail(`overall timeout of ${timeoutMs / 60_000} minutes reached`), timeoutMs).unref();
  main().then(
    () => process.exit(0),
    (error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
}
