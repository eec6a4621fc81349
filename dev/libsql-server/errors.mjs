// The two ways a request can fail: the client broke the protocol (the whole HTTP request fails), or a
// statement failed (only its result in the pipeline is an error, as sqld reports it).

/** Hrana's `Error` structure. @typedef {{ message: string, code: string }} HranaError */

/** The client sent something the protocol does not allow; answered with an HTTP error status. */
export class ProtocolError extends Error {
  /** @param {string} message @param {string} [code] @param {number} [status] */
  constructor(message, code = "PROTOCOL_ERROR", status = 400) {
    super(message);
    this.name = "ProtocolError";
    this.code = code;
    this.status = status;
  }
}

/** A statement or request failed; reported as `{ type: "error", error: { message, code } }`. */
export class StatementError extends Error {
  /** @param {string} message @param {string} code */
  constructor(message, code) {
    super(message);
    this.name = "StatementError";
    this.code = code;
  }
}

/**
 * Turns an error thrown by the `libsql` package into the Hrana error sqld would send. sqld reports the
 * primary result code (`SQLITE_CONSTRAINT`, not `SQLITE_CONSTRAINT_UNIQUE`); so do we, so that code
 * written against this server classifies errors the same way in production.
 * @param {unknown} error
 * @returns {HranaError}
 */
export function hranaError(error) {
  if (error instanceof StatementError || error instanceof ProtocolError) {
    return { message: error.message, code: error.code };
  }
  if (isSqliteError(error)) {
    const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0] ?? "SQLITE_UNKNOWN";
    return { message: `SQLite error: ${error.message}`, code: primary };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: "UNKNOWN" };
}

/** @param {unknown} error @returns {error is Error & { code: string }} */
export function isSqliteError(error) {
  return (
    error instanceof Error &&
    error.name === "SqliteError" &&
    typeof (/** @type {{ code?: unknown }} */ (error).code) === "string"
  );
}
