// An operator-written name against the plan's names: "payroll calc" is PAYROLL_CALC, "PAYROL_CALC" is a typo of it,
// "LOAD_SALES" could be LOAD_SALES_FACT or LOAD_SALES_INTRADAY.

import { typoDistance, typoAllowance } from "./distance";
import type { NameMatch } from "./types";

const MAX_NAME_CHARS = 100;
const MAX_CANDIDATES = 5;
const MAX_SUGGESTIONS = 3;

interface PlanName {
  name: string;
  canonical: string;
  /** `_` + canonical: a written part matches where a word of the name starts. */
  marked: string;
}

interface PreparedNames {
  names: PlanName[];
  byCanonical: Map<string, string>;
}

/** How the best name was found: a typo of it, or a distinctive part of it ("payroll calc", "BILLING_CUT"). */
export type MatchedVia = "exact" | "typo" | "part";

// Keyed by the array itself, so a plan's names are folded once however many messages ask about them.
const prepared = new WeakMap<readonly string[], PreparedNames>();

/** Upper case, accents dropped, spaces, hyphens and dots as underscores: `payroll-calc` → `PAYROLL_CALC`. */
export function canonicalName(text: string): string {
  return String(text)
    .slice(0, MAX_NAME_CHARS)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[\s.-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

function prepare(names: readonly string[]): PreparedNames {
  let ready = prepared.get(names);
  if (ready) return ready;
  ready = { names: [], byCanonical: new Map() };
  for (const name of names) {
    if (typeof name !== "string") continue;
    const canonical = canonicalName(name);
    if (canonical === "" || ready.byCanonical.has(canonical)) continue;
    ready.byCanonical.set(canonical, name);
    ready.names.push({ name, canonical, marked: `_${canonical}` });
  }
  prepared.set(names, ready);
  return ready;
}

/** The plan's name whose canonical form is `canonical` (see `canonicalName`), if there is one. */
export function nameOfCanonical(canonical: string, names: readonly string[]): string | undefined {
  return prepare(names).byCanonical.get(canonical);
}

export function resolveName(written: string, names: readonly string[]): NameMatch {
  return matchName(written, names).match;
}

/**
 * Tiers, first that has a name wins: exact; one slip away; a distinctive part (prefix, or whole words inside the
 * name); more slips, as many as the length allows. One name in a tier is `close`, several are `ambiguous`.
 */
export function matchName(
  written: string,
  names: readonly string[],
  suggest = true,
): { match: NameMatch; via?: MatchedVia } {
  if (!Array.isArray(names)) return { match: { kind: "none", suggestions: [] } };
  const plan = prepare(names);
  const target = canonicalName(written);
  if (target === "") return { match: { kind: "none", suggestions: [] } };
  const exact = plan.byCanonical.get(target);
  if (exact !== undefined) return { match: { kind: "exact", name: exact }, via: "exact" };

  const allowance = typoAllowance(target.length);
  const oneSlip: { name: PlanName; distance: number }[] = [];
  const moreSlips: { name: PlanName; distance: number }[] = [];
  const parts: PlanName[] = [];
  const partAllowed = target.replace(/_/g, "").length >= 3;
  const markedTarget = `_${target}`;
  for (const name of plan.names) {
    if (allowance > 0 && Math.abs(name.canonical.length - target.length) <= allowance) {
      const distance = typoDistance(target, name.canonical, allowance);
      if (distance <= 1) oneSlip.push({ name, distance });
      else if (distance <= allowance) moreSlips.push({ name, distance });
    }
    if (partAllowed && name.marked.includes(markedTarget)) parts.push(name);
  }

  if (oneSlip.length > 0) {
    oneSlip.sort((a, b) => a.distance - b.distance || compare(a.name.canonical, b.name.canonical));
    return { match: decide(oneSlip.map((x) => x.name)), via: "typo" };
  }
  if (parts.length > 0) {
    parts.sort((a, b) => a.canonical.length - b.canonical.length || compare(a.canonical, b.canonical));
    return { match: decide(parts), via: "part" };
  }
  if (moreSlips.length > 0) {
    moreSlips.sort((a, b) => a.distance - b.distance || compare(a.name.canonical, b.name.canonical));
    const best = moreSlips[0]!.distance;
    const atBest = moreSlips.filter((x) => x.distance === best);
    return {
      match: decide(atBest.length === 1 ? atBest.map((x) => x.name) : moreSlips.map((x) => x.name)),
      via: "typo",
    };
  }
  return { match: { kind: "none", suggestions: suggest ? suggestionsFor(target, plan.names) : [] } };
}

function decide(names: PlanName[]): NameMatch {
  if (names.length === 1) return { kind: "close", name: names[0]!.name };
  return { kind: "ambiguous", candidates: names.slice(0, MAX_CANDIDATES).map((x) => x.name) };
}

/** Names that share much with what was written, for "did you mean"; empty when nothing is near. */
function suggestionsFor(target: string, names: PlanName[]): string[] {
  const limit = Math.max(2, Math.ceil(target.length / 2));
  return names
    .map((name) => ({ name, distance: typoDistance(target, name.canonical, limit) }))
    .filter((x) => x.distance <= limit)
    .sort((a, b) => a.distance - b.distance || compare(a.name.canonical, b.name.canonical))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.name.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
