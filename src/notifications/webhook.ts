// One webhook request and what it means for the delivery: sent, worth another try later, or refused for good.

export type WebhookOutcome =
  | { kind: "sent"; status: number }
  | { kind: "retry"; reason: string; retryAfterSeconds?: number }
  | { kind: "refused"; reason: string };

const TIMEOUT_MS = 10_000;
/** The longest wait a receiver's Retry-After may ask for. */
const MAX_RETRY_AFTER_SECONDS = 3_600;

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get("Retry-After");
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds))) : undefined;
}

/**
 * POSTs `body`. 2xx is sent; 5xx, 408, 429 (with its Retry-After), a timeout or a network failure are worth
 * another try; any other answer is refused (a 3xx too: redirects are not followed, they could lead anywhere).
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<WebhookOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Resync-Notifications/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      kind: "retry",
      reason: timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : "the receiver could not be reached",
    };
  }
  await response.body?.cancel();
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: "sent", status };
  if (status >= 500 || status === 408 || status === 429) {
    const retryAfterSeconds = retryAfterOf(response);
    return {
      kind: "retry",
      reason: `the receiver answered ${status}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status >= 300 && status < 400)
    return { kind: "refused", reason: `the receiver answered ${status} (redirects are not followed)` };
  return { kind: "refused", reason: `the receiver answered ${status}` };
}
