import { createRouter } from "../platform/http/router";
import { listAuditEvents } from "./audit.handlers";
import { list } from "./audit.routes";

export { consumeAuditEvents } from "./consumer";

export const auditRoutes = createRouter().openapi(list, listAuditEvents);
