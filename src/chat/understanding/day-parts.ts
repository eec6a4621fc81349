// Parts of a day and weeks as closed windows on the engine's clock: "essa madrugada" (00:00–06:00), "hoje de manhã"
// / "this morning" (06:00–12:00), "à tarde" (12:00–18:00), "ontem à noite" (18:00–24:00 yesterday), "last night" /
// "noite passada" (yesterday 18:00 to today 06:00), "esta semana" / "this week('s)" (Monday 00:00 until now),
// "semana passada" / "last week" (the Monday before to this Monday). A part of today that has not begun yet means
// the last one ("esta noite" asked at 10:00 is last night, as a Brazilian operator means it).

import { instantOfWallTime, wallTimeAt } from "./clock";

export interface Window {
  since: number;
  until?: number;
  /** Indexes of the words that made the phrase. */
  words: number[];
}

type Part = "dawn" | "morning" | "afternoon" | "evening" | "overnight" | "this_week" | "last_week";

/** Hours of a part of day, from the start of its day; overnight starts the evening before. */
const hours: Record<Exclude<Part, "this_week" | "last_week">, [number, number]> = {
  dawn: [0, 6],
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  overnight: [-6, 6],
};

/** "esta", "nessa", "desta"…: "this" in Portuguese, with the prepositions it contracts with. */
const thisPt = ["esta", "essa", "nesta", "nessa", "desta", "dessa"];
const partsPt: [string, Part][] = [
  ["madrugada", "dawn"],
  ["manha", "morning"],
  ["tarde", "afternoon"],
  ["noite", "evening"],
  ["semana", "this_week"],
];

/** Phrases, folded: the part, and 0 for today, -1 for yesterday. */
const phrases: [string, Part, 0 | -1][] = [
  ...thisPt.flatMap((word) => partsPt.map(([part, name]): [string, Part, 0 | -1] => [`${word} ${part}`, name, 0])),
  ["ontem de madrugada", "dawn", -1],
  ["madrugada de ontem", "dawn", -1],
  ["hoje de madrugada", "dawn", 0],
  ["na madrugada", "dawn", 0],
  ["de madrugada", "dawn", 0],
  ["da madrugada", "dawn", 0],
  ["madrugada passada", "dawn", 0],
  ["early this morning", "dawn", 0],
  ["ontem de manha", "morning", -1],
  ["ontem pela manha", "morning", -1],
  ["manha de ontem", "morning", -1],
  ["hoje de manha", "morning", 0],
  ["hoje pela manha", "morning", 0],
  ["pela manha", "morning", 0],
  ["de manha", "morning", 0],
  ["yesterday morning", "morning", -1],
  ["this morning", "morning", 0],
  ["ontem a tarde", "afternoon", -1],
  ["ontem de tarde", "afternoon", -1],
  ["tarde de ontem", "afternoon", -1],
  ["hoje a tarde", "afternoon", 0],
  ["hoje de tarde", "afternoon", 0],
  ["pela tarde", "afternoon", 0],
  ["de tarde", "afternoon", 0],
  ["a tarde", "afternoon", 0],
  ["yesterday afternoon", "afternoon", -1],
  ["this afternoon", "afternoon", 0],
  ["ontem a noite", "evening", -1],
  ["ontem de noite", "evening", -1],
  ["noite de ontem", "evening", -1],
  ["hoje a noite", "evening", 0],
  ["hoje de noite", "evening", 0],
  ["de noite", "evening", 0],
  ["a noite", "evening", 0],
  ["yesterday evening", "evening", -1],
  ["this evening", "evening", 0],
  ["tonight", "evening", 0],
  ["noite passada", "overnight", 0],
  ["last night", "overnight", 0],
  ["overnight", "overnight", 0],
  ["da semana passada", "last_week", 0],
  ["na semana passada", "last_week", 0],
  ["semana passada", "last_week", 0],
  ["semana anterior", "last_week", 0],
  ["da semana", "this_week", 0],
  ["na semana", "this_week", 0],
  ["semana atual", "this_week", 0],
  ["semana corrente", "this_week", 0],
  ["this week", "this_week", 0],
  ["current week", "this_week", 0],
  ["last week", "last_week", 0],
  ["previous week", "last_week", 0],
  // The week up to now ("the whole week so far", "a semana toda", "semana inteira até agora").
  ["whole week", "this_week", 0],
  ["entire week", "this_week", 0],
  ["week so far", "this_week", 0],
  ["semana toda", "this_week", 0],
  ["semana inteira", "this_week", 0],
  ["toda a semana", "this_week", 0],
  ["a semana toda", "this_week", 0],
  // The possessive ("this week's failures"), its apostrophe folded away.
  ["this weeks", "this_week", 0],
  ["current weeks", "this_week", 0],
  ["last weeks", "last_week", 0],
  ["previous weeks", "last_week", 0],
];

const byFirstWord = new Map<string, { words: string[]; part: Part; day: 0 | -1 }[]>();
for (const [text, part, day] of phrases) {
  const words = text.split(" ");
  byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), { words, part, day }]);
}
// The longest phrase wins where several start alike ("da semana passada" before "da semana").
for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

/** The window a phrase starting at `start` names, if one does. */
export function windowAt(words: readonly string[], start: number, now: number, timeZone: string): Window | undefined {
  const candidates = byFirstWord.get(words[start] ?? "");
  const match = candidates?.find((c) => c.words.every((word, k) => words[start + k] === word));
  if (!match) return undefined;
  const taken = Array.from({ length: match.words.length }, (_, k) => start + k);
  const today = wallTimeAt(now, timeZone);
  // Days and hours out of range roll over (day 0 is the last of the month before, hour -6 the evening before).
  const at = (offsetDays: number, hour: number) =>
    instantOfWallTime({ ...today, day: today.day + offsetDays, hour, minute: 0 }, timeZone);
  const midnight = (offsetDays: number) => at(offsetDays, 0);
  if (match.part === "this_week" || match.part === "last_week") {
    const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7; // Monday 0
    const monday = midnight(-weekday);
    if (match.part === "this_week") return { since: monday, words: taken };
    return { since: midnight(-weekday - 7), until: monday, words: taken };
  }
  const [from, to] = hours[match.part];
  let day = match.day;
  // A part of today that has not begun yet is the last one.
  if (day === 0 && at(0, from) > now) day = -1;
  return { since: at(day, from), until: at(day, to), words: taken };
}
