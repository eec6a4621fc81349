import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

// `__Host-` binds the cookie to this exact origin over HTTPS, with Path=/ and no Domain.
const NAME = "resync_session";
export const SESSION_COOKIE = `__Host-${NAME}`;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, NAME, "host");
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, NAME, token, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: maxAgeSeconds,
    prefix: "host",
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, NAME, { httpOnly: true, secure: true, sameSite: "Strict", path: "/", prefix: "host" });
}
