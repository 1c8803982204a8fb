/**
 * Seeded randomness for the simulator. Everything random is derived from a hash of (seed, what,
 * when), never from a shared stream, so any slice of the synthetic account can be generated alone,
 * in any order, and still come out byte for byte the same.
 */

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of integers (negative and > 2^32 values included). */
export function hashInts(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    const lo = v >>> 0;
    const hi = Math.floor(v / 4294967296) >>> 0;
    h = fmix((h ^ fmix(lo + 0x7f4a7c15)) + 0x165667b1);
    h = fmix((h ^ fmix(hi + 0x27d4eb2f)) + 0x165667b1);
  }
  return h;
}

/** A uniform draw in [0, 1) from a hash, for one-off decisions. */
export function unitOf(...values: number[]): number {
  return hashInts(...values) / 4294967296;
}

export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic traffic. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw (Knuth); the simulator only asks for small means (arrivals per minute). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/** Log-normal with the given mean: right-skewed like real response times. */
export function logNormal(rng: Rng, mean: number, sigma: number): number {
  const u1 = 1 - rng();
  const u2 = rng();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return mean * Math.exp(sigma * normal - (sigma * sigma) / 2);
}

export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
