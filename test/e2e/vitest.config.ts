// `npm run test:e2e`: the console in a real browser (Debian's Chromium driven by playwright-core) against
// `npm run dev`'s stack, started on free ports by stack.ts. Not part of `npm test`: it needs the browser installed.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["test/e2e/stack.ts"],
    // One stack, one browser at a time: the files share the simulator's plan.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The stack's teardown: Ctrl-C to the launcher, which stops wrangler, the simulator and libSQL (≤ 15 s).
    teardownTimeout: 30_000,
  },
});
