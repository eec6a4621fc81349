/** W3C Trace Context (https://www.w3.org/TR/trace-context/) for one request. */
export interface TraceContext {
  traceId: string;
  /** This request's span, the parent of every upstream call it makes. */
  spanId: string;
  flags: string;
  /** The caller's span, when a valid `traceparent` came in. */
  parentSpanId?: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** "00" … "ff": a byte's two hex digits by lookup (every request makes two ids). */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** Lowercase hex of `bytes` random bytes, split at the given byte offsets (one call to the random source for all). */
function randomHex(bytes: number, splitAt: number = bytes): [string, string] {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  let first = "";
  let second = "";
  for (let i = 0; i < buffer.length; i++) {
    if (i < splitAt) first += HEX[buffer[i]!];
    else second += HEX[buffer[i]!];
  }
  return [first, second];
}

/** Continues the caller's trace when `traceparent` is valid, else starts a new sampled one. */
export function traceFrom(header: string | undefined | null): TraceContext {
  const match = header ? TRACEPARENT.exec(header.trim().toLowerCase()) : null;
  if (match) {
    const [, version, traceId, parentSpanId, flags, rest] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string?,
    ];
    const valid =
      version !== "ff" &&
      !/^0+$/.test(traceId) &&
      !/^0+$/.test(parentSpanId) &&
      (version !== "00" || rest === undefined);
    if (valid) return { traceId, spanId: randomHex(8)[0], flags, parentSpanId };
  }
  const [traceId, spanId] = randomHex(24, 16);
  return { traceId, spanId, flags: "01" };
}

/** The `traceparent` to send on calls this request makes upstream. */
export function traceparentOf(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
}
