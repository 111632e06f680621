import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RerankConfigError } from './errors.js';
import { mmr } from './mmr.js';
import { ids, item } from './test-candidates.js';

// Three creators, two videos each, each creator in its own category; input in score order.
const grouped = () => [
  item('a1', 10, { creator: 'a', category: 'music' }),
  item('a2', 9, { creator: 'a', category: 'music' }),
  item('b1', 8, { creator: 'b', category: 'news' }),
  item('b2', 7, { creator: 'b', category: 'news' }),
  item('c1', 6, { creator: 'c', category: 'games' }),
  item('c2', 5, { creator: 'c', category: 'games' }),
];

describe('mmr', () => {
  it('with λ = 1 is pure score order, whatever the input order', () => {
    const shuffled = [3, 0, 5, 1, 4, 2].map((i) => grouped()[i]!);
    expect(ids(mmr({ lambda: 1 }).rerank(shuffled, { n: 6 }))).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });

  it('with λ = 0 takes the best item, then alternates creators and categories', () => {
    expect(ids(mmr({ lambda: 0 }).rerank(grouped(), { n: 6 }))).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  it('with λ = 0 prefers a new category over a new creator in the same category', () => {
    const slate = [
      item('a1', 4, { creator: 'a', category: 'music' }),
      item('a2', 3, { creator: 'a', category: 'music' }),
      item('b1', 2, { creator: 'b', category: 'music' }),
      item('c1', 1, { creator: 'c', category: 'news' }),
    ];
    expect(ids(mmr({ lambda: 0 }).rerank(slate, { n: 4 }))).toEqual(['a1', 'c1', 'b1', 'a2']);
  });

  it('with the default λ trades a little relevance for variety', () => {
    // rel = [1, .875, .75, .5, 0]; after a1, c1 (0.525 − 0.3·0.3) beats a2 (0.6125 − 0.3·0.8).
    const slate = [
      item('a1', 10, { creator: 'a', category: 'music' }),
      item('a2', 9, { creator: 'a', category: 'music' }),
      item('c1', 8, { creator: 'c', category: 'music' }),
      item('b1', 6, { creator: 'b', category: 'news' }),
      item('b2', 2, { creator: 'b', category: 'news' }),
    ];
    expect(ids(mmr().rerank(slate, { n: 5 }))).toEqual(['a1', 'c1', 'a2', 'b1', 'b2']);
  });

  it('gives the same order after a positive affine transform of the scores', () => {
    const slate = grouped();
    const order = ids(mmr().rerank(slate, { n: 6 }));
    for (const [scale, shift] of [[1000, -37], [1 / 64, 2], [3, 1e6]] as const) {
      const moved = slate.map((c) => ({ ...c, score: scale * c.score + shift }));
      expect(ids(mmr().rerank(moved, { n: 6 }))).toEqual(order);
    }
  });

  it('is invariant to positive affine transforms on any slate', () => {
    // Scores a few steps apart, so similarity matters at every λ; integer scores, integer or power-of-two
    // scales and integer shifts keep the arithmetic exact, so equal orders are expected bit for bit.
    const slate = fc.array(
      fc.record({ creator: fc.constantFrom('a', 'b', 'c'), category: fc.constantFrom('x', 'y'), cluster: fc.integer({ min: 0, max: 2 }), score: fc.integer({ min: 0, max: 6 }) }),
      { minLength: 1, maxLength: 12 },
    );
    const scale = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10 }).map((k) => 2 ** -k));
    const transform = fc.tuple(scale, fc.integer({ min: -1_000_000, max: 1_000_000 }));
    fc.assert(
      fc.property(slate, transform, fc.constantFrom(0.2, 0.5, 0.7, 0.9), fc.integer({ min: 1, max: 12 }), (traits, [scale, shift], lambda, n) => {
        const items = traits.map((t, i) => item(`v${i}`, t.score, t));
        const moved = items.map((c) => ({ ...c, score: scale * c.score + shift }));
        const reranker = mmr({ lambda });
        expect(ids(reranker.rerank(moved, { n }))).toEqual(ids(reranker.rerank(items, { n })));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('picks only the page: at most n·N similarity calls, the rest in input order', () => {
    let calls = 0;
    const counted = mmr({ lambda: 0, similarity: (a, b) => (calls++, a.creator_id === b.creator_id ? 1 : 0) });
    const slate = grouped();
    const out = counted.rerank(slate, { n: 2 });
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(2 * slate.length);
    expect(ids(out)).toEqual(['a1', 'b1', 'a2', 'b2', 'c1', 'c2']);
  });

  it('returns every item once and leaves the input untouched', () => {
    const slate = grouped();
    const before = structuredClone(slate);
    const out = mmr().rerank(slate, { n: 3 });
    expect([...ids(out)].sort()).toEqual([...ids(slate)].sort());
    expect(slate).toEqual(before);
    expect(mmr().rerank([], { n: 3 })).toEqual([]);
    expect(ids(mmr().rerank(slate, { n: 0 }))).toEqual(ids(slate));
  });

  it('rejects a λ outside [0, 1] when built', () => {
    expect(() => mmr({ lambda: 1.5 })).toThrow(RerankConfigError);
    expect(() => mmr({ lambda: Number.NaN })).toThrow(/lambda/);
  });
});
