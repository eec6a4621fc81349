// Summary statistics for latency samples, and a seeded bootstrap so that reruns are comparable.

import { mulberry32 as seededRandom } from "../../dev/hwa-simulator/random.mjs";

/** mulberry32, the simulator's seeded PRNG: floats in [0, 1). */
export { seededRandom };

/** Fisher–Yates shuffle in place with the given PRNG. @template T @param {T[]} items @param {() => number} random */
export function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [/** @type {T} */ (items[j]), /** @type {T} */ (items[i])];
  }
  return items;
}

/**
 * Percentile `p` (0–100) of ascending `sorted`, by linear interpolation between closest ranks (numpy's default).
 * @param {number[]} sorted @param {number} p
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const [below, above] = [/** @type {number} */ (sorted[low]), /** @type {number} */ (sorted[high])];
  return below + (above - below) * (rank - low);
}

/** Of at least one sample (with none, min and max are undefined and the rest NaN). @param {number[]} samples */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    count: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: /** @type {number} */ (sorted[0]),
    max: /** @type {number} */ (sorted[sorted.length - 1]),
  };
}

/**
 * Bootstrap confidence interval of median(a) − median(b): each group resampled with replacement, independently.
 * @param {number[]} a @param {number[]} b
 * @param {{ resamples?: number, confidence?: number, seed?: number }} [options]
 */
export function bootstrapMedianDifference(a, b, { resamples = 1000, confidence = 0.95, seed = 1 } = {}) {
  const random = seededRandom(seed);
  const median = (/** @type {number[]} */ xs) => {
    const resampled = Array.from(xs, () => /** @type {number} */ (xs[Math.floor(random() * xs.length)])).sort(
      (x, y) => x - y,
    );
    return percentile(resampled, 50);
  };
  const differences = Array.from({ length: resamples }, () => median(a) - median(b)).sort((x, y) => x - y);
  const tail = ((1 - confidence) / 2) * 100;
  return { low: percentile(differences, tail), high: percentile(differences, 100 - tail), resamples, confidence, seed };
}
