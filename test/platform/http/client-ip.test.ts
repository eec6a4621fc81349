import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addressKey } from "../../../src/platform/http/client-ip";
import { createUser, ORIGIN, postToken } from "../../helpers/accounts";

/** A /64 no other test uses, and its `n`-th address. */
function freshPrefix() {
  const [a, b, c] = Array.from(crypto.getRandomValues(new Uint16Array(3)), (x) => x.toString(16));
  return (n: number) => `2001:db8:${a}:${b}:${c}:0:0:${n.toString(16)}`;
}

describe("per-address keys", () => {
  it("an IPv4 address is its own key; an IPv6 address counts by its /64, however it is written", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:DB8:1:2::ff")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("2001:db8:1:2::")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
  });

  it("anything else is kept as given, bounded", () => {
    expect(addressKey("not-an-address")).toBe("not-an-address");
    expect(addressKey("1:2:3")).toBe("1:2:3");
    expect(addressKey("1::2::3")).toBe("1::2::3");
    expect(addressKey("x".repeat(500))).toHaveLength(64);
  });

  it("anonymous requests from one /64 share one limit (60 a minute), whatever address each uses", async () => {
    const address = freshPrefix();
    const statuses: number[] = [];
    for (let i = 1; i <= 61; i++) {
      const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs`, { headers: { "CF-Connecting-IP": address(i) } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it("logins from one /64 share the per-address login limit (5 a minute)", async () => {
    const user = await createUser("viewer");
    const address = freshPrefix();
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++)
      statuses.push((await postToken({ username: user.username, password: user.password }, address(i))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
