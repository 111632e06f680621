// Seeded synthetic rows for tests and the throughput benchmark: a learnable click target (a linear
// rule over the dense features plus a per-bucket bias) and post-click labels only meaningful when clicked.
import { TASKS, type MmoeConfig } from '../ranker/mmoe-weights.js';
import type { Dataset } from './mmoe-pass.js';
import { seededRng } from './rng.js';

export function toyDataset(c: MmoeConfig, n: number, seed: number): Dataset {
  const rng = seededRng(seed);
  const nt = TASKS.length, slots = c.embeddings.length;
  const d: Dataset = { n, dense: new Float32Array(n * c.denseDim), ids: new Int32Array(n * slots), labels: new Float32Array(n * nt) };
  // The rule is fixed by the config (seed 1), so train and held-out sets of different seeds share it.
  const rule = seededRng(1);
  const w = Array.from({ length: c.denseDim }, () => rule.normal());
  const bias = c.embeddings.map((e) => Array.from({ length: e.buckets }, () => rule.normal()));
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let j = 0; j < c.denseDim; j++) score += w[j]! * (d.dense[i * c.denseDim + j] = rng.normal());
    score /= Math.sqrt(c.denseDim);
    for (let s = 0; s < slots; s++) score += bias[s]![(d.ids[i * slots + s] = rng.int(c.embeddings[s]!.buckets))]!;
    const x = (j: number) => d.dense[i * c.denseDim + (j % c.denseDim)]!;
    const clicked = score > 0;
    const l = [clicked ? 1 : 0, Math.log1p(Math.exp(x(1))), x(2) > 0 ? 1 : 0, x(3) > 0 ? 1 : 0, x(4) > 1 ? 1 : 0];
    // Non-clicked rows get noise in the post-click labels: training must never read them.
    for (let t = 0; t < nt; t++) d.labels[i * nt + t] = t === 0 || clicked ? l[t]! : rng.uniform() * 5;
  }
  return d;
}
