import type { Database } from "../platform/db/client";
import { pageQuery, positionOf, type AuditFilters, type AuditRow } from "./query";
import { eventView, type EventView } from "./view";

export type ExportFormat = "csv" | "ndjson";

/** Rows read from the database per step of an export: memory stays bounded whatever the range. */
export const EXPORT_BATCH = 500;

const COLUMNS = ["id", "at", "actor", "action", "target", "outcome", "correlation_id", "ip", "metadata"] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with `'` (CSV injection). */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(event: EventView): string {
  const cells = COLUMNS.map((column) =>
    column === "metadata" ? (event.metadata ? JSON.stringify(event.metadata) : null) : event[column],
  );
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const formats: Record<ExportFormat, { head: string; line: (event: EventView) => string }> = {
  csv: { head: `${COLUMNS.join(",")}\r\n`, line: csvLine },
  ndjson: { head: "", line: (event) => `${JSON.stringify(event)}\n` },
};

/**
 * The whole filtered range, newest first, as a stream that reads the next batch only when the client has taken the
 * last one. `first` is the first batch, read before answering so that a database failure is still a 503 problem.
 */
export function exportStream(
  db: Database,
  filters: AuditFilters,
  format: ExportFormat,
  first: AuditRow[],
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { head, line } = formats[format];
  let batch: AuditRow[] | undefined = first;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (head) controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        try {
          if (!batch) return controller.close();
          if (batch.length > 0) controller.enqueue(encoder.encode(batch.map((row) => line(eventView(row))).join("")));
          const last = batch.at(-1);
          batch =
            batch.length === EXPORT_BATCH && last
              ? await pageQuery(db, filters, EXPORT_BATCH, positionOf(last))
              : undefined;
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
    },
    { highWaterMark: 1 },
  );
}
