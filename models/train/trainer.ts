// Data-parallel MMoE trainer. Weights, gradients and activations live in one shared memory; each worker
// computes gradients on its shard, the main thread sums the slots in worker order (deterministic for a
// seed and worker count) and applies Adam — dense for layers, lazy row-sparse for embedding tables.
import { TASKS, type MmoeConfig, type MmoeWeights } from '../ranker/mmoe-weights.js';
import type { Worker } from 'node:worker_threads';
import { adamDense, DEFAULT_ADAM, type AdamConfig } from './adam.js';
import { createSharedMemory, type SharedMemory } from './arena.js';
import { createBackend, type BackendKind } from './backend.js';
import { ShapeError } from './errors.js';
import { wasmAvailable } from './kernels-wasm.js';
import { layoutBytes, layoutOn, type LayoutInput } from './layout.js';
import { DEFAULT_LOSS, multiTaskLoss, type LossConfig } from './losses.js';
import { createMmoePass, type Dataset } from './mmoe-pass.js';
import { exportWeights, importWeights, initParams } from './mmoe-params.js';
import { permutation, seededRng } from './rng.js';
import { applySparseAdam, mergeSparse } from './sparse-reduce.js';
import { spawnWorker } from './worker-loader.js';

export type TrainerOptions = {
  config: MmoeConfig;
  backend: BackendKind;
  /** 0 trains on the calling thread; k ≥ 1 spawns k worker_threads. */
  workers: number;
  batchSize: number;
  seed: number;
  adam?: Partial<AdamConfig>;
  loss?: LossConfig;
};

export type WorkerInit = { memory: SharedMemory; layout: LayoutInput; slot: number; backend: BackendKind; data: Dataset; loss: LossConfig };

export type Trainer = Awaited<ReturnType<typeof createTrainer>>;

export async function createTrainer(o: TrainerOptions, data: Dataset) {
  const kind: BackendKind = o.backend === 'wasm' && wasmAvailable() ? 'wasm' : 'ts';
  const adamCfg = { ...DEFAULT_ADAM, ...o.adam }, lossCfg = o.loss ?? DEFAULT_LOSS;
  const input: LayoutInput = { config: o.config, workers: o.workers, batchSize: o.batchSize };
  const memory = createSharedMemory(layoutBytes(input), kind === 'wasm');
  const L = layoutOn(memory.buffer, input);
  const rng = seededRng(o.seed);
  initParams(o.config, L.params, L.tables, rng);
  const main = L.slots[0]!;
  const pass = createMmoePass(o.config, createBackend(kind, memory, main.scratch), L.params, L.tables, main.grads, main.act);
  const shared = toShared(checkDataset(o.config, data));
  const workers = Array.from({ length: o.workers }, (_, k) => {
    const init: WorkerInit = { memory, layout: input, slot: k + 1, backend: kind, data: shared, loss: lossCfg };
    return workerChannel(spawnWorker(new URL('./train-worker.ts', import.meta.url), init));
  });
  let step = 0;
  // Where a step's time goes: gradient compute (slowest worker), the rest of the step, Adam.
  const profile = { steps: 0, stepMs: 0, computeMs: 0, adamMs: 0 };

  /** One optimisation step on dataset rows `idx` (await each before the next); returns the weighted loss per task. */
  async function trainStep(idx: Int32Array): Promise<number[]> {
    const n = idx.length, t0 = performance.now();
    if (n === 0 || n > o.batchSize) throw new ShapeError(`a step takes 1..${o.batchSize} rows, got ${n}`);
    L.batchIdx.set(idx);
    let losses: number[];
    if (workers.length === 0) {
      pass.load(shared, L.batchIdx, 0, n);
      losses = multiTaskLoss(pass.forward(n), main.act.labels, main.act.dRaw, n, n, lossCfg);
      pass.backward(n);
      profile.computeMs += performance.now() - t0;
    } else {
      const replies = await Promise.all(workers.map((w) => w.call({ n })));
      profile.computeMs += Math.max(...replies.map((r) => r.computeMs));
      losses = replies.reduce<number[]>((s, r) => s.map((v, t) => v + (r.losses[t] ?? 0)), new Array(o.config.tasks.length).fill(0));
      const sum = main.gradFlat;
      sum.set(L.slots[1]!.gradFlat);
      for (const s of L.slots.slice(2)) for (let i = 0; i < sum.length; i++) sum[i]! += s.gradFlat[i]!;
      mergeSparse(L.slots.slice(1).map((s) => s.act.sparse), main.act.sparse);
    }
    const t1 = performance.now();
    step++;
    adamDense(L.paramFlat, main.gradFlat, L.adam.m, L.adam.v, step, adamCfg);
    applySparseAdam(o.config, L, main.act.sparse, step, adamCfg);
    const t2 = performance.now();
    profile.steps++;
    profile.adamMs += t2 - t1;
    profile.stepMs += t2 - t0;
    return losses;
  }

  /** One pass in a seeded shuffled order (a last partial batch is skipped); returns the mean loss per batch. */
  async function epoch(): Promise<number> {
    const order = permutation(shared.n, rng);
    let total = 0, batches = 0;
    for (let at = 0; at + o.batchSize <= shared.n; at += o.batchSize, batches++) {
      total += (await trainStep(order.subarray(at, at + o.batchSize))).reduce((a, b) => a + b, 0);
    }
    return total / batches;
  }

  /** Raw head outputs per task for every row of `d` (computed on the calling thread). */
  function predict(d: Dataset): Float32Array[] {
    const out = o.config.tasks.map(() => new Float32Array(d.n));
    const idx = Int32Array.from({ length: d.n }, (_, i) => i);
    for (let at = 0; at < d.n; at += o.batchSize) {
      const rows = Math.min(o.batchSize, d.n - at);
      pass.load(d, idx, at, rows);
      pass.forward(rows).forEach((r, t) => out[t]!.set(r.subarray(0, rows), at));
    }
    return out;
  }

  return {
    backend: kind,
    trainStep,
    epoch,
    predict,
    weights: (): MmoeWeights => exportWeights(o.config, L.params, L.tables),
    load: (w: MmoeWeights) => importWeights(L.params, L.tables, w),
    /** Mean milliseconds per step since the last reset: compute, Adam, and the rest (reduce, messaging). */
    profile(reset = false) {
      const k = Math.max(profile.steps, 1);
      const r = { steps: profile.steps, stepMs: profile.stepMs / k, computeMs: profile.computeMs / k, adamMs: profile.adamMs / k };
      if (reset) Object.assign(profile, { steps: 0, stepMs: 0, computeMs: 0, adamMs: 0 });
      return { ...r, otherMs: r.stepMs - r.computeMs - r.adamMs };
    },
    close: () => Promise.all(workers.map((w) => w.worker.terminate())),
  };
}

type StepReply = { losses: number[]; backend: BackendKind; computeMs: number };

/** Request/reply over a worker: one step in flight at a time; a worker crash fails the pending step. */
function workerChannel(worker: Worker) {
  let pending: { ok: (r: StepReply) => void; fail: (e: unknown) => void } | null = null;
  let dead: unknown = null;
  worker.on('message', (r: StepReply) => pending?.ok(r));
  worker.on('error', (e) => {
    dead = e;
    pending?.fail(e);
  });
  const call = (msg: { n: number }) => new Promise<StepReply>((ok, fail) => {
    if (dead) return fail(dead);
    pending = { ok, fail };
    worker.postMessage(msg);
  });
  return { worker, call };
}

function checkDataset(c: MmoeConfig, d: Dataset): Dataset {
  const slots = c.embeddings.length;
  if (d.dense.length !== d.n * c.denseDim || d.ids.length !== d.n * slots || d.labels.length !== d.n * TASKS.length)
    throw new ShapeError('dataset arrays do not match n and the config widths');
  for (let i = 0; i < d.ids.length; i++) {
    const b = c.embeddings[i % slots]!.buckets;
    if (!(d.ids[i]! >= 0 && d.ids[i]! < b)) throw new ShapeError(`row ${Math.floor(i / slots)}: bucket ${d.ids[i]} outside 0..${b - 1}`);
  }
  return d;
}

/** Copies a dataset into SharedArrayBuffers so workers read it without copies. */
function toShared(d: Dataset): Dataset {
  const share = <T extends Float32Array | Int32Array>(t: T, make: (b: SharedArrayBuffer) => T) => {
    const s = make(new SharedArrayBuffer(t.byteLength));
    s.set(t as never);
    return s;
  };
  return { n: d.n, dense: share(d.dense, (b) => new Float32Array(b)), ids: share(d.ids, (b) => new Int32Array(b)), labels: share(d.labels, (b) => new Float32Array(b)) };
}
