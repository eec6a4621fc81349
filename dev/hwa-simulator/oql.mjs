// A subset of HWA's Orchestration Query Language (OQL), the `oql` filter of the V2 plan queries:
//   field = 'v' | != | <> | < | <= | > | >= ; field [NOT] IN ['a','b'] (or ('a','b')) ; field [NOT] LIKE 'PAY@'
//   AND, OR, NOT, parentheses ; ORDER BY field [ASC|DESC][, ...]
// Values are single-quoted strings ('' is a quote inside one) or integers. Keywords and field names are
// case-insensitive, values case-sensitive. LIKE wildcards: `@` and `%` stand for any run of characters; `_`
// and `?` are ordinary characters (job names are full of underscores).
import { oqlSyntaxError } from "./errors.mjs";

const maxLength = 4096;
const maxDepth = 32;
const keywords = new Set(["AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC"]);

/**
 * @typedef {{ kind: "string" | "number" | "word" | "symbol", text: string, value: string | number, at: number }} Token
 * @typedef {{ type: "and" | "or", left: Condition, right: Condition }
 *   | { type: "not", operand: Condition }
 *   | { type: "compare", field: string, operator: string, value: string | number }
 *   | { type: "in", field: string, values: (string | number)[], negated: boolean }
 *   | { type: "like", field: string, pattern: RegExp, negated: boolean }} Condition
 * @typedef {Record<string, (item: any) => string | number | undefined>} Fields field name (lower case) → value
 */

/**
 * Compiles a query against the fields of one kind of object; throws the engine's 400 on any syntax error.
 * @param {string} text @param {Fields} fields
 * @returns {{ matches(item: unknown): boolean, sort<T>(items: T[]): T[] }}
 */
export function compileOql(text, fields) {
  if (text.length > maxLength)
    throw oqlSyntaxError(text.slice(0, 80), `the filter is longer than ${maxLength} characters`);
  const parser = new Parser(text, tokenize(text), fields);
  const { where, orderBy } = parser.parseQuery();
  return {
    matches: (item) => (where ? evaluate(where, item, fields) : true),
    sort(items) {
      if (orderBy.length === 0) return items;
      return [...items].sort((a, b) => {
        for (const { field, descending } of orderBy) {
          const order = compareValues(fields[field]?.(a), fields[field]?.(b));
          if (order !== 0) return descending ? -order : order;
        }
        return 0;
      });
    },
  };
}

/** @param {string} text @returns {Token[]} */
function tokenize(text) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i++;
    } else if (char === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw oqlSyntaxError(text, `the string starting at position ${i + 1} is not closed`);
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (text[j] === "'") {
          break;
        } else {
          value += text[j];
          j++;
        }
      }
      tokens.push({ kind: "string", text: text.slice(i, j + 1), value, at: i });
      i = j + 1;
    } else if (/[0-9]/.test(char) || (char === "-" && /[0-9]/.test(text.charAt(i + 1)))) {
      const match = /^-?[0-9]+/.exec(text.slice(i))?.[0] ?? char;
      tokens.push({ kind: "number", text: match, value: Number(match), at: i });
      i += match.length;
    } else if (/[A-Za-z]/.test(char)) {
      const match = /^[A-Za-z][A-Za-z0-9_.-]*/.exec(text.slice(i))?.[0] ?? char;
      tokens.push({ kind: "word", text: match, value: match, at: i });
      i += match.length;
    } else {
      const symbol = ["!=", "<>", "<=", ">="].find((candidate) => text.startsWith(candidate, i)) ?? char;
      if (!["=", "!=", "<>", "<", "<=", ">", ">=", "(", ")", "[", "]", ","].includes(symbol)) {
        throw oqlSyntaxError(text, `unexpected character "${char}" at position ${i + 1}`);
      }
      tokens.push({ kind: "symbol", text: symbol, value: symbol, at: i });
      i += symbol.length;
    }
  }
  return tokens;
}

class Parser {
  /** @param {string} text @param {Token[]} tokens @param {Fields} fields */
  constructor(text, tokens, fields) {
    this.text = text;
    this.tokens = tokens;
    this.fields = fields;
    this.position = 0;
    this.depth = 0;
  }

  parseQuery() {
    /** @type {Condition | undefined} */
    const where = this.tokens.length === 0 || this.isKeyword("ORDER") ? undefined : this.parseOr();
    /** @type {{ field: string, descending: boolean }[]} */
    const orderBy = [];
    if (this.acceptKeyword("ORDER")) {
      this.expectKeyword("BY");
      do {
        const field = this.parseField();
        const descending = this.acceptKeyword("DESC");
        if (!descending) this.acceptKeyword("ASC");
        orderBy.push({ field, descending });
      } while (this.acceptSymbol(","));
    }
    if (this.peek()) throw this.error(`unexpected "${this.peek()?.text}"`);
    return { where, orderBy };
  }

  /** @returns {Condition} */
  parseOr() {
    let left = this.parseAnd();
    while (this.acceptKeyword("OR")) left = { type: "or", left, right: this.parseAnd() };
    return left;
  }

  /** @returns {Condition} */
  parseAnd() {
    let left = this.parseUnary();
    while (this.acceptKeyword("AND")) left = { type: "and", left, right: this.parseUnary() };
    return left;
  }

  /** @returns {Condition} */
  parseUnary() {
    if (++this.depth > maxDepth) throw this.error(`the filter nests deeper than ${maxDepth} levels`);
    try {
      if (this.acceptKeyword("NOT")) return { type: "not", operand: this.parseUnary() };
      if (this.acceptSymbol("(")) {
        const inner = this.parseOr();
        this.expectSymbol(")");
        return inner;
      }
      return this.parseCondition();
    } finally {
      this.depth--;
    }
  }

  /** @returns {Condition} */
  parseCondition() {
    const field = this.parseField();
    const negated = this.acceptKeyword("NOT");
    if (this.acceptKeyword("IN")) return { type: "in", field, values: this.parseList(), negated };
    if (this.acceptKeyword("LIKE")) {
      const token = this.next();
      if (token?.kind !== "string") throw this.error("LIKE needs a quoted pattern", token);
      return { type: "like", field, pattern: likePattern(String(token.value)), negated };
    }
    if (negated) throw this.error("NOT after a field must be followed by IN or LIKE");
    const operator = this.next();
    if (operator?.kind !== "symbol" || !["=", "!=", "<>", "<", "<=", ">", ">="].includes(operator.text)) {
      throw this.error(`a comparison operator is expected after "${field}"`, operator);
    }
    return {
      type: "compare",
      field,
      operator: operator.text === "<>" ? "!=" : operator.text,
      value: this.parseValue(),
    };
  }

  parseList() {
    const open = this.next();
    if (open?.text !== "[" && open?.text !== "(") throw this.error("IN needs a list such as ['A','B']", open);
    const close = open.text === "[" ? "]" : ")";
    const values = [this.parseValue()];
    while (this.acceptSymbol(",")) values.push(this.parseValue());
    this.expectSymbol(close);
    return values;
  }

  parseValue() {
    const token = this.next();
    if (token?.kind !== "string" && token?.kind !== "number")
      throw this.error("a quoted string or an integer is expected", token);
    return token.value;
  }

  parseField() {
    const token = this.next();
    if (token?.kind !== "word" || keywords.has(token.text.toUpperCase()))
      throw this.error("a field name is expected", token);
    const field = token.text.toLowerCase();
    if (!(field in this.fields)) {
      throw this.error(
        `the field "${token.text}" is not supported here (supported: ${Object.keys(this.fields).join(", ")})`,
        token,
      );
    }
    return field;
  }

  peek() {
    return this.tokens[this.position];
  }

  next() {
    const token = this.tokens[this.position];
    if (token) this.position++;
    return token;
  }

  /** @param {string} keyword */
  isKeyword(keyword) {
    const token = this.peek();
    return token?.kind === "word" && token.text.toUpperCase() === keyword;
  }

  /** @param {string} keyword */
  acceptKeyword(keyword) {
    if (!this.isKeyword(keyword)) return false;
    this.position++;
    return true;
  }

  /** @param {string} keyword */
  expectKeyword(keyword) {
    if (!this.acceptKeyword(keyword)) throw this.error(`"${keyword}" is expected`, this.peek());
  }

  /** @param {string} symbol */
  acceptSymbol(symbol) {
    if (this.peek()?.kind !== "symbol" || this.peek()?.text !== symbol) return false;
    this.position++;
    return true;
  }

  /** @param {string} symbol */
  expectSymbol(symbol) {
    if (!this.acceptSymbol(symbol)) throw this.error(`"${symbol}" is expected`, this.peek());
  }

  /** @param {string} reason @param {Token} [token] */
  error(reason, token) {
    const where = token ? ` at position ${token.at + 1}` : this.peek() ? "" : " at the end of the filter";
    return oqlSyntaxError(this.text, `${reason}${where}`);
  }
}

/** @param {string} pattern */
function likePattern(pattern) {
  const source = [...pattern].map((char) =>
    char === "@" || char === "%" ? ".*" : char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"),
  );
  return new RegExp(`^${source.join("")}$`, "s");
}

/** @param {Condition} condition @param {unknown} item @param {Fields} fields @returns {boolean} */
function evaluate(condition, item, fields) {
  switch (condition.type) {
    case "and":
      return evaluate(condition.left, item, fields) && evaluate(condition.right, item, fields);
    case "or":
      return evaluate(condition.left, item, fields) || evaluate(condition.right, item, fields);
    case "not":
      return !evaluate(condition.operand, item, fields);
    case "in": {
      const actual = fields[condition.field]?.(item);
      const found = condition.values.some((value) => compareValues(actual, value) === 0);
      return condition.negated ? !found : found;
    }
    case "like": {
      const actual = fields[condition.field]?.(item);
      const found = actual !== undefined && condition.pattern.test(String(actual));
      return condition.negated ? !found : found;
    }
    case "compare": {
      const actual = fields[condition.field]?.(item);
      if (actual === undefined) return condition.operator === "!=";
      const order = compareValues(actual, condition.value);
      return (
        { "=": order === 0, "!=": order !== 0, "<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0 }[
          condition.operator
        ] ?? false
      );
    }
  }
}

/** Numbers compare as numbers (a numeric string included), anything else as text; missing values sort last. */
/** @param {unknown} a @param {unknown} b */
function compareValues(a, b) {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === "number" || typeof b === "number") {
    const [x, y] = [Number(a), Number(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y ? 0 : x < y ? -1 : 1;
  }
  const [x, y] = [String(a), String(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}
