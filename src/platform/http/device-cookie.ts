import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DEVICE_TRUST_SECONDS } from "../auth/device";

// `__Host-`: this exact origin over HTTPS, Path=/, no Domain. HttpOnly: page scripts never see it.
const NAME = "resync_device";
export const DEVICE_COOKIE = `__Host-${NAME}`;

export function readDeviceCookie(c: Context): string | undefined {
  return getCookie(c, NAME, "host");
}

/** Kept across logouts: it proves the browser, not a session. */
export function writeDeviceCookie(c: Context, value: string): void {
  setCookie(c, NAME, value, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: DEVICE_TRUST_SECONDS,
    prefix: "host",
  });
}
