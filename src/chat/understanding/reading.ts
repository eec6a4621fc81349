// One message read once: its words, time phrase, plan names, cue words and names, in that order (each step skips
// the words an earlier one took: "load sales fact" is a name before "sales" is a filler word).

import { readCues, type CueMap } from "./cues";
import { findPlanNames, findWrittenNames, type Mention } from "./entities";
import type { Cue } from "./lexicon";
import { tokenize, type Token } from "./normalize";
import { findPeriod, type Period } from "./since";
import type { Vocabulary } from "./types";

export interface Reading {
  tokens: Token[];
  cues: CueMap;
  mentions: Mention[];
  period?: Period;
  has(cue: Cue): boolean;
}

export function readMessage(
  message: string,
  now: number,
  timeZone: string,
  vocabulary: Vocabulary | undefined,
): Reading {
  const tokens = tokenize(message);
  const taken = tokens.map(() => false);
  const period = findPeriod(
    tokens.map((token) => token.word),
    now,
    timeZone,
  );
  for (const index of period?.words ?? []) taken[index] = true;
  const planMentions = findPlanNames(tokens, taken, vocabulary);
  const cues = readCues(tokens, taken, isCapsLock(tokens));
  const mentions = findWrittenNames(tokens, cues, taken, planMentions, vocabulary);
  const has = (cue: Cue) => cues.some((list) => list?.includes(cue) ?? false);
  return { tokens, cues, mentions, ...(period ? { period } : {}), has };
}

/** Every word with letters is written in capitals ("QUAL O STATUS DO LOAD"): capitals then say nothing about names. */
function isCapsLock(tokens: readonly Token[]): boolean {
  const lettered = tokens.filter((token) => /\p{L}/u.test(token.raw));
  return lettered.length >= 2 && lettered.every((token) => token.upper || token.raw.length === 1);
}
