// Seeded random MMoE weights: Xavier/Glorot-uniform matrices, small random biases (so tests exercise
// the bias path), embedding rows with an expected squared norm of 1. For tests, benchmarks and a cold start.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { type Dense, inputWidth, type MmoeConfig, type MmoeWeights } from './mmoe-weights.js';

const BIAS_RANGE = 0.1;

export function randomMmoeWeights(config: MmoeConfig, seed: number): MmoeWeights {
  const rng = xoroshiro128plus(seed);
  const uniform = (n: number, a: number) => Float32Array.from({ length: n }, () => (2 * uniformFloat64(rng) - 1) * a);
  const dense = (inDim: number, outDim: number): Dense => ({
    inDim,
    outDim,
    W: uniform(inDim * outDim, Math.sqrt(6 / (inDim + outDim))),
    b: uniform(outDim, BIAS_RANGE),
  });
  const chain = (inDim: number, widths: readonly number[]) =>
    widths.map((w, l) => dense(l === 0 ? inDim : widths[l - 1]!, w));

  const inW = inputWidth(config);
  const expertOut = config.expertHidden.at(-1) ?? inW;
  return {
    config,
    // U(-a, a) has variance a²/3: a = sqrt(3/dim) gives each embedding vector an expected squared norm of 1.
    embeddings: config.embeddings.map((e) => ({ ...e, table: uniform(e.buckets * e.dim, Math.sqrt(3 / e.dim)) })),
    experts: Array.from({ length: config.numExperts }, () => chain(inW, config.expertHidden)),
    gates: config.tasks.map(() => dense(inW, config.numExperts)),
    towers: config.tasks.map(() => chain(expertOut, [...config.towerHidden, 1])),
  };
}
