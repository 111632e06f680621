import { afterAll, describe, expect, it } from 'vitest';
import { TASKS, type MmoeConfig } from '../ranker/mmoe-weights.js';
import { ShapeError } from './errors.js';
import { createTrainer, type Trainer } from './trainer.js';
import { auc } from '../metrics/classification.js';
import { toyDataset } from './toy-data.js';

const config: MmoeConfig = {
  denseDim: 8,
  embeddings: [{ name: 'video_id', buckets: 16, dim: 4 }],
  numExperts: 2,
  expertHidden: [8, 8],
  towerHidden: [4],
  tasks: TASKS,
};
const train = toyDataset(config, 2048, 11);
const heldOut = toyDataset(config, 1024, 12);
const clickLabels = Array.from({ length: heldOut.n }, (_, i) => heldOut.labels[i * TASKS.length]!);
const opened: Trainer[] = [];

async function run(workers: number, backend: 'wasm' | 'ts') {
  const t = await createTrainer({ config, backend, workers, batchSize: 128, seed: 5, adam: { lr: 0.01 } }, train);
  opened.push(t);
  const losses: number[] = [];
  for (let e = 0; e < 4; e++) losses.push(await t.epoch());
  const r = { losses, clickAuc: auc(t.predict(heldOut)[0]!, clickLabels), weights: t.weights(), backend: t.backend };
  console.log(`workers=${workers} ${t.backend}: epoch losses ${losses.map((l) => l.toFixed(4)).join(' ')}, held-out click AUC ${r.clickAuc.toFixed(4)}`);
  return r;
}

afterAll(() => Promise.all(opened.map((t) => t.close())));

describe('data-parallel training on worker_threads', () => {
  it('learns a separable click target with 1 and 2 workers, and both runs agree', async () => {
    const [one, two] = await Promise.all([run(1, 'wasm'), run(2, 'wasm')]);
    for (const r of [one, two]) {
      expect(r.backend).toBe('wasm');
      expect(r.losses.at(-1)!).toBeLessThan(r.losses[0]! * 0.8);
      expect(r.clickAuc).toBeGreaterThan(0.9);
    }
    // Same seed, same batches: only float summation order differs between 1 and 2 shards.
    expect(Math.abs(one.clickAuc - two.clickAuc)).toBeLessThan(0.01);
    one.losses.forEach((l, e) => expect(Math.abs(l - two.losses[e]!) / l).toBeLessThan(0.02));
    const a = one.weights.towers[0]![0]!.W, b = two.weights.towers[0]![0]!.W;
    expect(a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0)).toBeLessThan(0.05);
  });

  it('is deterministic for a seed and worker count, and the TS backend trains in-thread too', async () => {
    const [x, y, ts] = await Promise.all([run(2, 'wasm'), run(2, 'wasm'), run(0, 'ts')]);
    expect(x.losses).toEqual(y.losses);
    expect(Array.from(x.weights.gates[1]!.W)).toEqual(Array.from(y.weights.gates[1]!.W));
    expect(ts.backend).toBe('ts');
    expect(ts.clickAuc).toBeGreaterThan(0.9);
  });
});

describe('trainer input checks', () => {
  it('rejects out-of-range bucket ids and oversized steps', async () => {
    const bad = toyDataset(config, 8, 1);
    bad.ids[3] = 16;
    await expect(createTrainer({ config, backend: 'ts', workers: 0, batchSize: 4, seed: 1 }, bad)).rejects.toThrow(ShapeError);
    const t = await createTrainer({ config, backend: 'ts', workers: 0, batchSize: 4, seed: 1 }, toyDataset(config, 8, 1));
    await expect(t.trainStep(new Int32Array(5))).rejects.toThrow(ShapeError);
  });
});
