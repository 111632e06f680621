import { describe, expect, it } from 'vitest';
import { alsLoss, trainAls } from './als.js';
import { buildInteractions } from './interactions.js';
import { dot } from './linalg.js';
import { alsScores, popularityScores, recallAtK } from './recall.js';
import { splitHoldout, syntheticInteractions } from './synthetic-interactions.js';

const users = 600, items = 300;
const lists = syntheticInteractions({ users, items, clusters: 8, perUser: 20, noise: 0.1, seed: 3 });
const { train, test } = splitHoldout(lists, 0.25);
const m = buildInteractions(train, { users, items });
const heldOut = buildInteractions(test, { users, items });
const opts = { factors: 16, iterations: 10, regularization: 0.01, cgSteps: 3, seed: 1 };

describe('trainAls on planted clusters (600 users × 300 items, 8 clusters)', () => {
  const losses: number[] = [];
  const model = trainAls(m, { ...opts, onIteration: (_i, mod) => losses.push(alsLoss(m, mod, opts.regularization)) });

  it('recall@20 on held-out items beats popularity by a wide margin', () => {
    const als = recallAtK(m.users, heldOut.users, 20, alsScores(model));
    const pop = recallAtK(m.users, heldOut.users, 20, popularityScores(m.users));
    // Measured with these seeds: ALS ≈ 0.67, popularity ≈ 0.07.
    expect(als).toBeGreaterThan(0.55);
    expect(pop).toBeLessThan(0.12);
    expect(als).toBeGreaterThan(5 * pop);
  });

  it('the weighted loss decreases at every iteration', () => {
    expect(losses).toHaveLength(opts.iterations);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
    expect(losses.at(-1)!).toBeLessThan(0.5 * losses[0]!);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = trainAls(m, { ...opts, iterations: 2 });
    const same = trainAls(m, { ...opts, iterations: 2 });
    const other = trainAls(m, { ...opts, iterations: 2, seed: 2 });
    expect(Array.from(same.userFactors)).toEqual(Array.from(again.userFactors));
    expect(Array.from(same.itemFactors)).toEqual(Array.from(again.itemFactors));
    expect(Array.from(other.itemFactors)).not.toEqual(Array.from(again.itemFactors));
    expect(again.userFactors).toHaveLength(users * opts.factors);
    expect(again.itemFactors).toHaveLength(items * opts.factors);
  });

  it('a confident negative lowers the score of that item for that user', () => {
    // User 0 is in cluster 0; pick an unseen item of cluster 0 that ALS would rank highly.
    const seen = new Set(lists[0]!.map((x) => x.item));
    const f = opts.factors;
    const score = (mod: typeof model, i: number) => dot(mod.userFactors, 0, mod.itemFactors, i * f, f);
    const target = Array.from({ length: 37 }, (_, i) => i).filter((i) => !seen.has(i)).sort((a, b) => score(model, b) - score(model, a))[0]!;
    const withDislike = trainAls(buildInteractions([...train, { user: 0, item: target, weight: -3 }], { users, items }), opts);
    expect(score(withDislike, target)).toBeLessThan(score(model, target) - 0.3);
  });
});
