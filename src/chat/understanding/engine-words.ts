// Which HWA engine a chat message names: "no HML", "em HML", "na DR", "in DR", "on PROD", "at HML", and
// "em produção" / "na produção" / "in production" / "on prod" (the engine named PROD when there is one, else the
// default). Only the names of registered engines count, in any case; the phrase is taken out of the message so the
// rest is understood as before ("status do PAYROLL no HML" asks the status of PAYROLL).

export interface EngineWords {
  /** The engine's name as the registry spells it; "production" when the message said production in words. */
  engine?: string | typeof PRODUCTION;
  /** The message without the engine phrase. */
  message: string;
}

export const PRODUCTION = Symbol("production");

const BEFORE = String.raw`(?:^|(?<=[\s,.;:!?(]))`;
const AFTER = String.raw`(?=$|[\s,.;:!?)])`;
const PREPOSITIONS = "(?:no|na|em|do|da|in|on|at|from)";
const PRODUCTION_WORDS = new RegExp(
  `${BEFORE}(?:(?:no|na|em|da|do)\\s+(?:ambiente\\s+de\\s+)?produ[cç][aã]o|(?:in|on|from)\\s+(?:the\\s+)?production)${AFTER}`,
  "iu",
);

const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** The engine a message names among `names` (registered, enabled), and the message without its phrase. */
export function engineWordsIn(message: string, names: readonly string[]): EngineWords {
  if (names.length > 0) {
    // Longest names first, so "HML2" is not read as "HML".
    const alternatives = [...names].sort((a, b) => b.length - a.length).map(literal);
    const named = new RegExp(
      `${BEFORE}${PREPOSITIONS}\\s+(?:(?:o|a|the)\\s+)?(?:engine\\s+|ambiente\\s+)?(${alternatives.join("|")})${AFTER}`,
      "iu",
    ).exec(message);
    if (named) {
      const engine = names.find((name) => name.toLowerCase() === named[1]!.toLowerCase())!;
      return { engine, message: without(message, named.index, named[0].length) };
    }
  }
  const production = PRODUCTION_WORDS.exec(message);
  if (production) return { engine: PRODUCTION, message: without(message, production.index, production[0].length) };
  return { message };
}

function without(message: string, index: number, length: number): string {
  const rest = `${message.slice(0, index)} ${message.slice(index + length)}`.replace(/\s+/g, " ").trim();
  return rest.replace(/\s+([?!.,;:])/g, "$1");
}
