// Routes are keyed by the same path patterns as WA_API3_v2.json (e.g. `/twsd/api/v2/plan/job/{job_id}`), so
// one pattern names a route in the stats, finds its handler, and finds its contract.

/**
 * @typedef {{ simulation: ReturnType<typeof import("./simulation.mjs").createSimulation>, params: Record<string, string>,
 *   query: URLSearchParams, headers: import("node:http").IncomingHttpHeaders, body: Record<string, unknown>,
 *   origin: string, path: string }} RouteContext
 * @typedef {{ method: string, pattern: string, json?: boolean,
 *   handle(context: RouteContext): import("./http.mjs").SimulatorResponse }} Route
 *   json: the route reads a JSON body (and refuses other content types with 415).
 */

/** @param {Route[]} routes */
export function createRouter(routes) {
  const compiled = routes.map((route) => {
    const names = [...route.pattern.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
    const source = route.pattern.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "([^/]+)");
    return { route, names, regex: new RegExp(`^${source}$`) };
  });
  return {
    /**
     * @param {string} method @param {string} path
     * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | undefined}
     *   allowed: the path exists, not for this method.
     */
    match(method, path) {
      const allowed = [];
      for (const { route, names, regex } of compiled) {
        const found = regex.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          allowed.push(route.method);
          continue;
        }
        /** @type {Record<string, string>} */
        const params = {};
        names.forEach((name, index) => {
          params[name] = safeDecode(found[index + 1] ?? "");
        });
        return { route, params };
      }
      return allowed.length > 0 ? { allowed } : undefined;
    },
  };
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
