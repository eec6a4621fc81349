import { notificationSettings } from "../notifications/settings";
import { planWatcher, startWatching } from "../notifications/watcher";
import { dnsOverHttps, ResolverUnavailable, webhookUrlProblem } from "../notifications/webhook-url";
import { audit, auditOutcome } from "../platform/audit/writer";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import { describeError } from "../platform/observability/logger";
import type { Actor, Scope } from "../platform/scope/scope";
import { newNonce, webhookSecret } from "./secret";
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  MAX_SUBSCRIPTIONS_PER_OWNER,
  replaceNonce,
  type Subscription,
  updateSubscription,
} from "./store";
import { FOLLOWS_NAMED_JOB, followsNamedJob, type SubscriptionChange, type SubscriptionInput } from "./subscription";
import { targetView } from "./view";

// Subscriptions for their owner (each user their own; admins also the shared ones), every change audited.

const notFound = (id: string) =>
  new Problem({ status: 404, kind: "subscription-not-found", detail: `No subscription ${id} of yours` });

/** A user sees and changes their own subscriptions; admins also the shared ones. */
const manages = (actor: Actor, subscription: Subscription) =>
  subscription.owner === actor.username || (subscription.owner === null && actor.role === "admin");

async function refuseUnsafeUrl(scope: Scope, url: string): Promise<void> {
  let problem: string | undefined;
  try {
    problem = await webhookUrlProblem(url, notificationSettings(scope.env).WEBHOOK_ALLOW_LOOPBACK, dnsOverHttps);
  } catch (error) {
    if (!(error instanceof ResolverUnavailable)) throw error;
    throw new Problem({
      status: 503,
      kind: "webhook-host-unresolved",
      detail: "The webhook's host name cannot be checked right now; try again shortly",
      headers: { "Retry-After": "5" },
    });
  }
  if (problem) {
    throw new Problem({
      status: 400,
      kind: "validation-error",
      detail: `The webhook URL ${problem}`,
      errors: [{ path: "body.target.url", message: problem }],
    });
  }
}

/** The watchers start with the first subscription; a followed job makes each look at once. Never fails the request. */
async function wakeWatcher(scope: Scope, followsJob: boolean): Promise<void> {
  try {
    const engines = await startWatching(scope.env, (promise) => scope.waitUntil(promise));
    if (followsJob) await Promise.all(engines.map((engine) => planWatcher(scope.env, engine).lookSoon()));
  } catch (error) {
    scope.log.warn("plan watcher not started; the cron starts it", describeError(error));
  }
}

/** Creates a subscription for the scope's actor; a webhook's signing secret is in the answer, and only there. */
export async function subscribe(
  scope: Scope,
  input: SubscriptionInput,
): Promise<{ subscription: Subscription; secret?: string }> {
  const actor = scope.actor!;
  if (input.shared && actor.role !== "admin")
    throw new Problem({ status: 403, kind: "forbidden", detail: "Shared subscriptions are managed by admins" });
  if (input.target.kind === "webhook") await refuseUnsafeUrl(scope, input.target.url);
  const id = crypto.randomUUID();
  const nonce = input.target.kind === "webhook" ? newNonce() : null;
  const event = { action: "subscription.create", target: `subscription:${id}` };
  const metadata = {
    events: input.events,
    match: input.match,
    target: targetView(input.target),
    shared: input.shared,
    one_shot: input.one_shot,
  };
  await audit(scope, { ...event, outcome: "attempt", metadata });
  const db = await database(scope.config);
  const inserted = await insertSubscription(db, {
    id,
    owner: input.shared ? null : actor.username,
    events: input.events,
    match: input.match,
    target: input.target,
    quietHours: input.quiet_hours ?? null,
    language: input.language,
    oneShot: input.one_shot,
    secretNonce: nonce,
    createdBy: actor.username,
  });
  if (!inserted) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "too many subscriptions" } });
    throw new Problem({
      status: 409,
      kind: "too-many-subscriptions",
      detail: `At most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions ${input.shared ? "are shared" : "per user"}; delete one first`,
    });
  }
  await auditOutcome(scope, { ...event, outcome: "success", metadata });
  await wakeWatcher(scope, input.events.includes("job.succeeded"));
  const subscription = (await findSubscription(db, id))!;
  return { subscription, ...(nonce ? { secret: await webhookSecret(scope.config, id, nonce) } : {}) };
}

export async function subscriptionsOf(scope: Scope): Promise<Subscription[]> {
  const actor = scope.actor!;
  return listSubscriptions(await database(scope.config), actor.username, actor.role === "admin");
}

export async function subscriptionOf(scope: Scope, id: string): Promise<Subscription> {
  const subscription = await findSubscription(await database(scope.config), id);
  if (!subscription || !manages(scope.actor!, subscription)) throw notFound(id);
  return subscription;
}

export async function unsubscribe(scope: Scope, id: string): Promise<void> {
  await subscriptionOf(scope, id);
  const event = { action: "subscription.delete", target: `subscription:${id}` };
  await audit(scope, { ...event, outcome: "attempt" });
  const deleted = await deleteSubscription(await database(scope.config), id);
  await auditOutcome(scope, { ...event, outcome: deleted ? "success" : "failure" });
  if (!deleted) throw notFound(id);
}

/** Changes a subscription's events, names, quiet hours or language; its target and secret stay. */
export async function changeSubscription(scope: Scope, id: string, change: SubscriptionChange): Promise<Subscription> {
  const current = await subscriptionOf(scope, id);
  const next = {
    events: change.events ?? current.events,
    match: change.match ?? current.match,
    quietHours: change.quiet_hours === undefined ? current.quietHours : change.quiet_hours,
    language: change.language ?? current.language,
  };
  if (!followsNamedJob(next.events, next.match)) {
    throw new Problem({
      status: 400,
      kind: "validation-error",
      detail: "The request is invalid",
      errors: [{ path: "body.match.job", message: FOLLOWS_NAMED_JOB }],
    });
  }
  const event = { action: "subscription.change", target: `subscription:${id}`, metadata: change };
  await audit(scope, { ...event, outcome: "attempt" });
  const db = await database(scope.config);
  const changed = await updateSubscription(db, id, next);
  await auditOutcome(scope, { ...event, outcome: changed ? "success" : "failure" });
  if (!changed) throw notFound(id);
  if (change.events || change.match) await wakeWatcher(scope, next.events.includes("job.succeeded"));
  return (await findSubscription(db, id))!;
}

/** A new signing secret for a webhook subscription; the old one stops signing at once. */
export async function rotateSecret(scope: Scope, id: string): Promise<string> {
  const subscription = await subscriptionOf(scope, id);
  if (subscription.target.kind !== "webhook")
    throw new Problem({ status: 409, kind: "no-secret", detail: "Only a webhook subscription has a signing secret" });
  const event = { action: "subscription.rotate-secret", target: `subscription:${id}` };
  await audit(scope, { ...event, outcome: "attempt" });
  const nonce = newNonce();
  const replaced = await replaceNonce(await database(scope.config), id, nonce);
  await auditOutcome(scope, { ...event, outcome: replaced ? "success" : "failure" });
  if (!replaced) throw notFound(id);
  return webhookSecret(scope.config, id, nonce);
}
