// The current page, from the URL's fragment (web/src/routes.ts says which fragment is which page).
import { signal } from "@preact/signals";
import { parseRoute, type Route } from "./routes";

export const route = signal<Route>(parseRoute(location.hash));

window.addEventListener("hashchange", () => {
  route.value = parseRoute(location.hash);
});

export function navigate(hash: string) {
  location.hash = hash;
}
