import { registryOf, resolveEngine } from "../engines/registry";
import { nameKeyOf } from "../engines/names";
import { roleOnEngine } from "../platform/auth/identity";
import type { EngineTarget, Scope } from "../platform/scope/scope";
import { withEngine } from "../platform/scope/scope";
import { messagesFor } from "./answers/messages";
import type { Reply } from "./answers/reply";
import type { Asker } from "./session";
import type { SessionAccess } from "./turn";
import { engineWordsIn, PRODUCTION } from "./understanding/engine-words";

// The engine a chat message is answered from: the one its words name ("no HML", "in DR", "em produção"), else the
// one an action awaiting "sim" was proposed on, else the conversation's (follow-ups stay where they were: a job id
// never crosses to another engine), else the user's default, else the registry's.

export interface ChatEngine {
  engine: EngineTarget;
  scope: Scope;
  /** The asker with their role on this engine (a per-engine grant may say viewer). */
  asker: Asker;
  /** The message without its engine phrase. */
  message: string;
}

export async function chatEngineOf(
  scope: Scope,
  asker: Asker,
  session: SessionAccess & { pendingEngine?: string },
  message: string,
): Promise<ChatEngine> {
  const registry = await registryOf(scope);
  const names = registry.entries.filter((entry) => entry.enabled).map((entry) => entry.name);
  const words = engineWordsIn(message, names);
  let asked: string | undefined;
  if (words.engine === PRODUCTION) asked = names.find((name) => nameKeyOf(name) === "prod");
  else asked = words.engine ?? session.pendingEngine ?? session.context.engine;
  if (asked !== undefined && !names.some((name) => nameKeyOf(name) === nameKeyOf(asked!))) asked = undefined;
  const engine = await resolveEngine(scope, asked, asker.defaultEngine);
  return {
    engine,
    scope: withEngine(scope, engine),
    asker: { ...asker, role: roleOnEngine(asker, nameKeyOf(engine.name)) },
    message: words.message,
  };
}

/** Every answer says its engine when there is more than one; a proposed action on a non-default engine names it. */
export function sayEngine(reply: Reply, engine: EngineTarget, proposed: boolean): Reply {
  if (engine.sole) return reply;
  const note = proposed && !engine.isDefault ? messagesFor(reply.language).engine.mind(engine.name) : "";
  return {
    ...reply,
    response: `[${engine.name}] ${reply.response}${note}`,
    data: { ...reply.data, engine: engine.name },
  };
}
