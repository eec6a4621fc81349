import { createApp } from "./app";
import { consumeAuditEvents } from "./audit";
import { scheduled } from "./maintenance/scheduled";
import type { Bindings } from "./platform/env/bindings";

export { ChatSession } from "../durable-objects/chat-session";
export { Coalescer } from "../durable-objects/coalescer";
export { IdempotencyStore } from "../durable-objects/idempotency-store";
export { LoginGuard } from "../durable-objects/login-guard";
export { WorkflowRun } from "../durable-objects/workflow-run";
export { Settings } from "../durable-objects/settings";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled,
  queue: consumeAuditEvents,
} satisfies ExportedHandler<Bindings>;
