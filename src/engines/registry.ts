import { credentialsOf } from "../hwa/connection";
import { database } from "../platform/db/client";
import type { EngineAuthKind } from "../platform/db/schema";
import type { Config } from "../platform/env/config";
import { Problem } from "../platform/http/problem";
import { describeError } from "../platform/observability/logger";
import type { EngineTarget, Scope } from "../platform/scope/scope";
import { openCredentials } from "./credentials";
import { listEngineRows, nameKeyOf, type EngineRow } from "./store";

// The engine registry as this isolate knows it: the libSQL rows, read again once a copy is 10 s old (in the
// background: requests keep answering from the copy), plus the engine the environment seeds (`default`, from
// HWA_BASE_URL) while no row of that name exists. A change made in this isolate is seen at once; in others within
// 10 s. When libSQL cannot be read the last copy stays; with none, the environment's engine alone answers.

/** One engine as the registry knows it, its credentials still sealed. */
export interface RegistryEntry {
  name: string;
  nameKey: string;
  /** Undefined for an environment engine without HWA_BASE_URL. */
  baseUrl: string | undefined;
  authKind: EngineAuthKind;
  sealed: string | null;
  credentialsSetAt: Date | null;
  isDefault: boolean;
  enabled: boolean;
  revision: number;
  /** "environment": seeded by HWA_BASE_URL, no row yet (an admin change stores one). */
  source: "registry" | "environment";
  createdAt: Date | null;
  updatedAt: Date | null;
}

interface Copy {
  entries: RegistryEntry[];
  byKey: Map<string, RegistryEntry>;
  defaultEntry: RegistryEntry | undefined;
  enabledCount: number;
  loadedAt: number;
  /** Targets made from this copy (credentials opened once per copy). */
  targets: Map<string, Promise<EngineTarget>>;
}

const FRESH_MS = 10_000;
/** After a failed read with nothing to show, the environment's engine answers this long before libSQL is asked again. */
const RETRY_MS = 5_000;
const MAX_COPIES = 8;

interface Holder {
  copy?: Copy;
  loading?: Promise<Copy>;
}

const holders = new Map<string, Holder>();

/** One copy per database, environment engine and keys (production has one; tests change them per request). */
const targetKey = (config: Config) =>
  [config.LIBSQL_URL, config.HWA_BASE_URL, config.ENGINE_KEY, config.ENGINE_KEY_PREVIOUS].join("\u0000");

function holderOf(config: Config): Holder {
  const key = targetKey(config);
  let holder = holders.get(key);
  if (!holder) {
    if (holders.size >= MAX_COPIES) holders.delete(holders.keys().next().value!);
    holder = {};
    holders.set(key, holder);
  }
  return holder;
}

function entryOfRow(row: EngineRow, config: Config): RegistryEntry {
  return {
    name: row.name,
    nameKey: row.nameKey,
    baseUrl: row.authKind === "environment" ? config.HWA_BASE_URL : (row.baseUrl ?? undefined),
    authKind: row.authKind,
    sealed: row.credentials,
    credentialsSetAt: row.credentialsSetAt,
    isDefault: row.isDefault,
    enabled: row.enabled,
    revision: row.revision,
    source: "registry",
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The registry from its rows and the environment: what `default` is when no row says. */
export function copyOf(rows: readonly EngineRow[], config: Config, loadedAt: number): Copy {
  const entries = rows.map((row) => entryOfRow(row, config));
  if (config.HWA_BASE_URL && !entries.some((entry) => entry.nameKey === "default")) {
    entries.unshift({
      name: "default",
      nameKey: "default",
      baseUrl: config.HWA_BASE_URL,
      authKind: "environment",
      sealed: null,
      credentialsSetAt: null,
      isDefault: !entries.some((entry) => entry.isDefault && entry.enabled),
      enabled: true,
      revision: 1,
      source: "environment",
      createdAt: null,
      updatedAt: null,
    });
  }
  const enabled = entries.filter((entry) => entry.enabled);
  const defaultEntry =
    enabled.find((entry) => entry.isDefault) ?? enabled.find((e) => e.nameKey === "default") ?? enabled[0];
  return {
    entries,
    byKey: new Map(entries.map((entry) => [entry.nameKey, entry])),
    defaultEntry,
    enabledCount: enabled.length,
    loadedAt,
    targets: new Map(),
  };
}

async function load(scope: Scope, holder: Holder): Promise<Copy> {
  holder.loading ??= (async () => {
    const config = scope.config;
    try {
      const copy = copyOf(await listEngineRows(await database(config)), config, Date.now());
      holder.copy = copy;
      return copy;
    } catch (error) {
      scope.log.warn("engine registry not read; keeping what this isolate knew", describeError(error));
      // Nothing known: the environment's engine alone, asked again in RETRY_MS rather than on every request.
      holder.copy ??= copyOf([], config, Date.now() - FRESH_MS + RETRY_MS);
      return holder.copy;
    } finally {
      holder.loading = undefined;
    }
  })();
  return holder.loading;
}

/** This isolate's copy of the registry: read at most every 10 s, in the background once there is one. */
export async function registryOf(scope: Scope): Promise<Copy> {
  const holder = holderOf(scope.config);
  const copy = holder.copy;
  if (!copy) return load(scope, holder);
  if (Date.now() - copy.loadedAt >= FRESH_MS && !holder.loading)
    scope.waitUntil(load(scope, holder).catch(() => undefined));
  return copy;
}

/** After a change in this isolate: the next request reads the registry again. */
export function forgetRegistry(config: Config): void {
  holders.delete(targetKey(config));
}

function engineNotFound(name: string): Problem {
  return new Problem({ status: 404, kind: "engine-not-found", detail: `No engine named ${name}` });
}

/**
 * The engine a request goes to: the one it names (404 if unknown, 409 if disabled), else the user's own default
 * when it is still there and enabled, else the registry's default (503 when there is none at all).
 */
export async function resolveEngine(scope: Scope, requested?: string, preferred?: string): Promise<EngineTarget> {
  const copy = await registryOf(scope);
  let entry: RegistryEntry | undefined;
  if (requested !== undefined) {
    entry = copy.byKey.get(nameKeyOf(requested));
    if (!entry) throw engineNotFound(requested);
    if (!entry.enabled)
      throw new Problem({ status: 409, kind: "engine-disabled", detail: `Engine ${entry.name} is disabled` });
  } else {
    const own = preferred === undefined ? undefined : copy.byKey.get(nameKeyOf(preferred));
    entry = own?.enabled ? own : copy.defaultEntry;
  }
  if (!entry)
    throw new Problem({
      status: 503,
      kind: "engine-not-configured",
      detail: "No HWA engine is configured (HWA_BASE_URL, or an engine in /api/v1/engines)",
      headers: { "Retry-After": "60" },
    });
  return targetOf(scope.config, copy, entry);
}

/** The target of one entry, its credentials opened once per copy of the registry. */
export function targetOf(config: Config, copy: Copy, entry: RegistryEntry): Promise<EngineTarget> {
  let target = copy.targets.get(entry.nameKey);
  if (!target) {
    target = makeTarget(config, copy, entry);
    copy.targets.set(entry.nameKey, target);
    // A failure (no key, altered text) is not kept: the next request tries again and says why.
    target.catch(() => copy.targets.delete(entry.nameKey));
  }
  return target;
}

async function makeTarget(config: Config, copy: Copy, entry: RegistryEntry): Promise<EngineTarget> {
  if (!entry.baseUrl)
    throw new Problem({
      status: 503,
      kind: "hwa-not-configured",
      detail: `Engine ${entry.name} has no URL (HWA_BASE_URL is not set)`,
      headers: { "Retry-After": "60" },
    });
  const environment = entry.authKind === "environment";
  const credentials = environment
    ? credentialsOf(config)
    : entry.sealed
      ? await openCredentials(config, entry.nameKey, entry.sealed)
      : { username: "", password: "" };
  return {
    name: entry.name,
    baseUrl: entry.baseUrl,
    credentials,
    // The environment's engine keeps today's cache keys; any other has its own namespace, renewed with its URL.
    cacheNamespace: environment ? "" : `${entry.nameKey}.${entry.revision}`,
    isDefault: entry === copy.defaultEntry,
    sole: copy.enabledCount === 1 && entry.enabled,
  };
}
