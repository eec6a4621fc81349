// Debian's Chromium for the e2e tests and the console benchmarks: nothing is downloaded (the machine's network is
// closed), so the browser must be installed first — `.ci/run` does it; by hand: `apt-get install -y chromium`.
import { existsSync } from "node:fs";

/** Headless, and no background traffic that a closed network would refuse. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The browser's binary (CHROMIUM_PATH, else Debian's); throws saying how to install it when it is missing. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
        "(or set CHROMIUM_PATH to a Chromium binary). Nothing here downloads a browser.",
    );
  }
  return path;
}
