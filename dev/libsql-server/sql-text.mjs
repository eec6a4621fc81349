// Just enough SQL lexing to do what sqld does with its parser and the `libsql` package does not expose:
// split a SQL text into statements, name each statement's parameters by index, and tell its kind.

/**
 * @typedef {{ kind: "word" | "param" | "punct" | "other", text: string, start: number, end: number }} Token
 * @typedef {{
 *   sql: string,
 *   params: (string | null)[],
 *   isExplain: boolean,
 *   isInsert: boolean,
 *   isChange: boolean,
 * }} SqlStatement
 *   `params[i]` is the name of parameter i + 1 (":a", "?3") or null for a bare "?".
 *   `isChange` is true for INSERT/REPLACE/UPDATE/DELETE, the statements whose row count is reported.
 */

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;
const digit = /[0-9]/;

/** @param {string} sql @returns {Token[]} */
function tokenize(sql) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  const push = (/** @type {Token["kind"]} */ kind, /** @type {number} */ start) =>
    tokens.push({ kind, text: sql.slice(start, i), start, end: i });
  while (i < sql.length) {
    const c = sql.charAt(i);
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      const newline = sql.indexOf("\n", i);
      i = newline === -1 ? sql.length : newline + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close === -1 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      i = skipQuoted(sql, i, c);
      push(c === "'" ? "other" : "word", start);
    } else if (c === "[") {
      const close = sql.indexOf("]", i);
      i = close === -1 ? sql.length : close + 1;
      push("word", start);
    } else if (c === "?") {
      i++;
      while (i < sql.length && digit.test(sql.charAt(i))) i++;
      push("param", start);
    } else if ((c === ":" || c === "@" || c === "$") && wordPart.test(sql[i + 1] ?? "")) {
      i++;
      while (i < sql.length && wordPart.test(sql.charAt(i))) i++;
      push("param", start);
    } else if (wordStart.test(c)) {
      while (i < sql.length && wordPart.test(sql.charAt(i))) i++;
      push("word", start);
    } else if (digit.test(c) || (c === "." && digit.test(sql[i + 1] ?? ""))) {
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql.charAt(i))) {
        const exponentSign = /[eE]/.test(sql.charAt(i)) && /[+-]/.test(sql[i + 1] ?? "");
        i += exponentSign ? 2 : 1;
      }
      push("other", start);
    } else {
      i++;
      push("punct", start);
    }
  }
  return tokens;
}

/** @param {string} sql @param {number} open @param {string} quote */
function skipQuoted(sql, open, quote) {
  let i = open + 1;
  for (;;) {
    const close = sql.indexOf(quote, i);
    if (close === -1) return sql.length;
    if (sql[close + 1] !== quote) return close + 1;
    i = close + 2; // a doubled quote is an escaped quote
  }
}

/** @param {Token | undefined} token */
const keyword = (token) => (token?.kind === "word" ? token.text.toUpperCase() : "");

/**
 * Splits a SQL text into its statements, the way SQLite would run them one after another.
 * @param {string} sql
 * @returns {SqlStatement[]}
 */
export function splitStatements(sql) {
  /** @type {SqlStatement[]} */
  const statements = [];
  /** @type {Token[]} */
  let current = [];
  for (const token of tokenize(sql)) {
    if (token.kind === "punct" && token.text === ";" && endsStatement(current)) {
      if (current.length > 0) statements.push(describeTokens(sql, current));
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) statements.push(describeTokens(sql, current));
  return statements;
}

// A trigger body holds statements of its own, so its semicolons only end it after its closing END.
/** @param {Token[]} tokens */
function endsStatement(tokens) {
  const isTrigger =
    keyword(tokens[0]) === "CREATE" && (keyword(tokens[1]) === "TRIGGER" || keyword(tokens[2]) === "TRIGGER");
  if (!isTrigger) return true;
  let openBlocks = 0; // the trigger's BEGIN and every CASE inside it
  let closed = false;
  for (const token of tokens) {
    const word = keyword(token);
    if (word === "BEGIN" || word === "CASE") {
      openBlocks++;
      closed = false;
    } else if (word === "END" && openBlocks > 0) {
      openBlocks--;
      closed = openBlocks === 0;
    } else {
      closed = false;
    }
  }
  return closed;
}

/** @param {string} sql @param {Token[]} tokens @returns {SqlStatement} */
function describeTokens(sql, tokens) {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const main = mainKeyword(tokens);
  return {
    sql: first && last ? sql.slice(first.start, last.end) : "",
    params: parameterNames(tokens),
    isExplain: keyword(first) === "EXPLAIN",
    isInsert: main === "INSERT" || main === "REPLACE",
    isChange: ["INSERT", "REPLACE", "UPDATE", "DELETE"].includes(main),
  };
}

// The verb of the statement, looking past a leading WITH clause and its parenthesised tables.
/** @param {Token[]} tokens */
function mainKeyword(tokens) {
  if (keyword(tokens[0]) !== "WITH") return keyword(tokens[0]);
  let depth = 0;
  for (const token of tokens) {
    if (token.text === "(") depth++;
    else if (token.text === ")") depth--;
    else if (depth === 0 && ["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"].includes(keyword(token))) {
      return keyword(token);
    }
  }
  return "WITH";
}

// SQLite numbers parameters as it meets them: "?" takes the next index, "?N" takes N, and a name
// seen before reuses its index. A slot keeps the first name it got (sqlite3_bind_parameter_name):
// in "SELECT :b, ?1" slot 1 stays ":b", so ?1 is bound by the name ":b".
/** @param {Token[]} tokens */
function parameterNames(tokens) {
  /** @type {(string | null)[]} */
  const names = [];
  for (const token of tokens) {
    if (token.kind !== "param") continue;
    if (token.text === "?") {
      names.push(null);
    } else if (token.text.startsWith("?")) {
      const index = Number(token.text.slice(1));
      while (names.length < index) names.push(null);
      names[index - 1] ??= token.text;
    } else if (!names.includes(token.text)) {
      names.push(token.text);
    }
  }
  return names;
}
