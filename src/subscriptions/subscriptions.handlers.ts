import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { changeSubscription, rotateSecret, subscribe, subscriptionOf, subscriptionsOf, unsubscribe } from "./subscribe";
import type { change, create, list, remove, rotate, show } from "./subscriptions.routes";
import { subscriptionView } from "./view";

export const listSubscriptionsHandler: AppRouteHandler<typeof list> = async (c) => {
  const items = await subscriptionsOf(scopeOf(c));
  return c.json({ items: items.map(subscriptionView) }, 200);
};

export const createSubscriptionHandler: AppRouteHandler<typeof create> = async (c) => {
  const { subscription, secret } = await subscribe(scopeOf(c), c.req.valid("json"));
  return c.json({ ...subscriptionView(subscription), ...(secret ? { secret } : {}) }, 201);
};

export const showSubscriptionHandler: AppRouteHandler<typeof show> = async (c) => {
  return c.json(subscriptionView(await subscriptionOf(scopeOf(c), c.req.valid("param").id)), 200);
};

export const changeSubscriptionHandler: AppRouteHandler<typeof change> = async (c) => {
  const changed = await changeSubscription(scopeOf(c), c.req.valid("param").id, c.req.valid("json"));
  return c.json(subscriptionView(changed), 200);
};

export const removeSubscriptionHandler: AppRouteHandler<typeof remove> = async (c) => {
  await unsubscribe(scopeOf(c), c.req.valid("param").id);
  return c.body(null, 204);
};

export const rotateSecretHandler: AppRouteHandler<typeof rotate> = async (c) => {
  const { id } = c.req.valid("param");
  return c.json({ id, secret: await rotateSecret(scopeOf(c), id) }, 200);
};
