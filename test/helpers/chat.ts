import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import type { Job } from "../../src/jobs/job";
import { bearer, ORIGIN } from "./accounts";

export interface ChatBody {
  response: string;
  correlation_id: string;
  session_id: string;
  intent: string;
  data?: Record<string, any>;
  suggestions?: string[];
}

export function postChat(
  token: string,
  body: unknown,
  path = "/api/v1/chat",
  headers: Record<string, string> = {},
): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { ...bearer(token), "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** One message of a session; fails the test unless the chat answered 200. */
export async function ask(token: string, message: string, sessionId?: string): Promise<ChatBody> {
  const response = await postChat(token, { message, ...(sessionId ? { session_id: sessionId } : {}) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ChatBody;
}

/** A conversation: every message goes to the same session. */
export function conversation(token: string) {
  let sessionId: string | undefined;
  return {
    get id() {
      return sessionId;
    },
    async ask(message: string): Promise<ChatBody> {
      const answer = await ask(token, message, sessionId);
      sessionId = answer.session_id;
      return answer;
    },
  };
}

/** Borrowing filter: jobs whose name is unique in the plan, so a question by name means exactly them. */
export const nameNotUnique = (job: Job, plan: readonly Job[]) =>
  plan.filter((other) => other.name === job.name).length !== 1;

/** The Job the API answers, to compare the chat's facts with. */
export async function apiJob(token: string, id: string): Promise<Record<string, any>> {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(id)}`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}
