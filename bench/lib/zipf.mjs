/**
 * Zipf(s) over `n` ranks: returns a sampler of 0-based ranks.
 * @param {number} n @param {number} s @param {() => number} random
 */
export function zipfSampler(n, s, random) {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  /** @type {number[]} */
  const cumulative = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight / total;
    cumulative.push(sum);
  }
  return () => {
    const u = random();
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (/** @type {number} */ (cumulative[mid]) < u) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
