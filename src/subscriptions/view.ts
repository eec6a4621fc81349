import type { Subscription } from "./store";
import type { Target } from "./subscription";

/**
 * A webhook URL as the API shows it: origin and first path segment only. Teams and Slack webhook URLs are
 * credentials themselves; they are not echoed back (nor put in the audit trail).
 */
export function maskedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const first = url.pathname.split("/").find(Boolean);
    return `${url.origin}/${first ? `${first}/…` : ""}`;
  } catch {
    return "…";
  }
}

export function targetView(target: Target) {
  return target.kind === "webhook" ? { kind: target.kind, url: maskedUrl(target.url), format: target.format } : target;
}

/** A subscription in the API's words; never its signing secret. */
export function subscriptionView(subscription: Subscription) {
  return {
    id: subscription.id,
    shared: subscription.owner === null,
    owner: subscription.owner,
    events: subscription.events,
    match: subscription.match,
    target: targetView(subscription.target),
    quiet_hours: subscription.quietHours,
    language: subscription.language as "en" | "pt",
    one_shot: subscription.oneShot,
    created_by: subscription.createdBy,
    created_at: subscription.createdAt.toISOString(),
  };
}
