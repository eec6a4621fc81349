/** KV keys are at most 512 bytes; longer names (long OQL filters) are stored under their class and a SHA-256. */
const MAX_STORAGE_KEY_BYTES = 400;
const encoder = new TextEncoder();

/** The name a key has in KV and in the Coalescer namespace. */
export async function storageKey(key: string): Promise<string> {
  const bytes = encoder.encode(key);
  if (bytes.length <= MAX_STORAGE_KEY_BYTES) return key;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${key.slice(0, key.indexOf(":") + 1)}sha256:${hex}`;
}
