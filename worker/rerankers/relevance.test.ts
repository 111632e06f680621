import { describe, expect, it } from 'vitest';
import { slateRelevance } from './relevance.js';

describe('slateRelevance', () => {
  it('maps the slate min to 0 and max to 1, linearly between', () => {
    expect(slateRelevance([3, 5, 4, 7])).toEqual([0, 0.5, 0.25, 1]);
  });

  it('gives the same values for any positive affine transform of the scores', () => {
    const scores = [3, 5, 4, 7, 11];
    expect(slateRelevance(scores.map((s) => 1000 * s - 37))).toEqual(slateRelevance(scores));
    expect(slateRelevance(scores.map((s) => s / 64 + 2))).toEqual(slateRelevance(scores));
  });

  it('treats equal scores as equally relevant', () => {
    expect(slateRelevance([2, 2, 2])).toEqual([1, 1, 1]);
    expect(slateRelevance([])).toEqual([]);
  });

  it('ranks NaN and -Infinity last and +Infinity first without distorting the finite range', () => {
    expect(slateRelevance([1, Number.NaN, 3, -Infinity, Infinity, 2])).toEqual([0, 0, 1, 0, 1, 0.5]);
  });
});
