// Seeded random streams. Every entity (user, video, trend day) gets its own stream derived from the
// world seed and its index, so a user's history does not depend on how many users came before it.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** murmur3's 32-bit finaliser: spreads nearby seeds (user 7, user 8) over the whole state space. */
const fmix32 = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
};

/** Stable 32-bit hash of a string (FNV-1a), used to name streams ('user', 'trend'...). */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
};

export class Stream {
  private spareNormal: number | undefined;
  constructor(private readonly gen: RandomGenerator) {}

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.float() * n));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.float();
  }
  /** Standard normal (Box–Muller, keeping the second value). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const s = this.spareNormal;
      this.spareNormal = undefined;
      return s;
    }
    const u = 1 - this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.float();
    this.spareNormal = r * Math.sin(a);
    return r * Math.cos(a);
  }
  /** Gamma(shape, 1), Marsaglia–Tsang; shape < 1 via the u^(1/shape) boost. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(1 - this.float(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = 1 - this.float();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
  /** Poisson(mean) by inversion; means here are small (sessions per day). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit && k < 1000) {
      k++;
      p *= this.float();
    }
    return k;
  }
  /** Index drawn from a cumulative weight array (last entry = total). */
  pickCumulative(cum: ArrayLike<number>): number {
    const x = this.float() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** The stream for (seed, name, index): independent of every other stream in the world. */
export function stream(seed: number, name: string, index = 0): Stream {
  const h = hashString(name);
  const s0 = fmix32(seed ^ 0x9e3779b9);
  const s1 = fmix32(h + Math.imul(index, 0x27d4eb2f));
  const s2 = fmix32(s0 ^ s1 ^ 0x165667b1);
  const s3 = fmix32(index ^ h ^ 0x5bd1e995) | 1; // never the all-zero state
  return new Stream(xoroshiro128plusFromState([s0, s1, s2, s3]));
}

/** Cumulative sums of weights, for Stream.pickCumulative. */
export const cumulative = (weights: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) out[i] = acc += weights[i]!;
  return out;
};
