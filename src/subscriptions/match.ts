import type { NotificationEvent } from "../notifications/events";
import type { Match } from "./subscription";

/** `*` stands for any run of characters; everything else is literal; case does not matter. */
export function nameMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[\\^$.+?()[\]{}|/-]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i").test(name);
}

/**
 * Whether an event is about what `match` names. Each name given must match the event's: a workstation event has
 * no job or job stream, an engine event none of them.
 */
export function eventMatches(match: Match, event: NotificationEvent): boolean {
  const names = {
    job: event.job?.name,
    job_stream: event.job?.job_stream ?? undefined,
    workstation: event.job?.workstation ?? event.workstation?.name,
    engine: event.engine,
  };
  return (["job", "job_stream", "workstation", "engine"] as const).every((key) => {
    const pattern = match[key];
    if (pattern === undefined) return true;
    const name = names[key];
    return name !== undefined && nameMatches(pattern, name);
  });
}
