// ALS over worker_threads: factor tables, both CSR views and the Gram matrix live in SharedArrayBuffers;
// each half-iteration the main thread computes the Gram matrix and workers solve disjoint rows. Rows
// are independent given the Gram matrix, so the model equals trainAls's for the same seed.
import { trainAls, initModel, DEFAULT_ALS_OPTIONS, type AlsModel, type AlsOptions } from './als.js';
import { AlsWorkerError } from './errors.js';
import type { Csr, InteractionMatrix } from './interactions.js';
import { gram } from './linalg.js';
import { spawnWorker } from '../../models/train/worker-loader.js';
import type { Worker } from 'node:worker_threads';

export type ParallelAlsOptions = Partial<AlsOptions> & { workers: number };

export interface AlsWorkerInit {
  factors: number;
  cgSteps: number;
  chunkRows: number;
  users: Csr;
  items: Csr;
  userFactors: Float32Array;
  itemFactors: Float32Array;
  gram: Float32Array;
  /** Next unclaimed row of the side being solved; reset to 0 before each half-iteration. */
  nextRow: Int32Array;
}
export type HalfStep = { side: 'users' | 'items' };
export type HalfStepDone = { rows: number; ms: number };

/**
 * trainAls on `workers` threads (workers ≤ 1 runs in-process). `onIteration` sees views of the shared
 * tables; the returned model owns plain copies.
 */
export async function trainAlsParallel(matrix: InteractionMatrix, opts: ParallelAlsOptions): Promise<AlsModel> {
  if (opts.workers <= 1) return trainAls(matrix, opts);
  const o = { ...DEFAULT_ALS_OPTIONS, ...opts };
  const f = o.factors;
  const start = initModel(matrix, o);
  const init: AlsWorkerInit = {
    factors: f,
    cgSteps: o.cgSteps,
    // Small enough that the last chunks even out the threads, large enough that claiming is rare.
    chunkRows: 64,
    users: shareCsr(matrix.users),
    items: shareCsr(matrix.items),
    userFactors: share(start.userFactors),
    itemFactors: share(start.itemFactors),
    gram: share(new Float32Array(f * f)),
    nextRow: new Int32Array(new SharedArrayBuffer(4)),
  };
  const model: AlsModel = { factors: f, userFactors: init.userFactors, itemFactors: init.itemFactors };
  const workers = Array.from({ length: opts.workers }, () => halfStepChannel(spawnWorker(new URL('./als-worker.ts', import.meta.url), init)));
  try {
    const half = async (side: HalfStep['side'], other: Float32Array, otherRows: number) => {
      init.gram.set(gram(other, otherRows, f, o.regularization));
      Atomics.store(init.nextRow, 0, 0);
      await Promise.all(workers.map((w) => w.run({ side })));
    };
    for (let it = 0; it < o.iterations; it++) {
      await half('users', init.itemFactors, matrix.items.rows);
      await half('items', init.userFactors, matrix.users.rows);
      o.onIteration?.(it, model);
    }
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  // slice() copies into a plain ArrayBuffer, which every consumer (file writers, usearch) accepts.
  return { factors: f, userFactors: init.userFactors.slice(), itemFactors: init.itemFactors.slice() };
}

function share<T extends Float32Array | Int32Array>(t: T): T {
  const s = new (t.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(t.byteLength));
  s.set(t as never);
  return s;
}

const shareCsr = (m: Csr): Csr => ({ rows: m.rows, cols: m.cols, indptr: share(m.indptr), indices: share(m.indices), values: share(m.values) });

/** One half-step in flight per worker; a crash or early exit fails it with AlsWorkerError. */
function halfStepChannel(worker: Worker) {
  let pending: { ok: (r: HalfStepDone) => void; fail: (e: Error) => void } | null = null;
  let dead: Error | null = null;
  const die = (e: Error) => {
    dead = e;
    pending?.fail(e);
    pending = null;
  };
  worker.on('message', (r: HalfStepDone) => {
    pending?.ok(r);
    pending = null;
  });
  worker.on('error', (e) => die(new AlsWorkerError(`ALS worker failed: ${e.message}`, { cause: e })));
  worker.on('exit', (code) => die(new AlsWorkerError(`ALS worker exited with code ${code}`)));
  const run = (msg: HalfStep) => new Promise<HalfStepDone>((ok, fail) => {
    if (dead) return fail(dead);
    pending = { ok, fail };
    worker.postMessage(msg);
  });
  return { worker, run };
}
