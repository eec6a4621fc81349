// Every call of the console to the API: same origin, the session cookie, the CSRF token on unsafe methods (and its
// rotation, which comes back in X-CSRF-Token), problem+json turned into ApiProblem, and a 401 reported once to the
// session so that it can ask for the password again over the page instead of leaving it.

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail || title);
  }
}

let csrfToken: string | undefined;
let onUnauthorized: () => void = () => undefined;

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** What to do when a signed-in call answers 401 (the session expired or was revoked). */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

/** A fresh Idempotency-Key: one per operator decision, so a repeated click replays instead of acting again. */
export const newIdempotencyKey = () => crypto.randomUUID();

interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  idempotencyKey?: string;
  /** A 401 here is an answer (signing in), not an expired session. */
  anonymous?: boolean;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    const body = (await response.json().catch(() => ({}))) as Partial<ApiProblem>;
    return new ApiProblem(response.status, body.title ?? response.statusText, body.detail ?? "", body.errors ?? []);
  }
  return new ApiProblem(response.status, response.statusText, "");
}

/**
 * Unsafe calls go one after the other: a change may rotate the session (a new cookie, a new CSRF token), and a change
 * sent before that answer arrived would carry the retired session and answer 401. Reads need not wait.
 */
let changes: Promise<unknown> = Promise.resolve();

/** Calls the API; resolves with the answer (JSON or text by its type, undefined for 204), rejects with ApiProblem. */
export function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  if ((options.method ?? "GET") === "GET") return send<T>(path, options);
  const turn = changes.then(() => send<T>(path, options));
  changes = turn.catch(() => undefined);
  return turn;
}

async function send<T>(path: string, options: CallOptions): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json, text/plain" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiProblem(0, "Network error", "");
  }
  const rotated = response.headers.get("X-CSRF-Token");
  if (rotated) csrfToken = rotated;
  if (!response.ok) {
    if (response.status === 401 && !options.anonymous) onUnauthorized();
    throw await problemOf(response);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** Follows `next_cursor` until the end or `maxPages`. */
export async function allPages<T>(path: string, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const separator = path.includes("?") ? "&" : "?";
    const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const answer: { items: T[]; next_cursor: string | null } = await call(url);
    items.push(...answer.items);
    cursor = answer.next_cursor;
    if (!cursor) break;
  }
  return items;
}

/** A query string of the values that are set. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
