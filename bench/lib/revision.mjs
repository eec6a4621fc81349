import { execFileSync } from "node:child_process";
import { root } from "./stack.mjs";

/** The commit measured; BENCH_COMMIT names it when the bench runs in an exported copy of the tree (no .git). */
export function revision() {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, workerSourcesModified: false };
  try {
    const git = (/** @type {string[]} */ ...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    return {
      commit: git("rev-parse", "--short", "HEAD"),
      workerSourcesModified: git("status", "--porcelain", "--", "src", "durable-objects", "wrangler.toml") !== "",
    };
  } catch {
    return { commit: "unknown" };
  }
}
