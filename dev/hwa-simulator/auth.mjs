// HTTP Basic with the engine user, or `Authorization: Bearer <API key>` when an API key is configured.
// Digests of equal length make every comparison constant-time, whatever was sent.
import { createHash, timingSafeEqual } from "node:crypto";

/** @param {string} text */
function digest(text) {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * @param {{ username: string, password: string, apiKey?: string }} credentials
 * @returns {(authorization: string | undefined) => boolean}
 */
export function credentialsCheck({ username, password, apiKey }) {
  const basic = digest(`${username}:${password}`);
  const bearer = apiKey ? digest(apiKey) : undefined;
  return (authorization) => {
    const [scheme = "", value = ""] = (authorization ?? "").trim().split(/\s+/, 2);
    if (scheme.toLowerCase() === "basic") {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      return timingSafeEqual(digest(decoded), basic);
    }
    if (scheme.toLowerCase() === "bearer" && bearer) return timingSafeEqual(digest(value), bearer);
    return false;
  };
}
