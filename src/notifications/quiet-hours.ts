import type { QuietHours } from "../subscriptions/subscription";

const DAY_SECONDS = 86_400;

const secondsOf = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 3600 + minutes * 60;
};

/** Seconds since midnight on the wall clock of `timeZone` at `now`. */
function wallSeconds(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(now));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 3600 + part("minute") * 60 + part("second");
}

/**
 * Seconds until quiet hours end (counted on the wall clock, so a DST change may shift the end by an hour: the
 * delivery then looks again), or 0 when `now` is outside them. `from` > `to` spans midnight (22:00–07:00).
 */
export function quietSecondsLeft(quiet: QuietHours | null, now: number): number {
  if (!quiet) return 0;
  const [from, to, at] = [secondsOf(quiet.from), secondsOf(quiet.to), wallSeconds(now, quiet.time_zone)];
  const inside = from < to ? at >= from && at < to : at >= from || at < to;
  return inside ? (to - at + DAY_SECONDS) % DAY_SECONDS : 0;
}
