import { groupOf } from "../jobs/board-order";

/** A job's HWA status with the colour of its board group (the word is always written: colour is never alone). */
export function statusBadge(status: string | null, commonStatus: string | null) {
  return (
    <span class={`badge badge-${groupOf({ status, common_status: commonStatus })}`}>
      {status ?? commonStatus ?? "?"}
    </span>
  );
}

export function StatusBadge({ status, commonStatus }: { status: string | null; commonStatus: string | null }) {
  return statusBadge(status, commonStatus);
}

/** A workflow run's status. */
export function RunBadge({ status, label }: { status: string; label: string }) {
  return <span class={`badge run-${status}`}>{label}</span>;
}
