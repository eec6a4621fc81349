// Time phrases → the period asked about: "desde as 6h", "since 6:30 pm", "nas últimas 3 horas", "hoje", "ontem",
// "since yesterday 22h", "2026-11-28 14:00". A clock time means its latest occurrence not after now (at 03:00,
// "desde as 6h" is yesterday 06:00); "hoje" starts at 00:00 in the operator's zone; "ontem" alone is the whole of
// yesterday (until today 00:00), while "desde ontem" runs until now. Parts of days and weeks: day-parts.ts.

import { instantOfWallTime, wallTimeAt, type WallTime } from "./clock";
import { windowAt } from "./day-parts";

export interface Period {
  since: number;
  until?: number;
  /** Indexes of the words that made the phrase, so they are not read as names. */
  words: number[];
}

interface Clock {
  hour: number;
  minute: number;
  /** Index after the last word used. */
  next: number;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

const MINUTE = 60_000;
const unitMs: Record<string, number> = {
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  minuto: MINUTE,
  minutos: MINUTE,
  h: 60 * MINUTE,
  hr: 60 * MINUTE,
  hrs: 60 * MINUTE,
  hs: 60 * MINUTE,
  hour: 60 * MINUTE,
  hours: 60 * MINUTE,
  hora: 60 * MINUTE,
  horas: 60 * MINUTE,
  d: 1440 * MINUTE,
  day: 1440 * MINUTE,
  days: 1440 * MINUTE,
  dia: 1440 * MINUTE,
  dias: 1440 * MINUTE,
};
const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  um: 1,
  uma: 1,
  two: 2,
  dois: 2,
  duas: 2,
  three: 3,
  tres: 3,
  four: 4,
  quatro: 4,
  five: 5,
  cinco: 5,
  six: 6,
  seis: 6,
  seven: 7,
  sete: 7,
  eight: 8,
  oito: 8,
  nine: 9,
  nove: 9,
  ten: 10,
  dez: 10,
  twelve: 12,
  doze: 12,
  fifteen: 15,
  quinze: 15,
  twenty: 20,
  vinte: 20,
  thirty: 30,
  trinta: 30,
};
const anchors = new Set(["desde", "since", "from", "after", "depois", "apos", "starting", "partir"]);
const anchorFillers = new Set(["as", "a", "das", "da", "de", "do", "o", "the", "at"]);
const lastWords = new Set(["last", "past", "ultimas", "ultimos", "ultima", "ultimo", "previous"]);
const lastLeadIns = new Set([
  "in",
  "the",
  "over",
  "during",
  "nas",
  "nos",
  "na",
  "no",
  "das",
  "dos",
  "durante",
  "within",
]);
const agoWords = new Set(["ago", "atras"]);
const todayWords = new Set(["hoje", "today", "hj", "todays"]);
const yesterdayWords = new Set(["ontem", "yesterday", "yesterdays"]);
const clockPattern = /^(\d{1,2})(?:[:h.](\d{2}))?(?:min)?(h|hs|hrs|hr)?(am|pm)?$/;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(z)?)?$/;
const dayMonthPattern = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
const durationPattern = /^(\d{1,5})(m|min|mins|h|hr|hrs|hs|d)$/;

export function findPeriod(words: readonly string[], now: number, timeZone: string): Period | undefined {
  const reader = new PeriodReader(words, now, timeZone);
  for (let i = 0; i < words.length; i++) {
    const found = reader.anchored(i) ?? windowAt(words, i, now, timeZone) ?? reader.lastSpan(i) ?? reader.ago(i);
    if (found) return found;
  }
  for (let i = 0; i < words.length; i++) {
    const found = reader.bareDay(i);
    if (found) return found;
  }
  return undefined;
}

class PeriodReader {
  private wallNow: WallTime | undefined;

  constructor(
    private readonly words: readonly string[],
    private readonly now: number,
    private readonly timeZone: string,
  ) {}

  /** The operator's date and time now; asked of Intl only when a phrase needs it. */
  private get today(): WallTime {
    this.wallNow ??= wallTimeAt(this.now, this.timeZone);
    return this.wallNow;
  }

  /** "desde as 6h", "since yesterday 22h", "a partir de 2026-11-28 14:00", "desde ontem". */
  anchored(start: number): Period | undefined {
    const word = this.words[start];
    if (word === undefined || !anchors.has(word)) return undefined;
    if (word === "depois" && !["das", "de", "da", "do"].includes(this.words[start + 1] ?? "")) return undefined;
    let i = start + 1;
    while (i < this.words.length && anchorFillers.has(this.words[i]!) && i - start <= 3) i++;
    const taken = (end: number) => range(start, end);
    const relative = this.durationBack(i);
    if (relative && agoWords.has(this.words[relative.next] ?? "")) {
      return { since: relative.since, words: taken(relative.next + 1) };
    }
    const dayWord = this.words[i] ?? "";
    const named = this.namedDay(dayWord);
    if (named) {
      const clock = this.clockAfter(i + 1);
      if (clock) return { since: this.at(named, clock), words: taken(clock.next) };
      return { since: this.at(named, { hour: 0, minute: 0, next: i + 1 }), words: taken(i + 1) };
    }
    const date = this.date(i);
    if (date) return { since: date.since, words: taken(date.next) };
    const clock = this.clock(i, true);
    if (clock) {
      const dayAfter = this.dayNamedAfter(clock.next);
      if (dayAfter) return { since: this.at(dayAfter.day, clock), words: taken(dayAfter.next) };
      return { since: this.latest(clock), words: taken(clock.next) };
    }
    return undefined;
  }

  /** "in the last 2 hours", "nas últimas 3 horas", "últimos 30 minutos", "last hour", "past 90 mins". */
  lastSpan(start: number): Period | undefined {
    const word = this.words[start];
    if (word === undefined || !lastWords.has(word)) return undefined;
    const span = this.durationBack(start + 1, true);
    if (!span) return undefined;
    let first = start;
    while (first > 0 && lastLeadIns.has(this.words[first - 1]!) && start - first < 2) first--;
    return { since: span.since, words: range(first, span.next) };
  }

  /** "2 hours ago", "há 30 minutos", "faz 1 hora", "3h atrás". */
  ago(start: number): Period | undefined {
    const word = this.words[start];
    if (word === "ha" || word === "faz") {
      const span = this.durationBack(start + 1);
      if (span)
        return {
          since: span.since,
          words: range(start, span.next + (agoWords.has(this.words[span.next] ?? "") ? 1 : 0)),
        };
      return undefined;
    }
    const span = this.durationBack(start);
    if (span && agoWords.has(this.words[span.next] ?? ""))
      return { since: span.since, words: range(start, span.next + 1) };
    return undefined;
  }

  /** "hoje", "today", "ontem" (the whole of yesterday), "anteontem", or a bare date. */
  bareDay(start: number): Period | undefined {
    const word = this.words[start] ?? "";
    if (todayWords.has(word))
      return { since: this.at(this.dayFrom(0), { hour: 0, minute: 0, next: 0 }), words: [start] };
    if (yesterdayWords.has(word) || word === "anteontem") {
      const back = word === "anteontem" ? -2 : -1;
      const since = this.at(this.dayFrom(back), { hour: 0, minute: 0, next: 0 });
      const until = this.at(this.dayFrom(back + 1), { hour: 0, minute: 0, next: 0 });
      return { since, until, words: [start] };
    }
    const date = this.date(start);
    if (date) return { since: date.since, words: range(start, date.next) };
    return undefined;
  }

  /** An amount of time back from now: "2 hours", "2h", "30min", "hour" (one), "meia hora". */
  private durationBack(start: number, amountOptional = false): { since: number; next: number } | undefined {
    const word = this.words[start];
    if (word === undefined) return undefined;
    const compact = durationPattern.exec(word);
    if (compact) return this.back(Number(compact[1]), unitMs[compact[2]!]!, start + 1);
    if ((word === "meia" || word === "half") && ["hora", "hour", "an"].includes(this.words[start + 1] ?? "")) {
      const next = this.words[start + 1] === "an" && this.words[start + 2] === "hour" ? start + 3 : start + 2;
      return this.back(30, MINUTE, next);
    }
    const amount = /^\d{1,5}$/.test(word) ? Number(word) : numberWords[word];
    if (amount !== undefined) {
      const unit = unitMs[this.words[start + 1] ?? ""];
      if (unit !== undefined && (this.words[start + 1] ?? "").length > 1) return this.back(amount, unit, start + 2);
      return undefined;
    }
    const unit = unitMs[word];
    if (amountOptional && unit !== undefined && word.length > 1) return this.back(1, unit, start + 1);
    return undefined;
  }

  private back(amount: number, unit: number, next: number): { since: number; next: number } | undefined {
    if (!Number.isFinite(amount) || amount <= 0 || amount * unit > 400 * 1440 * MINUTE) return undefined;
    return { since: this.now - amount * unit, next };
  }

  private namedDay(word: string): Day | undefined {
    if (todayWords.has(word) || word === "meia-noite" || word === "midnight") return this.dayFrom(0);
    if (yesterdayWords.has(word)) return this.dayFrom(-1);
    if (word === "anteontem") return this.dayFrom(-2);
    return undefined;
  }

  /** "ontem" or "de ontem" after a clock time ("since 10pm yesterday", "desde as 22h de ontem"). */
  private dayNamedAfter(start: number): { day: Day; next: number } | undefined {
    const skip = ["de", "do", "of"].includes(this.words[start] ?? "") ? 1 : 0;
    const word = this.words[start + skip] ?? "";
    if (yesterdayWords.has(word) || todayWords.has(word)) return { day: this.namedDay(word)!, next: start + skip + 1 };
    return undefined;
  }

  /** A clock time after a named day: "ontem às 22h", "yesterday at 10 pm", "yesterday 22:00". */
  private clockAfter(start: number): Clock | undefined {
    const skip = ["as", "a", "at", "das", "de"].includes(this.words[start] ?? "") ? 1 : 0;
    return this.clock(start + skip, skip === 1);
  }

  /** "6h", "06:30", "6am", "6:30 pm", "14h30", "meio-dia", "noon"; a bare "6" only where a time is expected. */
  private clock(start: number, bareNumberAllowed: boolean): Clock | undefined {
    const word = this.words[start];
    if (word === undefined) return undefined;
    if (word === "meio-dia" || word === "noon" || word === "midday") return { hour: 12, minute: 0, next: start + 1 };
    if (word === "meia-noite" || word === "midnight") return { hour: 0, minute: 0, next: start + 1 };
    const match = clockPattern.exec(word);
    if (!match) return undefined;
    let hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    let next = start + 1;
    let meridiem = match[4];
    let marked = match[2] !== undefined || match[3] !== undefined || meridiem !== undefined;
    const following = this.words[next];
    if (!meridiem && (following === "am" || following === "pm")) {
      meridiem = following;
      next += 1;
      marked = true;
    } else if (!match[3] && following !== undefined && ["h", "hs", "hrs", "horas"].includes(following)) {
      next += 1;
      marked = true;
    }
    if (!marked && !bareNumberAllowed) return undefined;
    if (minute > 59) return undefined;
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
    } else if (hour > 23) {
      return undefined;
    } else if (this.words[next] === "da" && ["tarde", "noite"].includes(this.words[next + 1] ?? "")) {
      if (hour < 12) hour += 12;
      next += 2;
    } else if (this.words[next] === "da" && this.words[next + 1] === "manha") {
      next += 2;
    }
    return { hour, minute, next };
  }

  /** "2026-11-28", "2026-11-28 14:00", "2026-11-28T14:00Z", "28/11", "28/11/2026 6h". Day first, as in Brazil. */
  private date(start: number): { since: number; next: number } | undefined {
    const word = this.words[start];
    if (word === undefined) return undefined;
    let day: Day | undefined;
    const iso = isoPattern.exec(word);
    if (iso) {
      day = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
      if (!validDay(day)) return undefined;
      if (iso[4] !== undefined) {
        const clock = { hour: Number(iso[4]), minute: Number(iso[5]), next: start + 1 };
        if (clock.hour > 23 || clock.minute > 59) return undefined;
        if (iso[6] === "z")
          return { since: Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute), next: start + 1 };
        return { since: this.at(day, clock), next: start + 1 };
      }
    } else {
      const dayMonth = dayMonthPattern.exec(word);
      if (!dayMonth) return undefined;
      const yearWritten = dayMonth[3] === undefined ? undefined : Number(dayMonth[3]);
      const year = yearWritten === undefined ? this.today.year : yearWritten < 100 ? 2000 + yearWritten : yearWritten;
      day = { year, month: Number(dayMonth[2]), day: Number(dayMonth[1]) };
      if (!validDay(day)) return undefined;
      // "28/12" written in January is last December.
      if (yearWritten === undefined && this.at(day, { hour: 0, minute: 0, next: 0 }) > this.now)
        day = { ...day, year: day.year - 1 };
    }
    const clock = this.clockAfter(start + 1);
    if (clock) return { since: this.at(day, clock), next: clock.next };
    return { since: this.at(day, { hour: 0, minute: 0, next: 0 }), next: start + 1 };
  }

  private dayFrom(offsetDays: number): Day {
    const shifted = new Date(Date.UTC(this.today.year, this.today.month - 1, this.today.day + offsetDays));
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  }

  private at(day: Day, clock: Clock): number {
    return instantOfWallTime({ ...day, hour: clock.hour, minute: clock.minute }, this.timeZone);
  }

  /** The latest time the clock showed this hour and minute, not after now. */
  private latest(clock: Clock): number {
    const today = this.at(this.dayFrom(0), clock);
    return today <= this.now ? today : this.at(this.dayFrom(-1), clock);
  }
}

function validDay(day: Day): boolean {
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.year < 1970 || day.year > 9999) return false;
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return check.getUTCDate() === day.day;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
