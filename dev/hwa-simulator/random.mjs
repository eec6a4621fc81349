// Deterministic randomness: the same seed gives the same plan, the same run outcomes and the same job logs.

/**
 * mulberry32: a tiny, fast 32-bit PRNG; good enough to make a plan look varied.
 * @param {number} seed
 * @returns {() => number} uniform numbers in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit hash of text (FNV-1a), to derive independent streams of randomness from names.
 * @param {string} text
 */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A PRNG keyed by the seed and a list of parts: the same parts always draw the same numbers.
 * @param {number} seed
 * @param {...(string | number)} parts
 */
export function randomFor(seed, ...parts) {
  return mulberry32(hash32(`${seed}|${parts.join("|")}`));
}

/**
 * A UUID-shaped id derived from the seed and parts; HWA's V2 ids match `(\w{8}-)(\w{4}-){3}(\w{12})`.
 * @param {number} seed
 * @param {...(string | number)} parts
 */
export function uuidFor(seed, ...parts) {
  const random = randomFor(seed, "uuid", ...parts);
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T}
 */
export function pick(random, items) {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/**
 * An integer in [min, max].
 * @param {() => number} random @param {number} min @param {number} max
 */
export function between(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}
