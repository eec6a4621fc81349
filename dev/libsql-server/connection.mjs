// One libSQL connection on the database file: every Hrana stream owns one, as in sqld.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** @type {new (file: string) => LibsqlDatabase} */
const Database = require("libsql");

/**
 * The part of the `libsql` package (better-sqlite3 style) this server uses.
 * @typedef {{
 *   prepare(sql: string): LibsqlStatement,
 *   exec(sql: string): void,
 *   close(): void,
 *   readonly inTransaction: boolean,
 * }} LibsqlDatabase
 * @typedef {{
 *   readonly reader: boolean,
 *   raw(on?: boolean): LibsqlStatement,
 *   safeIntegers(on?: boolean): LibsqlStatement,
 *   columns(): { name: string, type: string | null }[],
 *   all(params: unknown[]): unknown[][],
 *   iterate(params: unknown[]): Iterator<unknown[]>,
 *   run(params: unknown[]): { changes: number, lastInsertRowid: number },
 * }} LibsqlStatement
 */

/**
 * Opens a connection. Waiting for locks is done by the caller, asynchronously: a busy timeout inside
 * the engine would block Node's only thread, and with it the request that would release the lock.
 * @param {string} file
 * @returns {LibsqlDatabase}
 */
export function openConnection(file) {
  const db = new Database(file);
  db.exec("PRAGMA busy_timeout = 0");
  return db;
}

/**
 * Prepares the file once: WAL lets readers work beside one writer, as sqld runs it.
 * @param {string} file
 */
export function prepareDatabaseFile(file) {
  const db = openConnection(file);
  try {
    db.exec("PRAGMA journal_mode = WAL");
  } finally {
    db.close();
  }
}

/**
 * Closes a connection, rolling back first: the engine keeps a closed connection (and its write lock)
 * alive until its prepared statements are garbage collected.
 * @param {LibsqlDatabase} db
 */
export function closeConnection(db) {
  try {
    if (db.inTransaction) db.exec("ROLLBACK");
  } catch {
    // the connection is going away either way
  }
  db.close();
}
