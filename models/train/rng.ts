// Seeded randomness for initialisation, shuffling and toy data: one stream per seed, reproducible.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export type Rng = { uniform(): number; normal(): number; int(n: number): number };

export function seededRng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  const uniform = () => uniformFloat64(g);
  return {
    uniform,
    // Box–Muller; 1 − u keeps the log argument in (0, 1].
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int: (n) => Math.floor(uniform() * n),
  };
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
