import { expect } from "vitest";
import { understand } from "../../../src/chat/understanding";
import type { ConversationContext, Entities, Intent } from "../../../src/chat/understanding/types";
import { corpusNow } from "./corpus";
import { planVocabulary } from "./vocabulary";

// What the neighbour tests of the held-out sets check: a message, the intent it asks and the entities it names.

export type Case = [message: string, intent: Intent, entities?: Entities];

export function understood(message: string, context?: ConversationContext) {
  return understand(message, { now: corpusNow, vocabulary: planVocabulary, ...(context ? { context } : {}) });
}

export function expectUnderstood([message, intent, entities]: Case, context?: ConversationContext) {
  const got = understood(message, context);
  expect({ intent: got.intent, ...got.entities }).toMatchObject({ intent, ...entities });
}
