// Durations as operators read them: 1h 05m, 12m 30s, 45s.

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** How far a run is against its estimate, in whole percent; undefined without both. */
export function percentOfEstimate(durationMs: number | null, estimateMs: number | null): number | undefined {
  if (durationMs === null || estimateMs === null || estimateMs <= 0) return undefined;
  return Math.round((durationMs / estimateMs) * 100);
}
