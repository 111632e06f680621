// Trains the two towers on one thread: seeded shuffles, id dropout, in-batch softmax (optionally
// log-Q corrected), Adam on the dense layers and lazy row-sparse Adam on the embedding tables.
import { adamDense, adamRows, DEFAULT_ADAM } from '../../models/train/adam.js';
import { createBackend, type BackendKind } from '../../models/train/backend.js';
import { wasmAvailable } from '../../models/train/kernels-wasm.js';
import { permutation, seededRng } from '../../models/train/rng.js';
import { DEFAULT_OPTIONS, type TwoTowerOptions } from './config.js';
import { TwoTowerInputError } from './errors.js';
import { buildExamples, type TwoTowerTrainInput } from './examples.js';
import { UNKNOWN_ID_ROW } from './features.js';
import { trainLayout } from './layout.js';
import { createModel, type TwoTowerModel } from './model.js';
import { initParams, TABLES } from './params.js';
import { createPass } from './pass.js';
import { gatherRows, ITEM_SLOTS } from './rows.js';
import { inBatchSoftmax } from './softmax-loss.js';

export type TrainOptions = TwoTowerOptions & { backend: BackendKind };
export type TrainingReport = { epochLosses: number[]; positives: number; skipped: number; positivesPerSecond: number; backend: BackendKind };

export function resolveOptions(partial: Partial<TrainOptions> = {}): TrainOptions {
  const o: TrainOptions = { ...DEFAULT_OPTIONS, backend: 'wasm', ...partial };
  const bad = (name: string, why: string) => { throw new TwoTowerInputError(`${name} ${why}`); };
  for (const k of ['dims', 'epochs', 'batchSize', 'historyLength'] as const) if (!Number.isInteger(o[k]) || o[k] < 1) bad(k, 'must be a positive integer');
  if (o.batchSize < 2) bad('batchSize', 'must be at least 2 (in-batch negatives)');
  if (!(o.temperature > 0)) bad('temperature', 'must be > 0');
  if (!(o.learningRate > 0)) bad('learningRate', 'must be > 0');
  if (!(o.idDropout >= 0 && o.idDropout < 1)) bad('idDropout', 'must be in [0, 1)');
  return o;
}

export async function trainTwoTower(
  input: TwoTowerTrainInput, opts?: Partial<TrainOptions>, log: (l: string) => void = () => {},
): Promise<TwoTowerModel & { training: TrainingReport }> {
  const o = resolveOptions(opts);
  const ex = buildExamples(input, o);
  const kind: BackendKind = o.backend === 'wasm' && wasmAvailable() ? 'wasm' : 'ts';
  const { memory, layout: L } = trainLayout(ex.shape, o.batchSize, kind === 'wasm');
  const be = createBackend(kind, memory, L.scratch);
  const rng = seededRng(o.seed);
  initParams(L.params, L.tableFlat, rng);
  const pass = createPass(ex.shape, be, L.params, L.tables, L.act);
  const adam = { ...DEFAULT_ADAM, lr: o.learningRate };
  const tableOffset = TABLES.reduce<number[]>((off, t, i) => [...off, off[i]! + L.tables[t].length], [0]);
  const B = o.batchSize, n = ex.rows.n, batch = L.act.batch, epochLosses: number[] = [];
  let step = 0;
  const t0 = performance.now();
  for (let e = 0; e < o.epochs; e++) {
    const order = permutation(n, rng);
    let total = 0, batches = 0;
    for (let at = 0; at + B <= n; at += B, batches++) {
      gatherRows(ex.shape, ex.rows, order, at, B, batch);
      // Id dropout: the item tower sometimes sees the "unknown" row, as a never-trained id will at serving.
      for (let i = 0; i < B; i++) if (rng.uniform() < o.idDropout) batch.item[i * ITEM_SLOTS] = UNKNOWN_ID_ROW;
      const u = pass.forwardUsers(B), v = pass.forwardItems(B);
      total += inBatchSoftmax(be, {
        u, v, du: L.act.user.dOut, dv: L.act.item.dOut, keys: batch.keys, logq: batch.logq, weights: batch.weights,
        rows: B, d: ex.shape.dims, temperature: o.temperature, logQ: o.logQ,
      }, L.act.scores);
      pass.backward(L.grads, B);
      step++;
      adamDense(L.paramFlat, L.gradFlat, L.adam.m, L.adam.v, step, adam);
      L.act.tableGrads.forEach((g, k) => {
        const part = (t: Float32Array) => t.subarray(tableOffset[k]!, tableOffset[k + 1]!);
        adamRows(L.tables[TABLES[k]!], g.dim, g.rows, g.grads, g.count[0]!, part(L.adam.tm), part(L.adam.tv), step, adam);
      });
    }
    epochLosses.push(total / batches);
    log(`two-tower epoch ${e + 1}/${o.epochs}: loss ${(total / batches).toFixed(4)} (${batches} batches, ${kind})`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const trained = Math.floor(n / B) * B * o.epochs;
  const training: TrainingReport = { epochLosses, positives: n, skipped: ex.skipped, positivesPerSecond: trained / seconds, backend: kind };
  log(`two-tower: ${n} positives (${ex.skipped} skipped), ${Math.round(training.positivesPerSecond)} positives/s`);
  return Object.assign(createModel(ex.shape, L.paramFlat.slice(), L.tableFlat.slice(), ex.known.owners.slice()), { training });
}
