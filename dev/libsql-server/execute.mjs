// Running Hrana statements, sequences and describes on a stream's connection.
import { bindArguments } from "./arguments.mjs";
import { ProtocolError, StatementError, isSqliteError } from "./errors.mjs";
import { asArray, asObject } from "./shapes.mjs";
import { splitStatements } from "./sql-text.mjs";
import { valueToHrana } from "./values.mjs";

/**
 * What the executor needs from a stream.
 * @typedef {{
 *   db: import("./connection.mjs").LibsqlDatabase,
 *   sqls: Map<number, string>,
 *   busyTimeoutMs: number,
 *   closed: boolean,
 * }} ExecutionStream
 * @typedef {import("./sql-text.mjs").SqlStatement} SqlStatement
 * @typedef {import("./values.mjs").HranaValue} HranaValue
 * @typedef {import("./values.mjs").SqlValue} SqlValue
 * @typedef {{ name: string, decltype: string | null }} Col
 * @typedef {{ affected_row_count: number, last_insert_rowid: string | null }} ChangeCounts
 * @typedef {{ cols: Col[], rows: HranaValue[][], query_duration_ms: number } & ChangeCounts} StmtResult
 * @typedef {{ statement: SqlStatement, bindings: SqlValue[], wantRows: boolean }} BoundStmt
 * @typedef {{
 *   params: { name: string | null }[],
 *   cols: Col[],
 *   is_explain: boolean,
 *   is_readonly: boolean,
 * }} DescribeResult
 * @typedef {Record<string, unknown>} JsonObject
 */

/** @param {ExecutionStream} stream @param {unknown} stmt @returns {Promise<StmtResult>} */
export async function executeStmt(stream, stmt) {
  const { statement, bindings, wantRows } = bindStmt(stream, stmt);
  return runStatement(stream, statement, bindings, wantRows);
}

/**
 * Reads a Hrana `Stmt`: its single SQL statement and the values for its parameters.
 * @param {ExecutionStream} stream
 * @param {unknown} stmt
 * @returns {BoundStmt}
 */
export function bindStmt(stream, stmt) {
  const body = asObject(stmt, "stmt");
  const statement = singleStatement(sqlText(stream, body));
  const args = asArray(body.args ?? [], "stmt.args");
  const namedArgs = asArray(body.named_args ?? [], "stmt.named_args");
  return { statement, bindings: bindArguments(statement, args, namedArgs), wantRows: body.want_rows !== false };
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

/** @param {ExecutionStream} stream @param {JsonObject} request @returns {Promise<DescribeResult>} */
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
 * @param {SqlValue[]} bindings
 * @param {boolean} wantRows
 * @returns {Promise<StmtResult>}
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
  return {
    cols: columns.map(({ name, type }) => ({ name, decltype: type })),
    rows: wantRows ? rows.map((row) => row.map(valueToHrana)) : [],
    ...changeCounts(stream, statement),
    query_duration_ms: performance.now() - startedAt,
  };
}

/**
 * Runs a statement for a cursor: hands over its columns, then each row as the engine produces it
 * (waiting for `onRow` lets the HTTP response push back), and returns its change counts.
 * @param {ExecutionStream} stream
 * @param {BoundStmt} bound
 * @param {{ onColumns(cols: Col[]): Promise<void>, onRow(row: HranaValue[]): Promise<void> }} sink
 * @returns {Promise<ChangeCounts>}
 */
export async function streamStatement(stream, { statement, bindings, wantRows }, sink) {
  const prepared = await waitForLock(stream, () => stream.db.prepare(statement.sql).safeIntegers(true));
  if (!prepared.reader) {
    await waitForLock(stream, () => prepared.run(bindings));
    await sink.onColumns([]);
    return changeCounts(stream, statement);
  }
  prepared.raw(true);
  await sink.onColumns(prepared.columns().map(({ name, type }) => ({ name, decltype: type })));
  // Locks are taken by the first step, so only that one waits (re-running the statement, as above).
  const { rows, first } = await waitForLock(stream, () => {
    const rows = prepared.iterate(bindings);
    return { rows, first: rows.next() };
  });
  for (let next = first; !next.done; next = rows.next()) {
    if (wantRows) await sink.onRow(next.value.map(valueToHrana));
  }
  return changeCounts(stream, statement);
}

// Like sqld, only INSERT/UPDATE/DELETE report a row count and only INSERT reports a row id.
/** @param {ExecutionStream} stream @param {SqlStatement} statement @returns {ChangeCounts} */
function changeCounts(stream, statement) {
  if (!statement.isChange) return { affected_row_count: 0, last_insert_rowid: null };
  const [changes, rowid] = stream.db
    .prepare("SELECT changes(), last_insert_rowid()")
    .safeIntegers(true)
    .raw(true)
    .all([])[0] ?? [0n, 0n];
  return {
    affected_row_count: Number(changes),
    last_insert_rowid: statement.isInsert ? String(rowid) : null,
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
