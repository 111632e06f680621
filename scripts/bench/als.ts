// Implicit ALS training time and recall@K on planted-cluster interactions, single thread vs worker
// threads side by side in one run (same data, same seed, so the models must agree).
import { loadavg } from 'node:os';
import { trainAlsParallel } from '../../functions/embeddings/als-parallel.js';
import { buildInteractions, DEFAULT_ALPHA } from '../../functions/embeddings/interactions.js';
import { alsScores, popularityScores, recallAtK } from '../../functions/embeddings/recall.js';
import { splitHoldout, syntheticInteractions } from '../../functions/embeddings/synthetic-interactions.js';

export type AlsBenchOptions = {
  users?: number; items?: number; perUser?: number; clusters?: number; noise?: number;
  factors?: number; iterations?: number; regularization?: number; alpha?: number; cgSteps?: number;
  /** Thread counts to compare; 1 is the in-process path. */
  workers?: number[];
  k?: number;
  /** Recall is averaged over the first evalUsers users to keep scoring short. */
  evalUsers?: number;
  seed?: number;
};

export async function benchAls(opts: AlsBenchOptions = {}) {
  const o = {
    users: 50_000, items: 20_000, perUser: 40, clusters: 50, noise: 0.2,
    factors: 64, iterations: 15, regularization: 0.01, alpha: DEFAULT_ALPHA, cgSteps: 3,
    workers: [1, 2], k: 50, evalUsers: 5_000, seed: 7, ...opts,
  };
  const lists = syntheticInteractions({ users: o.users, items: o.items, clusters: o.clusters, perUser: o.perUser, noise: o.noise, seed: o.seed });
  const { train, test } = splitHoldout(lists, 0.2);
  const shape = { users: o.users, items: o.items };
  const m = buildInteractions(train, shape, o.alpha);
  const heldOut = buildInteractions(test, shape, o.alpha).users;
  const evalRows = { ...heldOut, rows: Math.min(o.evalUsers, o.users) };
  const popularity = recallAtK(m.users, evalRows, o.k, popularityScores(m.users));
  const variants: Record<string, unknown> = {};
  let first: Float32Array | null = null;
  for (const workers of o.workers) {
    const load = loadavg()[0] ?? 0; // other tenants of the cores show up here
    const iterMs: number[] = [];
    let last = performance.now();
    const t0 = last, cpu0 = process.cpuUsage();
    const model = await trainAlsParallel(m, {
      workers, factors: o.factors, iterations: o.iterations, regularization: o.regularization, cgSteps: o.cgSteps, seed: 1,
      onIteration: () => iterMs.push(-last + (last = performance.now())),
    });
    const seconds = (performance.now() - t0) / 1000;
    // CPU time of all threads: on a shared machine wall time depends on other load, this does much less.
    const cpu = process.cpuUsage(cpu0), cpuSeconds = (cpu.user + cpu.system) / 1e6;
    first ??= model.userFactors;
    let maxAbsDiffVsFirst = 0;
    for (let k = 0; k < first.length; k++) maxAbsDiffVsFirst = Math.max(maxAbsDiffVsFirst, Math.abs(first[k]! - model.userFactors[k]!));
    variants[workers === 1 ? 'in-process' : `${workers}-workers`] = {
      workers, seconds: round(seconds, 2), cpuSeconds: round(cpuSeconds, 2), iterationMs: iterMs.map(Math.round), loadAvgBefore: round(load, 2),
      recallAtK: round(recallAtK(m.users, evalRows, o.k, alsScores(model)), 4), maxAbsDiffVsFirst,
    };
  }
  return {
    data: { users: o.users, items: o.items, events: lists.reduce((n, l) => n + l.length, 0), trainNnz: m.users.indices.length, clusters: o.clusters, noise: o.noise },
    model: { factors: o.factors, iterations: o.iterations, regularization: o.regularization, alpha: o.alpha, cgSteps: o.cgSteps },
    k: o.k, evalUsers: evalRows.rows,
    popularityRecallAtK: round(popularity, 4),
    variants,
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
