// The console's language: pt-BR or English, first from the browser's preferences, then as the operator switches it
// (remembered in this browser). `t.value` is the catalogue in force.
import { computed, effect, signal } from "@preact/signals";
import { type Catalogue, en } from "./en";
import { ptBR } from "./pt-BR";

export const languages = { "pt-BR": ptBR, en } as const satisfies Record<string, Catalogue>;
export type Language = keyof typeof languages;

const STORAGE_KEY = "resync.language";

/** The first of the browser's languages that the console speaks: Portuguese of any region is pt-BR. */
export function preferredLanguage(browser: readonly string[]): Language {
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("pt")) return "pt-BR";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && stored in languages) return stored as Language;
  return preferredLanguage(navigator.languages);
}

export const language = signal<Language>(initialLanguage());
export const t = computed<Catalogue>(() => languages[language.value]);

export function chooseLanguage(choice: Language) {
  localStorage.setItem(STORAGE_KEY, choice);
  language.value = choice;
}

effect(() => {
  document.documentElement.lang = language.value;
});

/** Dates and times in the console's language, in the browser's time zone. */
export function formatTime(iso: string | null, withDate = false): string {
  if (!iso) return t.value.none;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language.value, {
    ...(withDate ? { day: "2-digit", month: "2-digit" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}
