import {
  admitAttempt,
  currentState,
  EMPTY_GUARD,
  forgetAt as laneForgetAt,
  settleAttempt,
  type Admission,
  type AttemptOutcome,
  type GuardState,
  type LoginPolicy,
} from "./login-guard-rules";

// OWASP's answer to lockout as a denial of service ("device cookies"): an account counts failures per client it can
// tell apart, so an attacker who locks out everyone else does not lock out the owner's browser or API client.

const DAY = 24 * 60 * 60 * 1000;

/** A browser's device cookie and an address's success make it trusted this long (the cookie's lifetime too). */
export const TRUST_MS = 30 * DAY;
/** Device and known-source lanes, and known sources, one key keeps at most; the least live are dropped first. */
export const MAX_LANES = 64;
export const MAX_SOURCES = 64;

/** Who is signing in, as far as the account can tell. */
export interface LoginClient {
  /** A device cookie the Worker verified as this account's: its id, and when it was issued (epoch ms). */
  device?: { id: string; issuedAt: number };
  /** The client address's key (IPv4, or IPv6 /64): trusted once it signed in to the account (a known source). */
  address?: string;
}

export type LaneKind = "untrusted" | "device" | "known-source";

/** The lane everyone the account cannot tell apart shares (every client of an IP key). */
export const UNTRUSTED = "untrusted";

/** Everything one guarded key remembers: counters per lane, and the addresses that signed in. */
export interface GuardLanes {
  /** Lane name ("untrusted", "device:<id>", "source:<address>") → its failures, rate and locks. */
  lanes: Record<string, GuardState>;
  /** Known sources: address key → until when (epoch ms) it is trusted. */
  sources: Record<string, number>;
  /** Devices issued before this moment (epoch ms) are not trusted: a password reset voids what the old one proved. */
  trustSince: number;
}

export const EMPTY_LANES: GuardLanes = { lanes: {}, sources: {}, trustSince: 0 };

export type ClientAdmission = Admission & { lane: LaneKind };

/** The lane a client's attempts count in. */
export function laneOf(state: GuardLanes, client: LoginClient, now: number): { name: string; kind: LaneKind } {
  const { device, address } = client;
  if (device && device.issuedAt >= state.trustSince && now < device.issuedAt + TRUST_MS)
    return { name: `device:${device.id}`, kind: "device" };
  if (address !== undefined && now < (state.sources[address] ?? 0))
    return { name: `source:${address}`, kind: "known-source" };
  return { name: UNTRUSTED, kind: "untrusted" };
}

/** Keeps the `max` entries with the largest values. */
function largest<T>(entries: [string, T][], max: number, value: (entry: T) => number): [string, T][] {
  return entries.length <= max ? entries : [...entries].sort((a, b) => value(b[1]) - value(a[1])).slice(0, max);
}

/** The state as of `now`: lanes with nothing live and expired sources dropped, both bounded. */
export function currentLanes(state: GuardLanes, policy: LoginPolicy, now: number): GuardLanes {
  const live = Object.entries(state.lanes)
    .map(([name, lane]) => [name, currentState(lane, policy, now)] as [string, GuardState])
    .filter(([, lane]) => laneForgetAt(lane, policy) > now);
  const untrusted = live.filter(([name]) => name === UNTRUSTED);
  const others = largest(
    live.filter(([name]) => name !== UNTRUSTED),
    MAX_LANES,
    (lane) => laneForgetAt(lane, policy),
  );
  const sources = largest(
    Object.entries(state.sources).filter(([, until]) => now < until),
    MAX_SOURCES,
    (until) => until,
  );
  return {
    lanes: Object.fromEntries([...untrusted, ...others]),
    sources: Object.fromEntries(sources),
    trustSince: now < state.trustSince + TRUST_MS ? state.trustSince : 0,
  };
}

/** Decides one more attempt of `client` in its lane (see admitAttempt); other lanes are untouched. */
export function admitClient(
  state: GuardLanes,
  policy: LoginPolicy,
  client: LoginClient,
  attemptId: string,
  now: number,
): { state: GuardLanes; admission: ClientAdmission } {
  const live = currentLanes(state, policy, now);
  const lane = laneOf(live, client, now);
  const decided = admitAttempt(live.lanes[lane.name] ?? EMPTY_GUARD, policy, attemptId, now);
  return {
    state: { ...live, lanes: { ...live.lanes, [lane.name]: decided.state } },
    admission: { ...decided.admission, lane: lane.kind },
  };
}

/**
 * Settles an admitted attempt in whichever lane it was admitted (see settleAttempt). A success makes the client's
 * address a known source of the key for TRUST_MS. Unknown or expired attempt ids change nothing.
 */
export function settleClient(
  state: GuardLanes,
  attemptId: string,
  outcome: AttemptOutcome,
  policy: LoginPolicy,
  now: number,
  client: LoginClient = {},
): GuardLanes {
  const live = currentLanes(state, policy, now);
  const name = Object.keys(live.lanes).find((lane) =>
    live.lanes[lane]!.failures.some((failure) => failure.attemptId === attemptId),
  );
  if (name === undefined) return live;
  const lanes = { ...live.lanes, [name]: settleAttempt(live.lanes[name]!, attemptId, outcome, policy, now) };
  const learns = outcome === "success" && client.address !== undefined;
  const sources = learns ? { ...live.sources, [client.address!]: now + TRUST_MS } : live.sources;
  return currentLanes({ ...live, lanes, sources }, policy, now);
}

/** What an unlock found: lanes locked (or at their failure threshold) and lanes counting anything. */
export interface Unlocked {
  locked_lanes: number;
  counting_lanes: number;
}

/**
 * Forgets every lane's failures, locks and lockout memory. With `forgetTrust` (a password reset) also the known
 * sources and every device issued until now.
 */
export function unlock(
  state: GuardLanes,
  policy: LoginPolicy,
  now: number,
  forgetTrust: boolean,
): { state: GuardLanes; unlocked: Unlocked } {
  const live = currentLanes(state, policy, now);
  const lanes = Object.values(live.lanes);
  const locked = lanes.filter((lane) => now < lane.lockedUntil || lane.failures.length >= policy.maxFailures);
  const unlocked = { locked_lanes: locked.length, counting_lanes: lanes.length };
  if (!forgetTrust) return { state: { ...live, lanes: {} }, unlocked };
  return { state: { lanes: {}, sources: {}, trustSince: now }, unlocked };
}

/** When the state would be empty if nothing else happened. */
export function forgetLanesAt(state: GuardLanes, policy: LoginPolicy): number {
  return Math.max(
    0,
    ...Object.values(state.lanes).map((lane) => laneForgetAt(lane, policy)),
    ...Object.values(state.sources),
    state.trustSince > 0 ? state.trustSince + TRUST_MS : 0,
  );
}
