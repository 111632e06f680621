// A data-parallel training worker: computes its shard's loss and gradients into its own slot of the
// shared memory; the main thread reduces the slots and applies Adam.
import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from './backend.js';
import { layoutOn, shardRows } from './layout.js';
import { multiTaskLoss } from './losses.js';
import { createMmoePass } from './mmoe-pass.js';
import type { WorkerInit } from './trainer.js';

const init = workerData as WorkerInit;
const layout = layoutOn(init.memory.buffer, init.layout);
const slot = layout.slots[init.slot]!;
const be = createBackend(init.backend, init.memory, slot.scratch);
const pass = createMmoePass(init.layout.config, be, layout.params, layout.tables, slot.grads, slot.act);

parentPort!.on('message', ({ n }: { n: number }) => {
  const t0 = performance.now();
  const shard = shardRows(init.layout.batchSize, init.layout.workers);
  const from = (init.slot - 1) * shard, rows = Math.max(0, Math.min(shard, n - from));
  let losses: number[] = [];
  if (rows === 0) {
    slot.gradFlat.fill(0);
    slot.act.sparse.forEach((s) => (s.count[0] = 0));
  } else {
    pass.load(init.data, layout.batchIdx, from, rows);
    const raw = pass.forward(rows);
    losses = multiTaskLoss(raw, slot.act.labels, slot.act.dRaw, rows, n, init.loss);
    pass.backward(rows);
  }
  parentPort!.postMessage({ losses, backend: be.kind, computeMs: performance.now() - t0 });
});
