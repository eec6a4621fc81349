// Builds OQL from operator filters. Every user value becomes a quoted literal with quotes doubled, and field
// names come only from our own list, so nothing a caller sends can change the query's structure.

export type OqlField =
  | "id"
  | "name"
  | "jobStreamName"
  | "workstation"
  | "folder"
  | "jobruns.compositeStatus.status"
  | "lastRunCommonStatus"
  | "compositeStatus.status"
  | "commonStatus";

/** A single-quoted OQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `field = 'value'`, or `field LIKE 'va%'` when the operator used `*` wildcards. */
export function matches(field: OqlField, value: string): string {
  if (value.includes("*")) return `${field} LIKE ${literal(value.replace(/\*/g, "%"))}`;
  return `${field} = ${literal(value)}`;
}

export function oneOf(field: OqlField, values: string[]): string {
  if (values.length === 1) return `${field} = ${literal(values[0]!)}`;
  return `${field} IN (${values.map(literal).join(", ")})`;
}

/** Conditions joined with AND, then an ORDER BY that keeps paging stable. */
export function query(conditions: string[], orderBy = "name ASC"): string {
  const where = conditions.length > 0 ? `${conditions.join(" AND ")} ` : "";
  return `${where}ORDER BY ${orderBy}`.trim();
}
