/** An error as one line for the audit trail or a step's record: its own message, never a stack. */
export function describeFailure(error: unknown): string {
  const kind = (error as { failure?: unknown } | null)?.failure;
  const message = error instanceof Error ? error.message : String(error);
  return typeof kind === "string" ? `${kind}: ${message}` : message;
}
