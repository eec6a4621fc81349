// The HWA engines the console can show (GET /api/v1/engines lists their names to every role), which one the job
// pages show, and the API paths of those pages on it.
import { computed, signal } from "@preact/signals";
import { call } from "../api/client";
import { route } from "../router";
import { user } from "../session";

export interface EngineChoice {
  name: string;
  default: boolean;
  enabled: boolean;
}

/** The enabled engines; empty until read, and when they cannot be (the job pages then show the default engine). */
export const engines = signal<EngineChoice[]>([]);

export async function loadEngines() {
  try {
    const { items } = await call<{ items: EngineChoice[] }>("/api/v1/engines");
    engines.value = items.filter((engine) => engine.enabled);
  } catch {
    engines.value = [];
  }
}

/** Whether there is a choice to make: with one engine the console never names it. */
export const severalEngines = computed(() => engines.value.length > 1);

/** The engine the page names (`#/engines/HML…`); undefined on the default engine's pages. */
export const pageEngine = computed(() => {
  const current = route.value;
  return current.page === "board" || current.page === "job" ? current.engine : undefined;
});

/** The engine the job pages show: the page's, else the user's default, else the registry's. */
export const shownEngine = computed(
  () => pageEngine.value ?? user.value?.default_engine ?? engines.value.find((engine) => engine.default)?.name,
);

/** An `/api/v1/…` path of an HWA-backed route on `engine` (`/api/v1/engines/HML/jobs…`), or on the default engine. */
export const onEngine = (engine: string | undefined, path: string) =>
  engine ? path.replace(/^\/api\/v1\//, `/api/v1/engines/${encodeURIComponent(engine)}/`) : path;
