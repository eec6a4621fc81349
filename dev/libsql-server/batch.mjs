// Hrana batches: steps run in order, each only when its condition holds. Shared by the `batch`
// request (all results at once) and the cursor (results streamed as they are produced).
import { ProtocolError, hranaError } from "./errors.mjs";
import { executeStmt } from "./execute.mjs";
import { asArray, asObject } from "./shapes.mjs";

/**
 * @typedef {import("./execute.mjs").ExecutionStream} ExecutionStream
 * @typedef {import("./errors.mjs").HranaError} HranaError
 * @typedef {"ok" | "error" | "skipped"} StepOutcome
 * @typedef {{
 *   step_results: (import("./execute.mjs").StmtResult | null)[],
 *   step_errors: (HranaError | null)[],
 * }} BatchResult
 */

/** @param {ExecutionStream} stream @param {unknown} batch @returns {Promise<BatchResult>} */
export async function executeBatch(stream, batch) {
  const steps = batchSteps(batch);
  /** @type {(import("./execute.mjs").StmtResult | null)[]} */
  const stepResults = steps.map(() => null);
  /** @type {(HranaError | null)[]} */
  const stepErrors = steps.map(() => null);
  await runBatchSteps(stream, steps, async (stmt, index) => {
    try {
      stepResults[index] = await executeStmt(stream, stmt);
      return "ok";
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      stepErrors[index] = hranaError(error);
      return "error";
    }
  });
  return { step_results: stepResults, step_errors: stepErrors };
}

/** @param {unknown} batch @returns {unknown[]} */
export function batchSteps(batch) {
  return asArray(asObject(batch, "batch").steps, "batch.steps");
}

/**
 * Runs each step whose condition holds; `runStep` runs its statement and says how it went.
 * @param {ExecutionStream} stream
 * @param {unknown[]} steps
 * @param {(stmt: unknown, index: number) => Promise<"ok" | "error">} runStep
 */
export async function runBatchSteps(stream, steps, runStep) {
  /** @type {StepOutcome[]} */
  const outcomes = [];
  for (const [index, rawStep] of steps.entries()) {
    const step = asObject(rawStep, "batch step");
    const holds = step.condition == null || conditionHolds(step.condition, { outcomes, current: index, stream });
    outcomes.push(holds ? await runStep(step.stmt, index) : "skipped");
  }
}

/**
 * @param {unknown} condition
 * @param {{ outcomes: StepOutcome[], current: number, stream: ExecutionStream }} state
 * @returns {boolean}
 */
function conditionHolds(condition, state) {
  const cond = asObject(condition, "batch condition");
  const earlierStep = () => {
    const step = cond.step;
    if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step >= state.current) {
      throw new ProtocolError("A batch condition may only refer to an earlier step");
    }
    return step;
  };
  switch (cond.type) {
    case "ok":
      return state.outcomes[earlierStep()] === "ok";
    case "error":
      return state.outcomes[earlierStep()] === "error";
    case "not":
      return !conditionHolds(cond.cond, state);
    case "and":
      return asArray(cond.conds, "and.conds").every((inner) => conditionHolds(inner, state));
    case "or":
      return asArray(cond.conds, "or.conds").some((inner) => conditionHolds(inner, state));
    case "is_autocommit":
      return !state.stream.db.inTransaction;
    default:
      throw new ProtocolError(`Unknown batch condition type ${JSON.stringify(cond.type)}`);
  }
}
