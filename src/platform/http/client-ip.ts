/** The client's address as Cloudflare reports it (wrangler dev: as sent, else 127.0.0.1). */
export function clientIp(headers: Headers): string {
  return headers.get("CF-Connecting-IP") ?? "127.0.0.1";
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET = /^[0-9a-f]{1,4}$/;

/** An IPv6 address's eight hextets, or undefined when `text` is not one (an embedded IPv4 tail is accepted). */
function hextetsOf(text: string): string[] | undefined {
  const [head = "", tail, ...rest] = text.split("::");
  if (rest.length > 0) return undefined;
  const parts = (side: string) => (side === "" ? [] : side.split(":"));
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const last = (tail === undefined ? left : right).at(-1);
  // A trailing dotted quad (e.g. ::ffff:192.0.2.1) stands for two hextets.
  if (last && IPV4.test(last)) {
    const bytes = last.split(".").map(Number);
    const side = tail === undefined ? left : right;
    side.splice(-1, 1, ((bytes[0]! << 8) | bytes[1]!).toString(16), ((bytes[2]! << 8) | bytes[3]!).toString(16));
  }
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  return all.every((h) => HEXTET.test(h)) ? all.map((h) => h.padStart(4, "0")) : undefined;
}

/**
 * The key per-address limits count a client under: an IPv4 address as it is; an IPv6 address by its /64 (one
 * subscriber usually holds a whole /64, so counting single addresses would give it unlimited keys); an IPv4 address
 * mapped into IPv6 as that IPv4 address. Anything else (only possible when no proxy sets the header) as given, bounded.
 */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, "");
  if (IPV4.test(address)) return address;
  const hextets = hextetsOf(address);
  if (!hextets) return address.slice(0, 64);
  if (hextets.slice(0, 5).every((h) => h === "0000") && hextets[5] === "ffff") {
    const [high, low] = [Number.parseInt(hextets[6]!, 16), Number.parseInt(hextets[7]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return `${hextets.slice(0, 4).join(":")}::/64`;
}
