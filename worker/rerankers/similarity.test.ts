import { describe, expect, it } from 'vitest';
import { RerankConfigError } from './errors.js';
import { itemSimilarity, SIMILARITY_DEFAULTS } from './similarity.js';

const video = (creator_id: string, category: string, cluster?: number) => ({ creator_id, category, ...(cluster !== undefined && { cluster }) });

describe('itemSimilarity', () => {
  const sim = itemSimilarity();
  const w = SIMILARITY_DEFAULTS;

  it('adds the weight of each shared trait', () => {
    expect(sim(video('a', 'music', 1), video('b', 'news', 2))).toBe(0);
    expect(sim(video('a', 'music', 1), video('a', 'news', 2))).toBe(w.creator);
    expect(sim(video('a', 'music', 1), video('b', 'music', 2))).toBe(w.category);
    expect(sim(video('a', 'music', 1), video('b', 'news', 1))).toBe(w.cluster);
    expect(sim(video('a', 'music', 1), video('a', 'music', 2))).toBe(w.creator + w.category);
  });

  it('does not count two missing clusters as the same cluster', () => {
    expect(sim(video('a', 'music'), video('b', 'news'))).toBe(0);
    expect(sim(video('a', 'music', 3), video('b', 'news'))).toBe(0);
  });

  it('caps the sum at max', () => {
    const capped = itemSimilarity({ creator: 0.9, category: 0.9, max: 1 });
    expect(capped(video('a', 'music'), video('a', 'music'))).toBe(1);
    expect(itemSimilarity({ max: 0.6 })(video('a', 'music', 1), video('a', 'music', 1))).toBe(0.6);
  });

  it('rejects a negative or non-finite weight when built', () => {
    expect(() => itemSimilarity({ creator: -1 })).toThrow(RerankConfigError);
    expect(() => itemSimilarity({ max: Number.NaN })).toThrow(/max/);
  });
});
