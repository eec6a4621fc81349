import { describe, expect, it } from "vitest";
import { isPublicAddress, ResolverUnavailable, webhookUrlProblem } from "../../src/notifications/webhook-url";

// SSRF: where a production configuration lets Resync send a webhook (names resolved by a fake resolver).

const resolving =
  (addresses: Record<string, string[]>) =>
  async (host: string): Promise<string[]> =>
    addresses[host] ?? [];

describe("webhook URLs", () => {
  it("knows the private, loopback and special ranges from the public Internet", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "[2a00:1450:4001::200e]"])
      expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      "127.0.0.1",
      "10.20.30.40",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "[::ffff:c0a8:1]",
      "64:ff9b::7f00:1",
      "2001:db8::1",
    ])
      expect(isPublicAddress(address), address).toBe(false);
    expect(isPublicAddress("172.32.0.1")).toBe(true);
    expect(isPublicAddress("hooks.example.com")).toBeUndefined();
  });

  it("takes https URLs whose host is, or resolves only to, public addresses", async () => {
    const resolve = resolving({
      "hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
      "inside.example.com": ["93.184.215.14", "10.0.0.7"],
      "metadata.example.com": ["169.254.169.254"],
    });
    const problem = (url: string) => webhookUrlProblem(url, false, resolve);
    expect(await problem("https://hooks.example.com/services/T/B/X")).toBeUndefined();
    expect(await problem("https://8.8.8.8:8443/hook")).toBeUndefined();
    expect(await problem("http://hooks.example.com/hook")).toBe("must be https://");
    expect(await problem("https://inside.example.com/hook")).toBe("resolves to a private or loopback address");
    expect(await problem("https://metadata.example.com/")).toBe("resolves to a private or loopback address");
    expect(await problem("https://nowhere.example.com/")).toBe("does not resolve to any address");
    expect(await problem("https://127.0.0.1/hook")).toBe("points to a private or loopback address");
    expect(await problem("https://0x7f000001/hook")).toBe("points to a private or loopback address");
    expect(await problem("https://[::1]/hook")).toBe("points to a private or loopback address");
    expect(await problem("https://app.localhost/hook")).toBe("points to a private or loopback address");
    expect(await problem("https://user:secret@hooks.example.com/")).toBe("must not carry credentials");
    expect(await problem("ftp://hooks.example.com/")).toBe("must be https://");
    expect(await problem("hooks.example.com/x")).toBe("is not a URL");
  });

  it("accepts http://127.0.0.1 and localhost only in the local configuration", async () => {
    const resolve = resolving({});
    expect(await webhookUrlProblem("http://127.0.0.1:9999/hooks/x", true, resolve)).toBeUndefined();
    expect(await webhookUrlProblem("http://localhost:9999/hooks/x", true, resolve)).toBeUndefined();
    expect(await webhookUrlProblem("http://127.0.0.1:9999/hooks/x", false, resolve)).toBe("must be https://");
    expect(await webhookUrlProblem("http://10.0.0.1/hooks/x", true, resolve)).toBe("must be https://");
  });

  it("says when the host's addresses cannot be known now", async () => {
    const unavailable = async (): Promise<string[]> => {
      throw new ResolverUnavailable();
    };
    await expect(webhookUrlProblem("https://hooks.example.com/", false, unavailable)).rejects.toBeInstanceOf(
      ResolverUnavailable,
    );
  });
});
