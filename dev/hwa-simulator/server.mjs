// The HWA REST API simulator: a seeded production plan behind HWA's V2 (and a few V1) paths under /twsd, with
// HWA's auth and error bodies, fault injection, and (optionally) every response checked against WA_API3_v2.json.
import { createServer } from "node:http";
import { credentialsCheck } from "./auth.mjs";
import { controlRoutes } from "./control.mjs";
import { documentRepairs, loadContract } from "./contract.mjs";
import { EngineError, noSuchResource, notAuthorized } from "./errors.mjs";
import { Faults } from "./faults.mjs";
import { contentTypeOf, engineError, json, readJsonBody, writeResponse } from "./http.mjs";
import { createRouter } from "./router.mjs";
import { jobRoutes } from "./routes-jobs.mjs";
import { planRoutes } from "./routes-plan.mjs";
import { v1Routes } from "./routes-v1.mjs";
import { createSimulation } from "./simulation.mjs";

const controlPrefix = "/twsd/__control/";
const maxViolations = 1_000;

/**
 * @typedef {{ host?: string, port?: number, seed?: number, timeScale?: number, failureRate?: number,
 *   username?: string, password?: string, apiKey?: string, contractCheck?: boolean, planCopies?: number,
 *   clockStart?: number }} HwaSimulatorOptions
 *   port: 0 picks a free port. timeScale: plan seconds per real second (1, real time, by default; 0 = the clock
 *   moves only when stepped).
 *   failureRate: the share of runs that end in ABEND from the clock's start on. apiKey: accepted as
 *   `Authorization: Bearer <apiKey>` besides Basic. contractCheck: check every V2 response against the document.
 *   planCopies: each job stream of the day this many times (17 copies make a plan of about 5,000 jobs).
 *   clockStart: the plan time (epoch ms) the clock shows first (see `createSimulation`); tests pin it with
 *   `clockStartOnOneDay()` so the day they read does not depend on the hour they run.
 * @typedef {{ url: string, port: number, close(): Promise<void> }} HwaSimulator
 *   url: the engine's base, e.g. http://127.0.0.1:31116/twsd
 */

/**
 * @param {HwaSimulatorOptions} [options]
 * @returns {Promise<HwaSimulator>}
 */
export async function startHwaSimulator({
  host = "127.0.0.1",
  port = 31116,
  seed = 42,
  timeScale = 1,
  failureRate = 0.1,
  username = "twsuser",
  password = "twspass",
  apiKey,
  contractCheck = false,
  planCopies = 1,
  clockStart,
} = {}) {
  const contract = contractCheck ? loadContract() : undefined;
  /** @type {import("./control.mjs").SimulatorState} */
  const state = {
    simulation: createSimulation({ seed, timeScale, failureRate, planCopies, clockStart }),
    faults: new Faults(),
    stats: { total: 0, byRoute: {} },
    contract: {
      enabled: contractCheck,
      checked: 0,
      violations: [],
      repairs: contract ? documentRepairs : [],
      ...(contract ? { check: contract.check } : {}),
    },
  };
  const isAuthorized = credentialsCheck({ username, password, apiKey });
  const engine = createRouter([...jobRoutes, ...planRoutes, ...v1Routes]);
  const controls = createRouter(/** @type {any} */ (controlRoutes));

  /** @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response */
  async function handle(request, response) {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    if (path.startsWith(controlPrefix) || `${path}/` === controlPrefix) {
      return writeResponse(response, await answerControl(method, path, request));
    }

    const found = engine.match(method, path);
    const matched = found && "route" in found ? found : undefined;
    const key = `${method} ${matched?.route.pattern ?? "(no route)"}`;
    state.stats.total += 1;
    state.stats.byRoute[key] = (state.stats.byRoute[key] ?? 0) + 1;
    if (await state.faults.apply(request, response, path.endsWith("/joblog"))) return;

    const result = await answerEngine(request, found, url, path);
    if (contract && matched?.route.pattern.startsWith("/twsd/api/v2/")) {
      state.contract.checked += 1;
      const errors = contract.check(method, matched.route.pattern, result.status, contentTypeOf(result), result.json);
      if (errors.length > 0 && state.contract.violations.length < maxViolations) {
        state.contract.violations.push({ method, path: `${path}${url.search}`, status: result.status, errors });
      }
    }
    writeResponse(response, result);
  }

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {ReturnType<typeof engine.match>} found @param {URL} url @param {string} path
   * @returns {Promise<import("./http.mjs").SimulatorResponse>}
   */
  async function answerEngine(request, found, url, path) {
    const method = request.method ?? "GET";
    try {
      if (!isAuthorized(request.headers.authorization)) {
        return engineError(notAuthorized(), { "www-authenticate": 'Basic realm="twsd"' });
      }
      if (!found) throw noSuchResource(method, path);
      if ("allowed" in found)
        return engineError(
          new EngineError(405, "MethodNotAllowed", `AWSJRS405E ${method} is not allowed on ${path}.`),
          { allow: found.allowed.join(", ") },
        );
      const body = found.route.json ? await readJsonBody(request) : {};
      state.simulation.sync();
      return found.route.handle({
        simulation: state.simulation,
        params: found.params,
        query: url.searchParams,
        headers: request.headers,
        body,
        origin: `http://${request.headers.host ?? "localhost"}`,
        path,
      });
    } catch (error) {
      return failure(error);
    }
  }

  /** @param {string} method @param {string} path @param {import("node:http").IncomingMessage} request */
  async function answerControl(method, path, request) {
    try {
      const found = controls.match(method, path);
      if (!found) throw noSuchResource(method, path);
      if ("allowed" in found)
        return engineError(
          new EngineError(405, "MethodNotAllowed", `AWSJRS405E ${method} is not allowed on ${path}.`),
          { allow: found.allowed.join(", ") },
        );
      const route = /** @type {import("./control.mjs").ControlRoute} */ (/** @type {unknown} */ (found.route));
      const body = route.json ? await readJsonBody(request) : {};
      state.simulation.sync();
      return route.handle(state, { params: found.params, body });
    } catch (error) {
      return failure(error);
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error("hwa-simulator: request failed", error);
      if (!response.headersSent) writeResponse(response, failure(error));
      else response.destroy();
    });
  });
  await listen(server, host, port);
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/twsd`,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        state.faults.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** @param {unknown} error */
function failure(error) {
  if (error instanceof EngineError) return engineError(error);
  console.error("hwa-simulator: unexpected error", error);
  return json(500, {
    exceptionName: "java.lang.RuntimeException",
    messages: ["AWSJCO500E An internal error occurred in the engine."],
  });
}

/** @param {import("node:http").Server} server @param {string} host @param {number} port @returns {Promise<void>} */
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use (set HWA_PORT)`) : error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
