import { z } from "zod";

// Where Resync may send a webhook (SSRF): https only, no credentials in the URL, and a host that is — and resolves
// to — public addresses only. Checked when a subscription is created and again before every delivery (DNS may
// change). The local configuration (WEBHOOK_ALLOW_LOOPBACK) also accepts http(s)://127.0.0.1 and localhost.

/** The addresses a host name resolves to (A and AAAA); throws `ResolverUnavailable` when it cannot say. */
export type Resolver = (host: string) => Promise<string[]>;

export class ResolverUnavailable extends Error {
  constructor() {
    super("the webhook's host name could not be resolved right now");
    this.name = "ResolverUnavailable";
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** IPv4 ranges that are not the public Internet (RFC 6890 and friends), as [first octets, prefix length]. */
const PRIVATE_V4: [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

function v4Number(address: string): number | undefined {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function isPublicV4(value: number): boolean {
  return !PRIVATE_V4.some(([octets, bits]) => {
    const base = [...octets, 0, 0, 0].slice(0, 4).reduce((sum, octet) => sum * 256 + octet, 0);
    const size = 2 ** (32 - bits);
    return value >= base && value < base + size;
  });
}

/** The 8 groups of an IPv6 address (brackets and zone removed), or undefined when it is not one. */
function v6Groups(address: string): number[] | undefined {
  let text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const value = v4Number(v4Tail[1]!);
    if (value === undefined) return undefined;
    text = `${text.slice(0, -v4Tail[1]!.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (half: string) => (half === "" ? [] : half.split(":"));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.map((group) => Number.parseInt(group, 16));
}

function isPublicV6(groups: number[]): boolean {
  const [first = 0] = groups;
  if (groups.every((group, i) => group === (i === 7 ? 1 : 0)) || groups.every((group) => group === 0)) return false;
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00) return false;
  if (first === 0x2001 && groups[1] === 0x0db8) return false; // documentation
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address: judge that one.
  const embedsV4 =
    (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) ||
    (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0));
  if (embedsV4) return isPublicV4(groups[6]! * 65536 + groups[7]!);
  return true;
}

/** Whether an IP address (v4 or v6) is on the public Internet; undefined when `text` is not an IP address. */
export function isPublicAddress(text: string): boolean | undefined {
  const v4 = v4Number(text);
  if (v4 !== undefined) return isPublicV4(v4);
  const v6 = v6Groups(text);
  return v6 === undefined ? undefined : isPublicV6(v6);
}

/**
 * Why Resync must not send to `raw`, or undefined when it may. Throws `ResolverUnavailable` when the host's
 * addresses cannot be known now (the caller may try again).
 */
export async function webhookUrlProblem(
  raw: string,
  allowLoopback: boolean,
  resolve: Resolver,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.toLowerCase();
  if (allowLoopback && LOOPBACK_HOSTS.has(host) && (url.protocol === "http:" || url.protocol === "https:"))
    return undefined;
  if (url.protocol !== "https:") return "must be https://";
  const literal = isPublicAddress(host);
  if (literal !== undefined) return literal ? undefined : "points to a private or loopback address";
  if (host === "localhost" || host.endsWith(".localhost")) return "points to a private or loopback address";
  const addresses = await resolve(host);
  if (addresses.length === 0) return "does not resolve to any address";
  if (addresses.some((address) => isPublicAddress(address) !== true))
    return "resolves to a private or loopback address";
  return undefined;
}

const DohAnswer = z.looseObject({
  Status: z.number(),
  Answer: z.array(z.looseObject({ type: z.number(), data: z.string() })).optional(),
});
const DOH_URL = "https://cloudflare-dns.com/dns-query";
const DOH_TIMEOUT_MS = 3_000;

/** A and AAAA records through DNS over HTTPS (Workers have no resolver of their own). */
export const dnsOverHttps: Resolver = async (host) => {
  const lookups = ["A", "AAAA"].map(async (type) => {
    try {
      const response = await fetch(`${DOH_URL}?name=${encodeURIComponent(host)}&type=${type}`, {
        headers: { Accept: "application/dns-json" },
        signal: AbortSignal.timeout(DOH_TIMEOUT_MS),
      });
      if (!response.ok) throw new ResolverUnavailable();
      const answer = DohAnswer.parse(await response.json());
      // 0: found; 3: no such name. Anything else (SERVFAIL…) says nothing about the name.
      if (answer.Status !== 0 && answer.Status !== 3) throw new ResolverUnavailable();
      return (answer.Answer ?? []).filter((record) => record.type === 1 || record.type === 28).map((r) => r.data);
    } catch {
      throw new ResolverUnavailable();
    }
  });
  return (await Promise.all(lookups)).flat();
};
