// An operator's message as words: bounded, folded (lower case, no accents), with what was written kept.

/** Only the start of a message is read: a question fits in far less, and the work stays bounded. */
export const MAX_MESSAGE_CHARS = 2_000;
export const MAX_TOKENS = 100;

export interface Token {
  /** As written, without surrounding punctuation (`PAYROLL_EXTRACT`, `Está`). */
  raw: string;
  /** Folded: lower case, accents and apostrophes removed (`esta`, `whats`). */
  word: string;
  /** Every letter is upper case and there are at least two (`LOAD`, `AGT_LNX01`; not `I`, not `Load`). */
  upper: boolean;
  /** The word as written carries an accent or a cedilla (`está`, `estação`): Portuguese. */
  accented: boolean;
}

const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;
/** Markup pasted from a mail or a console (`<b>RECON_MATCH</b>`, `&nbsp;`): never words of the question. */
const markup = /<\/?[a-z][^<>]{0,200}>|&(?:[a-z]{2,8}|#\d{1,6});/gi;
// Letters, marks, digits and the joiners names and times use (`_`, `-`, `:`, `.`, `/`, apostrophes).
const wordPattern = /[\p{L}\p{M}\p{N}_'’:./-]+/gu;
const edgePunctuation = /^[-:./'’]+|[-:./'’]+$/g;
const combiningMarks = /\p{M}/gu;
const apostrophes = /['’]/g;

/** Lower case without accents: `Estação` → `estacao`. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(combiningMarks, "").toLowerCase().replace(apostrophes, "");
}

export function tokenize(message: string): Token[] {
  const text = String(message).slice(0, MAX_MESSAGE_CHARS).replace(markup, " ").replace(controlCharacters, " ");
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const raw = withoutPossessive(match[0].replace(edgePunctuation, ""));
    if (raw === "") continue;
    const word = fold(raw);
    if (word === "") continue;
    tokens.push({
      raw,
      word,
      upper: isUpperCaseName(raw),
      accented: word !== raw.toLowerCase().replace(apostrophes, ""),
    });
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** "INV_MERGE's error", "payroll_calc's log": the name without the English possessive. */
function withoutPossessive(raw: string): string {
  const stem = raw.replace(/['’]s$/i, "");
  return stem !== raw && (isUpperCaseName(stem) || stem.includes("_")) ? stem : raw;
}

function isUpperCaseName(raw: string): boolean {
  let letters = 0;
  for (const char of raw) {
    if (char.toLowerCase() === char.toUpperCase()) continue;
    if (char !== char.toUpperCase()) return false;
    letters += 1;
  }
  return letters >= 2;
}
