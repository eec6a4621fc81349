/** The client's address as Cloudflare reports it (wrangler dev: as sent, else 127.0.0.1). */
export function clientIp(headers: Headers): string {
  return headers.get("CF-Connecting-IP") ?? "127.0.0.1";
}
