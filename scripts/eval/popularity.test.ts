import { describe, expect, it } from 'vitest';
import { trainPopularity } from './popularity.js';

// 4 train users (one engaged with nothing); a by 3 of them, b by 1, c and d by nobody.
const watched = new Map([
  ['u1', new Set(['a', 'b'])],
  ['u2', new Set(['a'])],
  ['u3', new Set(['a'])],
]);
const pop = trainPopularity(watched, 4, ['a', 'b', 'c', 'd']);

describe('train popularity', () => {
  it('is the share of train-day users who engaged', () => {
    expect(['a', 'b', 'c'].map(pop.count)).toEqual([3, 1, 0]);
    expect(['a', 'b', 'c'].map(pop.share)).toEqual([3 / 4, 1 / 4, 0]);
  });
  it('ranks videos by mid-rank percentile over the catalogue', () => {
    // Sorted counts 0, 0, 1, 3: c and d tie at the bottom (0 below, 2 tied → 1/4), b has 2 below, a 3 below.
    expect(['c', 'd', 'b', 'a'].map(pop.percentile)).toEqual([25, 25, 62.5, 87.5]);
    // A video outside the catalogue with no engagement ranks with the least engaged.
    expect(pop.percentile('z')).toBe(25);
    expect(trainPopularity(new Map(), 0, []).percentile('a')).toBe(0);
  });
  it('measures self-information with add-one smoothing', () => {
    expect(pop.selfInformation('a')).toBeCloseTo(-Math.log2(4 / 5), 12);
    expect(pop.selfInformation('c')).toBeCloseTo(Math.log2(5), 12);
    expect(pop.selfInformation('c')).toBeGreaterThan(pop.selfInformation('b'));
  });
});
