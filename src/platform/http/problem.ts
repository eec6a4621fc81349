import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** One failing field of a validation problem. */
export interface FieldError {
  path: string;
  message: string;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  426: "Upgrade Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export interface ProblemInit {
  status: ContentfulStatusCode;
  detail: string;
  /** A short kebab-case name of the kind of problem, e.g. "validation-error"; becomes the `type` URI. */
  kind?: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Members beside the standard ones (RFC 9457 §3.2), e.g. `hwa_code`. */
  extensions?: Record<string, string>;
}

/** An error that becomes an RFC 9457 problem+json response; its detail is safe to show to the client. */
export class Problem extends Error {
  readonly status: ContentfulStatusCode;
  readonly kind: string | undefined;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = "Problem";
    this.status = init.status;
    this.kind = init.kind;
    this.title = init.title ?? titles[init.status] ?? "Error";
    this.errors = init.errors;
    this.headers = init.headers ?? {};
    this.extensions = init.extensions ?? {};
  }
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The problem+json body every error of the API shares. */
export function problemBody(problem: Problem, instance: string, correlationId: string) {
  return {
    type: problem.kind ? `urn:resync:problem:${problem.kind}` : "about:blank",
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    instance,
    correlation_id: correlationId,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extensions,
  };
}

/** Renders a Problem as a response. */
export function problemResponse(c: Context, problem: Problem): Response {
  const body = problemBody(problem, new URL(c.req.url).pathname, c.get("correlationId") ?? "");
  const response = c.body(JSON.stringify(body), problem.status, {
    ...problem.headers,
    "Content-Type": PROBLEM_CONTENT_TYPE,
  });
  if (problem.status === 401 && !response.headers.has("WWW-Authenticate")) {
    response.headers.set("WWW-Authenticate", 'Bearer realm="resync"');
  }
  return response;
}

/** An error of a feature or service that knows which problem it is (e.g. an HWA failure). */
export interface ConvertibleToProblem {
  toProblem(): Problem;
}

export function isConvertibleToProblem(error: unknown): error is ConvertibleToProblem {
  return typeof (error as ConvertibleToProblem | null)?.toProblem === "function";
}

/** The problem an error answers with, when it is one or knows which; undefined for unexpected errors. */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof Problem) return error;
  if (isConvertibleToProblem(error)) return error.toProblem();
  return undefined;
}
