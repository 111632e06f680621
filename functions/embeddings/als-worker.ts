// An ALS worker thread: on each message it claims chunks of rows from a shared counter and solves them
// in place in the shared factor tables; claiming (not a fixed split) keeps both cores busy when rows
// differ in cost (popular items) or another process takes a core.
import { parentPort, workerData } from 'node:worker_threads';
import { solveRows } from './als.js';
import type { AlsWorkerInit, HalfStep, HalfStepDone } from './als-parallel.js';
import { cgScratch } from './cg-solve.js';

const d = workerData as AlsWorkerInit;
const scratch = cgScratch(d.factors);

parentPort!.on('message', ({ side }: HalfStep) => {
  const t0 = performance.now();
  const [m, target, other] = side === 'users' ? [d.users, d.userFactors, d.itemFactors] : [d.items, d.itemFactors, d.userFactors];
  let rows = 0;
  for (;;) {
    const from = Atomics.add(d.nextRow, 0, d.chunkRows);
    if (from >= m.rows) break;
    const to = Math.min(m.rows, from + d.chunkRows);
    solveRows(m, from, to, target, other, d.gram, d.factors, d.cgSteps, scratch);
    rows += to - from;
  }
  parentPort!.postMessage({ rows, ms: performance.now() - t0 } satisfies HalfStepDone);
});
