import { groupOf } from "../jobs/board-order";

/**
 * A job's HWA status with the colour of its board group. The word is always written, colour is never alone: a held
 * job reads HELD (HWA's common status), not the HOLD it shares with jobs waiting for their dependencies.
 */
export function statusBadge(status: string | null, commonStatus: string | null) {
  const group = groupOf({ status, common_status: commonStatus });
  return <span class={`badge badge-${group}`}>{group === "held" ? "HELD" : (status ?? commonStatus ?? "?")}</span>;
}

export function StatusBadge({ status, commonStatus }: { status: string | null; commonStatus: string | null }) {
  return statusBadge(status, commonStatus);
}

/** A workflow run's status. */
export function RunBadge({ status, label }: { status: string; label: string }) {
  return <span class={`badge run-${status}`}>{label}</span>;
}
