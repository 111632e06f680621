import { describe, expect, it } from 'vitest';
import { mergeSources, RRF_K } from './merge.js';

const list = (...xs: string[]) => xs.map((id, i) => ({ id, score: 1 - i / 10 }));

describe('mergeSources', () => {
  it('fuses ranks, keeps every proposing source (strongest first) and dedupes', () => {
    const { kept } = mergeSources(
      [
        { source: 'collaborative', items: list('a', 'b', 'c') },
        { source: 'trending', items: list('b', 'd') },
      ],
      { weights: {}, exclude: () => false, limit: 10 },
    );
    expect(kept.map((c) => c.id)).toEqual(['b', 'a', 'd', 'c']);
    const b = kept[0]!;
    expect(b.score).toBeCloseTo(1 / (RRF_K + 1) + 1 / RRF_K, 12);
    expect(b.sources).toEqual(['trending', 'collaborative']);
    expect(new Set(kept.map((c) => c.id)).size).toBe(kept.length);
  });

  it('drops excluded (watched, disliked) videos without letting them take a rank', () => {
    const { kept, removed } = mergeSources([{ source: 'category', items: list('seen', 'a') }], { weights: {}, exclude: (id) => id === 'seen', limit: 10 });
    expect(kept.map((c) => c.id)).toEqual(['a']);
    expect(kept[0]!.score).toBeCloseTo(1 / RRF_K, 12);
    expect(removed).toBe(1);
  });

  it('weights sources and skips a source weighted 0; cuts to the limit', () => {
    const { kept } = mergeSources(
      [
        { source: 'fresh', items: list('f') },
        { source: 'collaborative', items: list('c') },
        { source: 'trending', items: list('t') },
      ],
      { weights: { fresh: 0.5, collaborative: 2, trending: 0 }, exclude: () => false, limit: 1 },
    );
    expect(kept.map((c) => c.id)).toEqual(['c']);
  });
});
