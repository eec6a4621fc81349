import { createRouter } from "../platform/http/router";
import { openSocket, postChat, postTicket } from "./chat.handlers";
import { chat, chatCompat, socket, ticket } from "./chat.routes";

export const chatRoutes = createRouter()
  .openapi(chat, postChat)
  .openapi(chatCompat, postChat)
  .openapi(ticket, postTicket)
  .openapi(socket, openSocket);
