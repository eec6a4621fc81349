const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO-8601 duration as HWA sends them (`PT1H2M3.5S`, `P1DT2H`); undefined when unreadable. */
export function durationMs(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const match = ISO_DURATION.exec(iso.trim());
  if (!match || iso.trim() === "P" || iso.trim() === "PT") return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return Math.round(((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000);
}
