import { answerHelp, answerUnknown } from "../answers/help";
import { optionsOf, type IntentHandler } from "../turn";

/** What the chat can be asked; needs no HWA. */
export const help: IntentHandler = async (turn) => ({ reply: answerHelp(optionsOf(turn)) });

/** Not understood, or not about HWA ("vai chover amanhã?"): what works, never a guess. */
export const unknown: IntentHandler = async (turn) => ({ reply: answerUnknown(optionsOf(turn)) });
