import { LRUCache } from "lru-cache";

// Secrets at rest (an engine's credentials): AES-256-GCM through Web Crypto under a key derived (HKDF-SHA-256) from a
// configured secret. A sealed text names its key by a short id, so that after a rotation the previous key still
// opens what it sealed, and carries its own random 96-bit IV; the associated data binds it to what it belongs to (an
// engine's name), so a sealed text copied onto another row does not open.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const VERSION = "v1";
const IV_BYTES = 12;

interface DerivedKey {
  id: string;
  key: CryptoKey;
}

const derived = new LRUCache<string, Promise<DerivedKey>>({ max: 8 });

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function bytesOf(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function derive(secret: string): Promise<DerivedKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, [
    "deriveKey",
    "deriveBits",
  ]);
  const hkdf = (info: string) => ({
    name: "HKDF",
    hash: "SHA-256",
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const key = await crypto.subtle.deriveKey(
    hkdf("resync sealed v1 key"),
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  // The id says which key sealed a text without revealing anything of the key (a separate derivation).
  const idBits = new Uint8Array(await crypto.subtle.deriveBits(hkdf("resync sealed v1 key id"), material, 64));
  return { id: base64url(idBits), key };
}

function keyOf(secret: string): Promise<DerivedKey> {
  let key = derived.get(secret);
  if (!key) {
    key = derive(secret);
    derived.set(secret, key);
  }
  return key;
}

/** The id a sealed text carries for this secret's key. */
export async function sealingKeyId(secret: string): Promise<string> {
  return (await keyOf(secret)).id;
}

/** `v1.<key id>.<iv>.<ciphertext and tag>`, all base64url; `context` must be given again to open it. */
export async function seal(secret: string, plaintext: string, context: string): Promise<string> {
  const { id, key } = await keyOf(secret);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(plaintext),
  );
  return [VERSION, id, base64url(iv), base64url(new Uint8Array(sealed))].join(".");
}

/** The key id a sealed text names, or undefined when it is not a sealed text. */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split(".");
  return parts.length === 4 && parts[0] === VERSION ? parts[1] : undefined;
}

export class SealedTextError extends Error {
  constructor(readonly reason: "no-key" | "invalid") {
    super(reason === "no-key" ? "no configured key opens this sealed text" : "the sealed text does not open");
    this.name = "SealedTextError";
  }
}

/** Opens `sealed` with whichever of `secrets` sealed it; throws SealedTextError when none did or it was altered. */
export async function open(secrets: readonly (string | undefined)[], sealed: string, context: string): Promise<string> {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SealedTextError("invalid");
  for (const secret of secrets) {
    if (!secret) continue;
    const { id, key } = await keyOf(secret);
    if (id !== parts[1]) continue;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytesOf(parts[2]!), additionalData: encoder.encode(context) },
        key,
        bytesOf(parts[3]!),
      );
      return decoder.decode(plain);
    } catch {
      throw new SealedTextError("invalid");
    }
  }
  throw new SealedTextError("no-key");
}
