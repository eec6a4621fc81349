// Running Hrana statements, batches, sequences and describes on a stream's connection.
import { ProtocolError, StatementError, hranaError, isSqliteError } from "./errors.mjs";
import { splitStatements } from "./sql-text.mjs";
import { valueFromHrana, valueToHrana } from "./values.mjs";

/**
 * What the executor needs from a stream.
 * @typedef {{
 *   db: import("./connection.mjs").LibsqlDatabase,
 *   sqls: Map<number, string>,
 *   busyTimeoutMs: number,
 *   closed: boolean,
 * }} ExecutionStream
 * @typedef {import("./sql-text.mjs").SqlStatement} SqlStatement
 * @typedef {Record<string, unknown>} JsonObject
 */

/** @param {ExecutionStream} stream @param {unknown} stmt */
export async function executeStmt(stream, stmt) {
  const body = asObject(stmt, "stmt");
  const statement = singleStatement(sqlText(stream, body));
  const args = asArray(body.args ?? [], "stmt.args");
  const namedArgs = asArray(body.named_args ?? [], "stmt.named_args");
  const bindings = bindArguments(statement, args, namedArgs);
  return runStatement(stream, statement, bindings, body.want_rows !== false);
}

/** @param {ExecutionStream} stream @param {unknown} batch */
export async function executeBatch(stream, batch) {
  const steps = asArray(asObject(batch, "batch").steps, "batch.steps");
  /** @type {(JsonObject | null)[]} */
  const stepResults = [];
  /** @type {({ message: string, code: string } | null)[]} */
  const stepErrors = [];
  for (const [index, rawStep] of steps.entries()) {
    const step = asObject(rawStep, "batch step");
    const outcomes = { stepResults, stepErrors, current: index, stream };
    if (step.condition != null && !conditionHolds(step.condition, outcomes)) {
      stepResults.push(null);
      stepErrors.push(null);
      continue;
    }
    try {
      stepResults.push(await executeStmt(stream, step.stmt));
      stepErrors.push(null);
    } catch (error) {
      if (error instanceof ProtocolError) throw error;
      stepResults.push(null);
      stepErrors.push(hranaError(error));
    }
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

/**
 * @param {unknown} condition
 * @param {{ stepResults: unknown[], stepErrors: unknown[], current: number, stream: ExecutionStream }} outcomes
 * @returns {boolean}
 */
function conditionHolds(condition, outcomes) {
  const cond = asObject(condition, "batch condition");
  const earlierStep = () => {
    const step = cond.step;
    if (typeof step !== "number" || !Number.isInteger(step) || step < 0 || step >= outcomes.current) {
      throw new ProtocolError("A batch condition may only refer to an earlier step");
    }
    return step;
  };
  switch (cond.type) {
    case "ok":
      return outcomes.stepResults[earlierStep()] != null;
    case "error":
      return outcomes.stepErrors[earlierStep()] != null;
    case "not":
      return !conditionHolds(cond.cond, outcomes);
    case "and":
      return asArray(cond.conds, "and.conds").every((inner) => conditionHolds(inner, outcomes));
    case "or":
      return asArray(cond.conds, "or.conds").some((inner) => conditionHolds(inner, outcomes));
    case "is_autocommit":
      return !outcomes.stream.db.inTransaction;
    default:
      throw new ProtocolError(`Unknown batch condition type ${JSON.stringify(cond.type)}`);
  }
}

/**
 * Runs every statement of a SQL text in order, stopping at the first error.
 * @param {ExecutionStream} stream
 * @param {JsonObject} request
 */
export async function executeSequence(stream, request) {
  for (const statement of splitStatements(sqlText(stream, request))) {
    await runStatement(
      stream,
      statement,
      statement.params.map(() => null),
      false,
    );
  }
}

/** @param {ExecutionStream} stream @param {JsonObject} request */
export async function describeStatement(stream, request) {
  const statement = singleStatement(sqlText(stream, request));
  return waitForLock(stream, () => {
    const prepared = stream.db.prepare(statement.sql);
    const cols = prepared.reader ? prepared.columns().map(({ name, type }) => ({ name, decltype: type })) : [];
    return {
      params: statement.params.map((name) => ({ name })),
      cols,
      is_explain: statement.isExplain,
      is_readonly: statement.isExplain || !writesToDatabase(stream, statement.sql),
    };
  });
}

// A statement writes when its program opens a write transaction (the Transaction opcode's P2 > 0).
/** @param {ExecutionStream} stream @param {string} sql */
function writesToDatabase(stream, sql) {
  const program = stream.db.prepare(`EXPLAIN ${sql}`).raw(true).all([]);
  return program.some((row) => row[1] === "Transaction" && Number(row[3]) !== 0);
}

/**
 * @param {ExecutionStream} stream
 * @param {SqlStatement} statement
 * @param {unknown[]} bindings
 * @param {boolean} wantRows
 */
async function runStatement(stream, statement, bindings, wantRows) {
  const startedAt = performance.now();
  const prepared = await waitForLock(stream, () => stream.db.prepare(statement.sql).safeIntegers(true));
  if (prepared.reader) prepared.raw(true);
  // Retrying re-runs this same statement: a statement that failed with SQLITE_BUSY stays "in progress"
  // until it is run again, and would make the connection's COMMIT fail.
  const { columns, rows } = await waitForLock(stream, () => {
    if (!prepared.reader) {
      prepared.run(bindings);
      return { columns: [], rows: [] };
    }
    return { columns: prepared.columns(), rows: prepared.all(bindings) };
  });
  // Like sqld, only INSERT/UPDATE/DELETE report a row count and only INSERT reports a row id.
  let affectedRowCount = 0;
  let lastInsertRowid = null;
  if (statement.isChange) {
    const [changes, rowid] = stream.db
      .prepare("SELECT changes(), last_insert_rowid()")
      .safeIntegers(true)
      .raw(true)
      .all([])[0] ?? [0n, 0n];
    affectedRowCount = Number(changes);
    if (statement.isInsert) lastInsertRowid = String(rowid);
  }
  return {
    cols: columns.map(({ name, type }) => ({ name, decltype: type })),
    rows: wantRows ? rows.map((row) => row.map(valueToHrana)) : [],
    affected_row_count: affectedRowCount,
    last_insert_rowid: lastInsertRowid,
    query_duration_ms: performance.now() - startedAt,
  };
}

/**
 * Retries an attempt that found the database locked by another connection, until the busy timeout,
 * yielding to the event loop in between so that the lock holder's requests can run.
 * @template T
 * @param {ExecutionStream} stream
 * @param {() => T} attempt
 * @returns {Promise<T>}
 */
async function waitForLock(stream, attempt) {
  const deadline = Date.now() + stream.busyTimeoutMs;
  for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    if (stream.closed) throw new StatementError("The stream was closed", "STREAM_CLOSED");
    try {
      return attempt();
    } catch (error) {
      // A stale snapshot (SQLITE_BUSY_SNAPSHOT) never gets better by waiting.
      const waitable = isSqliteError(error) && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_BUSY_RECOVERY");
      if (!waitable || Date.now() + pauseMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/**
 * @param {SqlStatement} statement
 * @param {unknown[]} args
 * @param {unknown[]} namedArgs
 */
function bindArguments(statement, args, namedArgs) {
  if (args.length > 0 && namedArgs.length > 0) {
    throw new StatementError(
      "Specifying both positional and named arguments is not supported",
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
    );
  }
  const { params } = statement;
  if (args.length > params.length) {
    throw new StatementError(
      `Arguments do not match SQL parameters: the statement has ${params.length} parameters, got ${args.length} arguments`,
      "ARGS_INVALID",
    );
  }
  /** @type {unknown[]} */
  const bindings = params.map((_, index) => (index < args.length ? valueFromHrana(args[index]) : null));
  for (const rawArg of namedArgs) {
    const { name, value } = asObject(rawArg, "named argument");
    if (typeof name !== "string") throw new ProtocolError("A named argument needs a string name");
    // A name without its prefix matches the parameter with any prefix (":a", "@a", "$a").
    const candidates = /^[:@$]/.test(name) ? [name] : [`:${name}`, `@${name}`, `$${name}`];
    const indexes = params.flatMap((param, index) => (param !== null && candidates.includes(param) ? [index] : []));
    if (indexes.length === 0) {
      throw new StatementError(`Arguments do not match SQL parameters: no parameter named ${name}`, "ARGS_INVALID");
    }
    for (const index of indexes) bindings[index] = valueFromHrana(value);
  }
  return bindings;
}

/** @param {string} sql */
function singleStatement(sql) {
  const statements = splitStatements(sql);
  const [statement] = statements;
  if (!statement) throw new StatementError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  if (statements.length > 1) {
    throw new StatementError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
  }
  return statement;
}

/** @param {ExecutionStream} stream @param {JsonObject} holder */
function sqlText(stream, holder) {
  const { sql, sql_id: sqlId } = holder;
  if (sql != null && sqlId != null) throw new ProtocolError("Give either sql or sql_id, not both");
  if (typeof sql === "string") return sql;
  if (typeof sqlId !== "number") throw new ProtocolError("Give either sql (a string) or sql_id (a number)");
  const stored = stream.sqls.get(sqlId);
  if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} was not stored on this stream`);
  return stored;
}

/** @param {unknown} value @param {string} what @returns {JsonObject} */
export function asObject(value, what) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError(`${what} must be an object`);
  }
  return /** @type {JsonObject} */ (value);
}

/** @param {unknown} value @param {string} what @returns {unknown[]} */
export function asArray(value, what) {
  if (!Array.isArray(value)) throw new ProtocolError(`${what} must be an array`);
  return value;
}
