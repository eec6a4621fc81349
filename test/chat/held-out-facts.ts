// Facts over a chat answer's `data` shared by the held-out sets (moved here from held-out-fourth.ts, unchanged but
// for `export`): shape-agnostic facts (a name mentioned anywhere, a key named like docs/api.md's Job), periods the
// third set's framework lacks, and the builders of a case (`pt`, `en`, `operator`, `after`).

import { type Fact, failedIn, type Intent, type Language, type Period, type ThirdCase } from "./held-out-third";

// ---------------------------------------------------------------------------------------------------------------
// Shape-agnostic facts over an answer's `data`.

/** Every object (arrays' elements included) anywhere in `value`. */
export function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, out);
  else if (value && typeof value === "object") {
    out.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) objectsIn(item, out);
  }
  return out;
}

/** Every string anywhere in `value`. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

export const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `name` as a whole token: not inside a longer name (RECON_MATCH is not in RECON_MATCH_2). */
export const token = (name: string) => new RegExp(`(?<![A-Za-z0-9_])${escaped(name)}(?![A-Za-z0-9_])`);
export const mentioned = (data: unknown, name: string) => stringsIn(data).some((s) => token(name).test(s));

/** `data` mentions each name. */
export const says = (...names: string[]): Fact[] =>
  names.map((name) => ({ say: `mentions ${name}`, test: (d: unknown) => mentioned(d, name) }));
/** `data` mentions one of the names. */
export const saysOne = (...names: string[]): Fact => ({
  say: `mentions one of ${names.join(", ")}`,
  test: (d) => names.some((name) => mentioned(d, name)),
});
/** `data` does not mention the name. */
export const saysNot = (name: string): Fact => ({ say: `does not mention ${name}`, test: (d) => !mentioned(d, name) });
/** Some string of `data` matches. */
export const text = (pattern: RegExp): Fact => ({
  say: `a string matches ${pattern}`,
  test: (d) => stringsIn(d).some((s) => pattern.test(s)),
});
/** Some object of `data` has a key matching `key` whose value is `value`. */
export const field = (key: RegExp, value: unknown): Fact => ({
  say: `${key} = ${JSON.stringify(value)}`,
  test: (d) => objectsIn(d).some((o) => Object.entries(o).some(([k, v]) => key.test(k) && v === value)),
});
export const returnCode = (rc: number) => field(/^(return_code|rc)$/, rc);
export const priority = (p: number) => field(/^priority$/, p);
/** Some object of `data` holds all these values itself (a stream's name and its count of running jobs). */
export const together = (...values: (string | number)[]): Fact => ({
  say: `one item holds ${values.join(" and ")}`,
  test: (d) => objectsIn(d).some((o) => values.every((v) => Object.values(o).includes(v))),
});
/** The day's earlier failed runs of a job, with these return codes. */
export const earlierFailed = (...codes: number[]): Fact => ({
  say: `earlier failed runs with RC ${codes.join(", ")}`,
  test: (d) => {
    const earlier = (d as { earlier_failures?: unknown } | undefined)?.earlier_failures;
    if (Array.isArray(earlier)) return earlier.length === codes.length;
    return codes.every((rc) => returnCode(rc).test(d));
  },
});
export const linkWords = /^(linked|fully_linked)$/i;
/** The workstation's item says it is not linked. */
export const unlinked = (workstation: string): Fact => ({
  say: `${workstation} not linked`,
  test: (d) =>
    objectsIn(d).some(
      (o) =>
        Object.values(o).includes(workstation) &&
        Object.entries(o).some(
          ([k, v]) =>
            (/link/i.test(k) && v === false) ||
            (typeof v === "string" && /unlinked|not.?linked|^installed$|offline|down/i.test(v)),
        ),
    ),
});
/** The workstation's item says it is linked. */
export const linked = (workstation: string): Fact => ({
  say: `${workstation} linked`,
  test: (d) =>
    objectsIn(d).some(
      (o) =>
        Object.values(o).includes(workstation) &&
        Object.entries(o).some(
          ([k, v]) =>
            (/link/i.test(k) && v === true) ||
            (typeof v === "string" && linkWords.test(v)) ||
            (Array.isArray(v) && v.some((s) => typeof s === "string" && linkWords.test(s))),
        ),
    ),
});
/** No running job is named late: any key about lateness holds nothing. */
export const noneLate: Fact = {
  say: "no job late",
  test: (d) =>
    objectsIn(d).every((o) =>
      Object.entries(o).every(
        ([k, v]) => !/(^|_)late(_|$)|overdue|past_estimate/i.test(k) || (Array.isArray(v) ? v.length === 0 : !v),
      ),
    ),
};
export const running = saysOne("EXEC", "RUNNING");

// ---------------------------------------------------------------------------------------------------------------
// Periods the framework does not have, and the last N hours with the README's few seconds.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const midnight = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
export const mondayOf = (now: Date) => midnight(now) - ((now.getUTCDay() + 6) % 7) * DAY;
/** "semana passada" / "last week": Monday 00:00 to Monday 00:00 of this week. */
export const lastWeek =
  () =>
  (now: Date): Period => ({ since: mondayOf(now) - 7 * DAY, until: mondayOf(now) });

/** failedIn with `since` accepted within a minute (an open window ending at the chat's now). */
export function failedAbout(period: (now: Date) => Period, options: { stream?: string } = {}) {
  return (now: Date) => {
    const { data, facts } = failedIn(period, options)(now);
    const { since: _exact, ...rest } = data;
    const { since } = period(now);
    const near: Fact = {
      say: `since within 60 s of ${new Date(since).toISOString()}`,
      test: (d) => {
        const value = (d as { since?: unknown } | undefined)?.since;
        return typeof value === "string" && Math.abs(Date.parse(value) - since) <= 60_000;
      },
    };
    return { data: rest, facts: [near, ...facts] };
  };
}

export type Kind = ThirdCase["kind"];
export type Extra = Pick<ThirdCase, "before" | "role" | "data">;
/** One case: what is asked, in which language, the intent and the facts an operator needs. */
export const ask = (
  language: Language,
  intent: Intent,
  kind: Kind,
  message: string,
  facts: Fact[] = [],
  extra: Extra = {},
): ThirdCase => ({ message, language, intent, kind, ...(facts.length > 0 ? { facts } : {}), ...extra });
export const pt = (intent: Intent, kind: Kind, message: string, facts?: Fact[], extra?: Extra) =>
  ask("pt", intent, kind, message, facts, extra);
export const en = (intent: Intent, kind: Kind, message: string, facts?: Fact[], extra?: Extra) =>
  ask("en", intent, kind, message, facts, extra);
export const operator = (before?: string[]): Extra => ({ role: "operator", ...(before ? { before } : {}) });
export const after = (...before: string[]): Extra => ({ before });
