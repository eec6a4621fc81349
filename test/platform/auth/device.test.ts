import { describe, expect, it } from "vitest";
import {
  cookieAfterSignIn,
  DEVICE_TRUST_SECONDS,
  MAX_DEVICE_ACCOUNTS,
  newDeviceId,
  trustedDevice,
} from "../../../src/platform/auth/device";
import { readConfig } from "../../../src/platform/env/config";
import { bindings } from "../../helpers/worker";

const config = readConfig(bindings);
const now = 1_800_000_000_000;

describe("device cookie", () => {
  it("proves the device for the account it was issued to, and no other", async () => {
    const id = newDeviceId();
    const cookie = await cookieAfterSignIn(config, undefined, "alice", id, now);
    expect(await trustedDevice(config, cookie, "alice", now)).toEqual({ id, issuedAt: now });
    expect(await trustedDevice(config, cookie, "bob", now)).toBeUndefined();
  });

  it("is refused when tampered with, signed with another secret, or malformed", async () => {
    const id = newDeviceId();
    const cookie = await cookieAfterSignIn(config, undefined, "alice", id, now);
    const [name, device, issued, signature] = cookie.split(".") as [string, string, string, string];
    const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith("A") ? "B" : "A"}`;
    const variants = [
      `${name}.${flip(device)}.${issued}.${signature}`,
      `${name}.${device}.${Number(issued) - 1}.${signature}`,
      `${name}.${device}.${issued}.${flip(signature)}`,
      `${btoa("bob").replace(/=+$/, "")}.${device}.${issued}.${signature}`,
      `${name}.${device}.${issued}`,
      "garbage",
      "",
    ];
    for (const variant of variants) expect(await trustedDevice(config, variant, "alice", now), variant).toBeUndefined();
    const other = { ...config, JWT_SECRET: `other-${config.JWT_SECRET}` };
    expect(await trustedDevice(other, cookie, "alice", now)).toBeUndefined();
  });

  it("expires 30 days after it was issued", async () => {
    const cookie = await cookieAfterSignIn(config, undefined, "alice", newDeviceId(), now);
    expect(await trustedDevice(config, cookie, "alice", now + DEVICE_TRUST_SECONDS * 1000 - 1)).toBeDefined();
    expect(await trustedDevice(config, cookie, "alice", now + DEVICE_TRUST_SECONDS * 1000)).toBeUndefined();
  });

  it("holds the most recent accounts of the browser, at most five, one entry each", async () => {
    let cookie: string | undefined;
    const ids: Record<string, string> = {};
    for (const [i, name] of ["a", "b", "c", "d", "e", "f"].entries()) {
      ids[name] = newDeviceId();
      cookie = await cookieAfterSignIn(config, cookie, name, ids[name]!, now + i);
    }
    expect(cookie!.split("~")).toHaveLength(MAX_DEVICE_ACCOUNTS);
    expect(await trustedDevice(config, cookie, "a", now + 10)).toBeUndefined();
    for (const name of ["b", "c", "d", "e", "f"])
      expect((await trustedDevice(config, cookie, name, now + 10))?.id).toBe(ids[name]);
    // Signing in again renews the account's entry in place of the old one.
    cookie = await cookieAfterSignIn(config, cookie, "c", ids.c!, now + 20);
    expect(cookie.split("~")).toHaveLength(MAX_DEVICE_ACCOUNTS);
    expect(await trustedDevice(config, cookie, "c", now + 30)).toEqual({ id: ids.c, issuedAt: now + 20 });
  });

  it("keeps names of any characters apart", async () => {
    const cookie = await cookieAfterSignIn(config, undefined, "josé.o'neil~x", newDeviceId(), now);
    expect(await trustedDevice(config, cookie, "josé.o'neil~x", now)).toBeDefined();
    expect(await trustedDevice(config, cookie, "jose.o'neil~x", now)).toBeUndefined();
  });
});
