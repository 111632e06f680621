import { describe, expect, it } from 'vitest';
import { trainAls } from './als.js';
import { trainAlsParallel } from './als-parallel.js';
import { buildInteractions } from './interactions.js';
import { syntheticInteractions } from './synthetic-interactions.js';

const users = 500, items = 240;
const m = buildInteractions(syntheticInteractions({ users, items, clusters: 6, perUser: 18, noise: 0.1, seed: 5 }).flat(), { users, items });
const opts = { factors: 12, iterations: 4, regularization: 0.02, cgSteps: 3, seed: 9 };

describe('trainAlsParallel', () => {
  it('two workers give the single-thread model: rows are independent given the Gram matrix', async () => {
    const single = trainAls(m, opts);
    const seen: number[] = [];
    const par = await trainAlsParallel(m, { ...opts, workers: 2, onIteration: (i) => seen.push(i) });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(par.userFactors).toHaveLength(users * opts.factors);
    // Same Gram matrix and the same per-row arithmetic: equal to float precision (here bit-for-bit).
    for (let k = 0; k < par.userFactors.length; k++) expect(par.userFactors[k]).toBeCloseTo(single.userFactors[k]!, 6);
    for (let k = 0; k < par.itemFactors.length; k++) expect(par.itemFactors[k]).toBeCloseTo(single.itemFactors[k]!, 6);
    expect(par.userFactors.buffer).toBeInstanceOf(ArrayBuffer); // a plain copy, not the shared table
    // And the model is not trivially the init: a different seed changes it.
    const other = await trainAlsParallel(m, { ...opts, workers: 2, seed: 10 });
    expect(Array.from(other.itemFactors)).not.toEqual(Array.from(par.itemFactors));
  });

  it('workers = 1 runs in-process and matches trainAls exactly', async () => {
    const single = trainAls(m, { ...opts, iterations: 2 });
    const one = await trainAlsParallel(m, { ...opts, iterations: 2, workers: 1 });
    expect(Array.from(one.userFactors)).toEqual(Array.from(single.userFactors));
  });
});
