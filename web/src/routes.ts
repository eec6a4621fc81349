// Pages live in the URL's fragment (`#/jobs/ID`): a link can be shared and reloaded, and every path of the origin
// other than the console's files stays the Worker's (its 404, the API), with no fallback page to configure.
export type Route =
  | { page: "board" }
  | { page: "job"; id: string }
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
