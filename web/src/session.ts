// Who is signed in. `user` is undefined while the console asks, null when nobody is; `expired` is set when a
// signed-in call answers 401: the sign-in form then opens over the page, which stays as it was (typed text too).
import { computed, signal } from "@preact/signals";
import { call, setCsrfToken, whenUnauthorized } from "./api/client";
import type { Role, User } from "./api/types";

export const user = signal<User | null | undefined>(undefined);
export const expired = signal(false);

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether the signed-in user has at least `role`. */
export const can = (role: Role) => (user.value ? rank[user.value.role] >= rank[role] : false);
export const isOperator = computed(() => can("operator"));
export const isAdmin = computed(() => can("admin"));

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

whenUnauthorized(() => {
  if (user.value) expired.value = true;
});

/** On start: the session the cookie carries, if any, and its CSRF token. */
export async function resumeSession() {
  try {
    const me = await call<User>("/api/v1/auth/me", { anonymous: true });
    const { csrf_token } = await call<{ csrf_token: string }>("/api/v1/auth/csrf", { anonymous: true });
    setCsrfToken(csrf_token);
    user.value = me;
  } catch {
    user.value = null;
  }
}

/** Signs in; rejects with the API's problem (401 wrong credentials, 429 locked with when to retry). */
export async function signIn(username: string, password: string) {
  const session = await call<{ user: User; csrf_token: string; expires_at: string }>("/api/v1/auth/login", {
    method: "POST",
    body: { username, password },
    anonymous: true,
  });
  setCsrfToken(session.csrf_token);
  // Another account signing in over an expired session does not inherit the page it was on.
  if (user.value && user.value.username !== session.user.username) location.hash = "#/";
  user.value = session.user;
  expired.value = false;
  clearTimeout(expiryTimer);
  const left = Date.parse(session.expires_at) - Date.now();
  if (left > 0) expiryTimer = setTimeout(() => (expired.value = true), left);
}

export async function signOut() {
  await call("/api/v1/auth/logout", { method: "POST" }).catch(() => undefined);
  clearTimeout(expiryTimer);
  setCsrfToken(undefined);
  expired.value = false;
  user.value = null;
  location.hash = "#/";
}
