// Pages live in the URL's fragment (`#/jobs/ID`): a link can be shared and reloaded, and every path of the origin
// other than the console's files stays the Worker's (its 404, the API), with no fallback page to configure.
//
// The job pages name their engine when the operator picked one (`#/engines/HML`, `#/engines/HML/jobs/ID`): a job id
// means something on one engine only, so a shared link opens the same job. Without it, the user's default engine.
export type Route =
  | { page: "board"; engine?: string }
  | { page: "job"; id: string; engine?: string }
  | { page: "workflows" }
  | { page: "workflow"; id: number }
  | { page: "workflow-edit"; id: number | "new" }
  | { page: "run"; id: string }
  | { page: "audit" }
  | { page: "users" }
  | { page: "maintenance" }
  | { page: "not-found" };

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  if (parts[0] === "engines" && parts[1]) {
    const [, engine, ...rest] = parts;
    if (rest.length === 0) return { page: "board", engine };
    if (rest[0] === "jobs" && rest[1] && rest.length === 2) return { page: "job", id: rest[1], engine };
    return { page: "not-found" };
  }
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: "board" };
  if (first === "jobs" && second && parts.length === 2) return { page: "job", id: second };
  if (first === "workflows" && parts.length === 1) return { page: "workflows" };
  if (first === "workflows" && second === "new" && parts.length === 2) return { page: "workflow-edit", id: "new" };
  if (first === "workflows" && second && /^\d+$/.test(second)) {
    if (parts.length === 2) return { page: "workflow", id: Number(second) };
    if (third === "edit" && parts.length === 3) return { page: "workflow-edit", id: Number(second) };
  }
  if (first === "runs" && second && parts.length === 2) return { page: "run", id: second };
  if (parts.length === 1 && (first === "audit" || first === "users" || first === "maintenance")) return { page: first };
  return { page: "not-found" };
}

/** The fragment of a page: `link("jobs", id)` → `#/jobs/<id>`. */
export const link = (...parts: (string | number)[]) =>
  `#/${parts.map((part) => encodeURIComponent(String(part))).join("/")}`;

/** The board of `engine`, or of the default engine. */
export const boardLink = (engine: string | undefined) => (engine ? link("engines", engine) : "#/");

/** A job on `engine`, or on the default engine. */
export const jobLink = (engine: string | undefined, id: string) =>
  engine ? link("engines", engine, "jobs", id) : link("jobs", id);
