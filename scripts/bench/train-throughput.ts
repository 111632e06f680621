// MMoE training throughput (samples/s) of each kernel backend × thread count, measured side by side:
// runs are interleaved round-robin so machine noise hits every variant alike; medians are reported.
import { loadavg } from 'node:os';
import { TASKS, type MmoeConfig } from '../../models/ranker/mmoe-weights.js';
import { createTrainer, type Trainer } from '../../models/train/trainer.js';
import { toyDataset } from '../../models/train/toy-data.js';
import { permutation, seededRng } from '../../models/train/rng.js';
import { median } from './stats.js';

export type TrainBenchOptions = { runs?: number; minRunMs?: number; batchSize?: number; withEmbeddings?: boolean };

/** The benchmark spec: 4 experts 64→64→64, 5 gates, 5 towers 64→32→1, input 64 wide. */
export const benchConfig = (withEmbeddings: boolean): MmoeConfig => ({
  denseDim: withEmbeddings ? 32 : 64,
  embeddings: withEmbeddings ? [{ name: 'user_id', buckets: 100_000, dim: 16 }, { name: 'video_id', buckets: 100_000, dim: 16 }] : [],
  numExperts: 4,
  expertHidden: [64, 64],
  towerHidden: [32],
  tasks: TASKS,
});

const VARIANTS = [
  { name: 'ts/1-thread', backend: 'ts', workers: 0 },
  { name: 'ts/2-workers', backend: 'ts', workers: 2 },
  { name: 'wasm/1-thread', backend: 'wasm', workers: 0 },
  { name: 'wasm/2-workers', backend: 'wasm', workers: 2 },
] as const;

export async function benchTraining(opts: TrainBenchOptions = {}) {
  const runs = opts.runs ?? 5, minRunMs = opts.minRunMs ?? 1000, batchSize = opts.batchSize ?? 1024;
  const config = benchConfig(opts.withEmbeddings ?? false);
  const data = toyDataset(config, batchSize * 8, 3);
  const rng = seededRng(4);
  const trainers: Trainer[] = [];
  const load0 = loadavg()[0]; // other tenants of the 2 cores show up here and in the spread of runs
  for (const v of VARIANTS) trainers.push(await createTrainer({ config, backend: v.backend, workers: v.workers, batchSize, seed: 1 }, data));
  const batch = () => permutation(data.n, rng).subarray(0, batchSize);
  try {
    for (const t of trainers) for (let i = 0; i < 5; i++) await t.trainStep(batch()); // JIT tiers and worker warm-up
    trainers.forEach((t) => t.profile(true));
    const rates: number[][] = VARIANTS.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (const [i, t] of trainers.entries()) {
        // Each run lasts at least minRunMs (and 3 steps) so fast variants are not timed on a few ms.
        const batches = Array.from({ length: 16 }, batch);
        let steps = 0, ms = 0;
        const t0 = performance.now();
        while (steps < 3 || ms < minRunMs) {
          await t.trainStep(batches[steps++ % batches.length]!);
          ms = performance.now() - t0;
        }
        rates[i]!.push((steps * batchSize) / (ms / 1000));
      }
    }
    return {
      model: { ...config, tasks: config.tasks.length, batchSize },
      unit: 'samples/s (forward + backward + Adam)',
      minRunMs,
      variants: Object.fromEntries(VARIANTS.map((v, i) => [v.name, {
        backend: trainers[i]!.backend, median: Math.round(median(rates[i]!)), runs: rates[i]!.map(Math.round),
        msPerStep: Object.fromEntries(Object.entries(trainers[i]!.profile()).map(([k, x]) => [k, k === 'steps' ? x : +x.toFixed(2)])),
      }])),
      loadAverage1m: { before: load0, after: loadavg()[0] },
    };
  } finally {
    await Promise.all(trainers.map((t) => t.close()));
  }
}
