// Which words of a message are cue words, phrases first ("job stream", "como está", "cancela isso"), then single
// words, then typos of cue words ("stauts", "relase", "logg").

import { typoDistance } from "./distance";
import { lexicon, type Cue } from "./lexicon";
import type { Token } from "./normalize";

const MAX_PHRASE_WORDS = 5;
/** Words per message tried as typos of cue words: a question has a handful of unknown words, noise has many. */
const MAX_CORRECTIONS = 12;

/** For each token, the cues its word signals; undefined for a word that is no cue word (maybe a name). */
export type CueMap = (readonly Cue[] | undefined)[];

/**
 * `taken` tokens (time phrases, plan names) are skipped. All-caps words are corrected only when the whole message
 * is in caps lock: otherwise an all-caps word is a name.
 */
export function readCues(tokens: readonly Token[], taken: readonly boolean[], capsLock: boolean): CueMap {
  const { cuesOf, phrasesByFirstWord } = lexicon();
  const cues: CueMap = tokens.map(() => undefined);
  let corrections = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || cues[i]) continue;
    const phrase = phraseAt(tokens, taken, i, phrasesByFirstWord.get(tokens[i]!.word));
    if (phrase) {
      for (let k = i; k < i + phrase.words.length; k++) cues[k] = [phrase.cue];
      i += phrase.words.length - 1;
      continue;
    }
    const word = tokens[i]!.word;
    if (!isPlainWord(word) && !cuesOf.has(word)) continue;
    const known = cuesOf.get(word);
    if (known) {
      cues[i] = known;
      continue;
    }
    if (tokens[i]!.upper && !capsLock) continue;
    if (word.length < 4 || corrections >= MAX_CORRECTIONS) continue;
    corrections += 1;
    const corrected = correctedCue(word);
    if (corrected) cues[i] = [corrected];
  }
  return cues;
}

function phraseAt(
  tokens: readonly Token[],
  taken: readonly boolean[],
  start: number,
  candidates: readonly { cue: Cue; words: readonly string[] }[] | undefined,
): { cue: Cue; words: readonly string[] } | undefined {
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    if (candidate.words.length > MAX_PHRASE_WORDS || start + candidate.words.length > tokens.length) continue;
    let matches = true;
    for (let k = 0; k < candidate.words.length && matches; k++) {
      matches = !taken[start + k] && tokens[start + k]!.word === candidate.words[k];
    }
    if (matches) return candidate;
  }
  return undefined;
}

/** Letters only: names (`_`, digits) and times are never cue words. */
function isPlainWord(word: string): boolean {
  return /^[a-z]+$/.test(word);
}

/**
 * The cue word one slip away (two in words of 10 letters or more). In 4-letter words only a swap or an extra letter
 * counts ("hlod", "logg"): a changed letter there makes another real word ("data" is not "mata").
 */
function correctedCue(word: string): Cue | undefined {
  if (word.length < 4 || word.length > 20) return undefined;
  const allowance = word.length < 10 ? 1 : 2;
  let best: { cue: Cue; distance: number } | undefined;
  const { correctableByLength } = lexicon();
  const candidates = [];
  for (let length = word.length - allowance; length <= word.length + allowance; length++) {
    candidates.push(...(correctableByLength.get(length) ?? []));
  }
  for (const candidate of candidates) {
    const distance = typoDistance(word, candidate.word, allowance);
    if (distance > allowance || (best && distance >= best.distance)) continue;
    if (word.length === 4 && !(candidate.word.length < word.length || sameLetters(word, candidate.word))) continue;
    best = { cue: candidate.cue, distance };
  }
  return best?.cue;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") === [...b].sort().join("");
}
