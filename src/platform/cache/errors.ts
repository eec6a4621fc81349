import { Problem } from "../http/problem";

/** Another request is refreshing this value and did not finish within the wait; nothing stale was left to serve. */
export class RefreshPending extends Error {
  constructor(readonly retryAfterSeconds = 5) {
    super("A refresh of this data is taking too long");
    this.name = "RefreshPending";
  }

  toProblem(): Problem {
    return new Problem({
      status: 503,
      kind: "refresh-pending",
      detail: "Another request is still fetching this data upstream; try again shortly",
      headers: { "Retry-After": String(this.retryAfterSeconds) },
    });
  }
}
