import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { validationHook } from "../platform/http/validation";
import { openSocket, postChat, postTicket } from "./chat.handlers";
import { chat, chatCompat, socket, ticket } from "./chat.routes";

export const chatRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(chat, postChat)
  .openapi(chatCompat, postChat)
  .openapi(ticket, postTicket)
  .openapi(socket, openSocket);
