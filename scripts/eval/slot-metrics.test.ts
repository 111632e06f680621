import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve } from './creator-exposure.js';
import { trainPopularity } from './popularity.js';
import { slotTally } from './slot-metrics.js';

// Catalogue a, b, c, d; creators: a and b by A, c by B, d by C. Train: 4 users, a engaged by 3, b by 1.
const catalogue = { videoIds: ['a', 'b', 'c', 'd'], creatorOf: new Map([['a', 'A'], ['b', 'A'], ['c', 'B'], ['d', 'C']]) };
const pop = trainPopularity(new Map([['u1', new Set(['a', 'b'])], ['u2', new Set(['a'])], ['u3', new Set(['a'])]]), 4, catalogue.videoIds);

describe('slot metrics', () => {
  it('computes coverage, novelty, popularity percentile and creator Gini by hand', () => {
    const t = slotTally(catalogue, pop);
    t.add(['a', 'b']);
    t.add(['a', 'c']);
    const r = t.result();
    expect(r.slots).toBe(4);
    // a, b, c of 4 videos.
    expect(r.coverage).toBe(3 / 4);
    // Self-information: a −log2(4/5) twice, b −log2(2/5), c −log2(1/5); mean over 4 slots.
    expect(r.novelty).toBeCloseTo((2 * -Math.log2(4 / 5) - Math.log2(2 / 5) - Math.log2(1 / 5)) / 4, 12);
    // Percentiles (counts 0, 0, 1, 3): a 87.5 twice, b 62.5, c 25.
    expect(r.popularity_percentile).toBeCloseTo((2 * 87.5 + 62.5 + 25) / 4, 12);
    // Slots per creator: A 3, B 1, C 0.
    expect(r.creator_gini).toBeCloseTo(gini([3, 1, 0]), 12);
    expect(r.creator_gini).toBeCloseTo((2 * (2 * 1 + 3 * 3)) / (3 * 4) - 4 / 3, 12);
    expect(r.creator_lorenz).toEqual(lorenzCurve([3, 1, 0]));
  });
  it('counts ids outside the catalogue as slots but not as coverage', () => {
    const t = slotTally(catalogue, pop);
    t.add(['z']);
    expect(t.result()).toMatchObject({ slots: 1, coverage: 0, creator_gini: 0 });
    expect(slotTally(catalogue, pop).result()).toMatchObject({ slots: 0, coverage: 0, novelty: 0, popularity_percentile: 0 });
  });
});
