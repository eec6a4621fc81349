import { createRouter } from "../platform/http/router";
import {
  changeSubscriptionHandler,
  createSubscriptionHandler,
  listSubscriptionsHandler,
  removeSubscriptionHandler,
  rotateSecretHandler,
  showSubscriptionHandler,
} from "./subscriptions.handlers";
import { change, create, list, remove, rotate, show } from "./subscriptions.routes";

export const subscriptionRoutes = createRouter()
  .openapi(list, listSubscriptionsHandler)
  .openapi(create, createSubscriptionHandler)
  .openapi(show, showSubscriptionHandler)
  .openapi(change, changeSubscriptionHandler)
  .openapi(remove, removeSubscriptionHandler)
  .openapi(rotate, rotateSecretHandler);
