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

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Times on the 24-hour clock operators read plan times in (HH:MM:SS), with the day first in Portuguese and the month
 * first in English, in the browser's time zone. Written by hand: Intl's formatter costs ≈ 30 µs a call, most of a
 * 500-job board's script time.
 */
export function formatTime(iso: string | null, withDate = false): string {
  if (!iso) return t.value.none;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  if (!withDate) return time;
  const [day, month] = [two(date.getDate()), two(date.getMonth() + 1)];
  return `${language.value === "pt-BR" ? `${day}/${month}` : `${month}/${day}`} ${time}`;
}
