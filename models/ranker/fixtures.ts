// Shapes and seeded inputs shared by the ranker's tests and its benchmark (scripts/bench/onnx-mmoe.ts).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type MmoeConfig, TASKS } from './mmoe-weights.js';

/** The ranker: 40 dense + 3 hashed item-side slots of 8 → 64 inputs, 4 experts, 5 heads. */
export const SPEC_CONFIG: MmoeConfig = {
  denseDim: 40,
  embeddings: [
    { name: 'video', buckets: 4096, dim: 8 },
    { name: 'creator', buckets: 1024, dim: 8 },
    { name: 'category', buckets: 64, dim: 8 },
  ],
  numExperts: 4,
  expertHidden: [64, 64],
  towerHidden: [32],
  tasks: TASKS,
};

/** Small enough to reason about, still every code path: 2 slots, 3 experts, two tower layers, 2 heads. */
export const TINY_CONFIG: MmoeConfig = {
  denseDim: 3,
  embeddings: [
    { name: 'video', buckets: 5, dim: 2 },
    { name: 'creator', buckets: 3, dim: 1 },
  ],
  numExperts: 3,
  expertHidden: [4],
  towerHidden: [3, 2],
  tasks: ['click', 'watch'],
};

/** Seeded batch: dense ~ N-ish(0, 1) features, ids uniform in each slot's buckets. */
export function seededInputs(c: MmoeConfig, batch: number, seed: number) {
  const rng = xoroshiro128plus(seed);
  const u = () => uniformFloat64(rng);
  const dense = Float32Array.from({ length: batch * c.denseDim }, () => (u() + u() + u() - 1.5) * 2);
  const slots = c.embeddings.length;
  const ids = BigInt64Array.from({ length: batch * slots }, (_, i) =>
    BigInt(Math.floor(u() * c.embeddings[i % slots]!.buckets)),
  );
  return { dense, ids, batch };
}

export const maxAbsDiff = (a: Float32Array, b: Float32Array): number => {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};
