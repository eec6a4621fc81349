// The conman-style `plan_filter` of the V2 queries: `[folder]workstation#[folder]jobstream[.job]`, where `@`
// stands for any run of characters and `?` for one (e.g. `/@/@#/@/@.@`, everything; `@#PAYROLL.@`).
// Like conman, names match whatever their case.
import { invalidParameter } from "./errors.mjs";

/**
 * @typedef {{ workstationFolder: string, workstation: string, jobStreamFolder: string, jobStream: string, job: string }} PlanObjectNames
 */

/**
 * @param {string} filter
 * @returns {(names: PlanObjectNames) => boolean}
 */
export function compilePlanFilter(filter) {
  const match = /^(\/(?:[^/#]*\/)*)?([^/#]+)#(\/(?:[^/#]*\/)*)?([^/#.]+)(?:\.([^/#.]+))?$/.exec(filter.trim());
  if (!match) {
    throw invalidParameter(
      `The plan filter "${filter}" is not valid: use [folder]workstation#[folder]jobstream[.job], e.g. /@/@#/@/@.@`,
    );
  }
  const [, workstationFolder = "/@/", workstation = "@", jobStreamFolder = "/@/", jobStream = "@", job = "@"] = match;
  const tests = [
    [folderPattern(workstationFolder), "workstationFolder"],
    [namePattern(workstation), "workstation"],
    [folderPattern(jobStreamFolder), "jobStreamFolder"],
    [namePattern(jobStream), "jobStream"],
    [namePattern(job), "job"],
  ];
  return (names) =>
    tests.every(([pattern, key]) =>
      /** @type {RegExp} */ (pattern).test(names[/** @type {keyof PlanObjectNames} */ (key)]),
    );
}

/** @param {string} name */
function namePattern(name) {
  return new RegExp(`^${wildcards(name)}$`, "i");
}

/** `/@/` stands for any folder, the root included. @param {string} folder */
function folderPattern(folder) {
  const source = folder
    .split("/")
    .map((part) => (part === "@" ? "\u0000" : wildcards(part)))
    .join("/")
    .replaceAll("/\u0000/", "/(?:.*/)?")
    .replaceAll("\u0000", "[^/]*");
  return new RegExp(`^${source}$`, "i");
}

/** @param {string} text */
function wildcards(text) {
  return [...text]
    .map((char) => (char === "@" ? ".*" : char === "?" ? "." : char.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")))
    .join("");
}
