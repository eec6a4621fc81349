import type { z } from "zod";
import { audit, auditOutcome } from "../platform/audit/writer";
import { open, seal, sealedKeyId, sealingKeyId } from "../platform/auth/sealed";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { contextOf, engineKeyMissing, sealCredentials, type EngineAuth } from "./credentials";
import type { EngineChangeBody, EngineView, NewEngine } from "./engines.routes";
import { forgetRegistry, registryOf, type RegistryEntry } from "./registry";
import {
  deleteEngineRow,
  findEngineRow,
  insertEngine,
  listEngineRows,
  nameKeyOf,
  replaceCredentials,
  updateEngine,
  type EngineChange,
} from "./store";

// The administration of the engine registry. Every change is audited (its attempt before, its outcome after) and
// never records a credential: only its kind and that it changed.

type View = z.infer<typeof EngineView>;

export function viewOf(entry: RegistryEntry, forAdmin: boolean): View {
  const view: View = { name: entry.name, default: entry.isDefault, enabled: entry.enabled, source: entry.source };
  if (!forAdmin) return view;
  return {
    ...view,
    base_url: entry.baseUrl ?? null,
    auth: {
      kind: entry.authKind,
      set: entry.authKind === "environment" ? true : entry.sealed !== null,
      set_at: entry.credentialsSetAt?.toISOString() ?? null,
    },
    created_at: entry.createdAt?.toISOString() ?? null,
    updated_at: entry.updatedAt?.toISOString() ?? null,
  };
}

/** The registry as this request sees it: read afresh (an admin reads what was just changed). */
async function freshRegistry(scope: Scope) {
  forgetRegistry(scope.config);
  return registryOf(scope);
}

export async function listEngines(scope: Scope, forAdmin: boolean): Promise<View[]> {
  const copy = forAdmin ? await freshRegistry(scope) : await registryOf(scope);
  return copy.entries.map((entry) => viewOf({ ...entry, isDefault: entry === copy.defaultEntry }, forAdmin));
}

function notFound(name: string): Problem {
  return new Problem({ status: 404, kind: "engine-not-found", detail: `No engine named ${name}` });
}

export async function showEngine(scope: Scope, name: string): Promise<View> {
  const copy = await freshRegistry(scope);
  const entry = copy.byKey.get(nameKeyOf(name));
  if (!entry) throw notFound(name);
  return viewOf({ ...entry, isDefault: entry === copy.defaultEntry }, true);
}

const described = (auth: EngineAuth | undefined) => (auth ? { auth_kind: auth.kind, credentials_changed: true } : {});

async function viewAfterChange(scope: Scope, name: string): Promise<View> {
  return showEngine(scope, name);
}

export async function createEngine(scope: Scope, input: z.infer<typeof NewEngine>): Promise<View> {
  const event = { action: "engine.create", target: input.name };
  const metadata = { base_url: input.base_url, default: input.default ?? false, enabled: input.enabled ?? true };
  // The environment's engine has no row until its first change, yet its name is taken.
  if ((await freshRegistry(scope)).byKey.has(nameKeyOf(input.name))) throw exists(input.name);
  // Sealed before the attempt is recorded: a missing ENGINE_KEY refuses the request with nothing to record.
  const sealed = await sealCredentials(scope.config, nameKeyOf(input.name), input.auth);
  await audit(scope, { ...event, outcome: "attempt", metadata: { ...metadata, ...described(input.auth) } });
  const created = await insertEngine(await database(scope.config), {
    name: input.name,
    baseUrl: input.base_url,
    authKind: input.auth.kind,
    credentials: sealed,
    isDefault: input.default ?? false,
    enabled: input.enabled ?? true,
  });
  if (created === "exists" || created === "full") {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: created } });
    if (created === "exists") throw exists(input.name);
    throw new Problem({ status: 409, kind: "engines-full", detail: "The registry holds 32 engines at most" });
  }
  forgetRegistry(scope.config);
  await auditOutcome(scope, { ...event, outcome: "success", metadata: { ...metadata, ...described(input.auth) } });
  return viewAfterChange(scope, created.name);
}

function exists(name: string): Problem {
  return new Problem({ status: 409, kind: "engine-exists", detail: `An engine named ${name} already exists` });
}

export async function changeEngine(scope: Scope, name: string, input: z.infer<typeof EngineChangeBody>): Promise<View> {
  const db = await database(scope.config);
  const copy = await freshRegistry(scope);
  const entry = copy.byKey.get(nameKeyOf(name));
  if (!entry) throw notFound(name);
  const environment = entry.authKind === "environment";
  if (environment && input.base_url !== undefined && input.auth === undefined)
    throw invalid("auth", "the environment's credentials go with HWA_BASE_URL: give this URL its own credentials");
  if (environment && input.auth !== undefined && input.base_url === undefined)
    throw invalid("base_url", "credentials of its own need a URL of its own");
  const sealed = input.auth ? await sealCredentials(scope.config, entry.nameKey, input.auth) : undefined;
  const event = { action: "engine.change", target: entry.name };
  const metadata = {
    ...(input.base_url !== undefined ? { base_url: input.base_url } : {}),
    ...(input.default !== undefined ? { default: input.default } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    ...described(input.auth),
  };
  await audit(scope, { ...event, outcome: "attempt", metadata });
  const change: EngineChange = {
    ...(input.base_url !== undefined ? { baseUrl: input.base_url } : {}),
    ...(input.auth ? { authKind: input.auth.kind, credentials: sealed! } : {}),
    ...(input.default !== undefined ? { isDefault: input.default } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
  };
  const row = await findEngineRow(db, entry.name);
  const changed = row
    ? await updateEngine(db, row, change)
    : // The environment's engine gets a row of its own at its first change.
      await insertEngine(db, {
        name: entry.name,
        baseUrl: change.baseUrl ?? null,
        authKind: change.authKind ?? "environment",
        credentials: change.credentials ?? null,
        isDefault: change.isDefault ?? entry === copy.defaultEntry,
        enabled: change.enabled ?? true,
      });
  if (!changed || typeof changed === "string") {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { ...metadata, reason: changed ?? "gone" } });
    throw notFound(name);
  }
  forgetRegistry(scope.config);
  await auditOutcome(scope, { ...event, outcome: "success", metadata });
  return viewAfterChange(scope, entry.name);
}

function invalid(field: string, message: string): Problem {
  return new Problem({
    status: 400,
    kind: "validation-error",
    detail: "The request is invalid",
    errors: [{ path: `body.${field}`, message }],
  });
}

export async function deleteEngine(scope: Scope, name: string): Promise<void> {
  const db = await database(scope.config);
  const row = await findEngineRow(db, name);
  if (!row) {
    if ((await freshRegistry(scope)).byKey.get(nameKeyOf(name))?.source === "environment")
      throw new Problem({
        status: 409,
        kind: "engine-from-environment",
        detail: "This engine comes from HWA_BASE_URL; unset that variable to remove it",
      });
    throw notFound(name);
  }
  const event = { action: "engine.delete", target: row.name };
  await audit(scope, { ...event, outcome: "attempt" });
  const deleted = await deleteEngineRow(db, row);
  forgetRegistry(scope.config);
  await auditOutcome(scope, { ...event, outcome: deleted ? "success" : "failure" });
  if (!deleted) throw notFound(name);
}

/** Opens every sealed credential with ENGINE_KEY or ENGINE_KEY_PREVIOUS and seals it again under ENGINE_KEY. */
export async function rotateEngineKey(scope: Scope) {
  const config = scope.config;
  if (!config.ENGINE_KEY) throw engineKeyMissing();
  const keyId = await sealingKeyId(config.ENGINE_KEY);
  await audit(scope, {
    action: "engine.rotate-key",
    target: "engines",
    outcome: "attempt",
    metadata: { key_id: keyId },
  });
  const db = await database(config);
  const result = {
    key_id: keyId,
    resealed: [] as string[],
    already_current: [] as string[],
    unreadable: [] as string[],
  };
  for (const row of await listEngineRows(db)) {
    if (!row.credentials) continue;
    if (sealedKeyId(row.credentials) === keyId) {
      result.already_current.push(row.name);
      continue;
    }
    const context = contextOf(row.nameKey);
    let plain: string;
    try {
      plain = await open([config.ENGINE_KEY, config.ENGINE_KEY_PREVIOUS], row.credentials, context);
    } catch {
      result.unreadable.push(row.name);
      continue;
    }
    const replaced = await replaceCredentials(db, row, await seal(config.ENGINE_KEY, plain, context));
    (replaced ? result.resealed : result.unreadable).push(row.name);
  }
  forgetRegistry(config);
  await auditOutcome(scope, {
    action: "engine.rotate-key",
    target: "engines",
    outcome: result.unreadable.length === 0 ? "success" : "failure",
    metadata: result,
  });
  return result;
}
