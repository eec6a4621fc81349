import { knownZone, wallTimeAt, type WallTime } from "../understanding/clock";
import type { Language } from "../understanding/types";
import { messagesFor } from "./messages";

// Times, durations and lists as an operator reads them; the words come from the language's catalogue.

/** What every answer needs besides its facts. */
export interface AnswerOptions {
  language: Language;
  /** "Now" on the engine's clock: which day is today, how long a running job has run. */
  now: Date;
  /** IANA zone of the engine's clock; default "UTC". An unknown zone reads as UTC. */
  timeZone?: string;
  /** The facts were served from the cache because HWA did not answer; how old they are. */
  stale?: { ageSeconds: number };
}

/** "45 s", "3 min 20 s", "12 min", "1 h", "1 h 05 min": the same in both languages. */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 600) {
    const rest = seconds % 60;
    return rest === 0
      ? `${Math.floor(seconds / 60)} min`
      : `${Math.floor(seconds / 60)} min ${String(rest).padStart(2, "0")} s`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, "0")} min`;
}

/** "há 5 min" / "5 min ago". */
export function agoText(ms: number, language: Language): string {
  return messagesFor(language).time.ago(durationText(ms));
}

/** "há 5 min" / "for 5 min": how long something has been running. */
export function elapsedText(ms: number, language: Language): string {
  return messagesFor(language).time.elapsed(durationText(ms));
}

/** "+20%" / "-15%": how far `actual` is from `estimate`; undefined without a usable estimate. */
export function deviationText(actualMs: number, estimateMs: number | null | undefined): string | undefined {
  if (!estimateMs || estimateMs <= 0) return undefined;
  const percent = Math.round(((actualMs - estimateMs) / estimateMs) * 100);
  return percent >= 0 ? `+${percent}%` : `${percent}%`;
}

/** The wall clock of `timeZone` at `date` (an unknown zone reads as UTC). */
const zoned = (date: Date, timeZone: string): WallTime => wallTimeAt(date.getTime(), knownZone(timeZone));

const dayNumber = (date: WallTime) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
const two = (n: number) => String(n).padStart(2, "0");

/** An ISO instant from HWA as a Date; undefined when absent or unreadable. */
export function instant(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * "08:12" today in the engine's zone; "ontem 23:40" / "yesterday 23:40"; "amanhã 06:00" / "tomorrow 06:00";
 * "27/11 23:40" / "Nov 27 23:40" on other days (with the year when it is not this year).
 */
export function clockText(at: string | Date | null | undefined, options: AnswerOptions): string | undefined {
  const date = at instanceof Date ? at : instant(at);
  if (!date) return undefined;
  const timeZone = options.timeZone ?? "UTC";
  const when = zoned(date, timeZone);
  const today = zoned(options.now, timeZone);
  const hhmm = `${two(when.hour)}:${two(when.minute)}`;
  const { time } = messagesFor(options.language);
  switch (dayNumber(when) - dayNumber(today)) {
    case 0:
      return hhmm;
    case -1:
      return time.yesterday(hhmm);
    case 1:
      return time.tomorrow(hhmm);
  }
  const year = when.year !== today.year ? { year: when.year } : {};
  return time.otherDay({ day: when.day, month: when.month, ...year }, hhmm);
}

/** "às 18:24" / "at 18:24" today, "ontem 23:40" on another day; undefined without a time. */
export function atText(at: string | Date | null | undefined, options: AnswerOptions): string | undefined {
  const text = clockText(at, options);
  return text === undefined ? undefined : messagesFor(options.language).time.at(text);
}

/** "06:00 (hoje)" / "06:00 (today)" for a start of period today; else as `clockText` ("ontem 22:00"). */
export function sinceText(at: string | Date | null | undefined, options: AnswerOptions): string | undefined {
  const text = clockText(at, options);
  if (text === undefined || !/^\d\d:\d\d$/.test(text)) return text;
  return messagesFor(options.language).time.today(text);
}

/** "A", "A e B", "A, B e C" / "A, B and C". */
export function listText(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")}${messagesFor(language).list.and}${items.at(-1)}`;
}

/** "A, B ou C" / "A, B or C". */
export function alternativesText(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")}${messagesFor(language).list.or}${items.at(-1)}`;
}

/** The first `max` items and "e mais N" / "and N more" for the rest. */
export function cappedList(items: readonly string[], max: number, language: Language): string {
  if (items.length <= max) return listText(items, language);
  return `${items.slice(0, max).join(", ")} ${messagesFor(language).list.more(items.length - max)}`;
}
