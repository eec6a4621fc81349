const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|credential|private/i;
const MAX_DEPTH = 5;
const MAX_STRING = 1_000;
const MAX_ITEMS = 50;

/** A copy of audit metadata with secret-looking keys replaced and sizes bounded. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS);
    return Object.fromEntries(
      entries.map(([key, item]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redact(item, depth + 1)]),
    );
  }
  return String(value);
}
