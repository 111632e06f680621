import { describe, expect, it } from 'vitest';
import { bucketDecay, decayTrending, recentHours } from './trending-decay.js';

const H = 3_600_000;
const NOW = 1000 * H + H / 2; // the middle of hour 1000

describe('trending decay', () => {
  it('lists the current hour first', () => {
    expect(recentHours(NOW, 3)).toEqual([1000, 999, 998]);
    expect(recentHours(NOW, 0)).toEqual([]);
  });

  it('halves a bucket one half-life old', () => {
    expect(bucketDecay(1000, NOW, 24)).toBe(1);
    expect(bucketDecay(1000 - 24, NOW, 24)).toBeCloseTo(0.5);
    expect(bucketDecay(1000 - 48, NOW, 24)).toBeCloseTo(0.25);
  });

  it('sums decayed counts per video, drops non-positive scores and ranks best first', () => {
    const scores = decayTrending(
      [
        { hour: 1000, counts: new Map([['a', 1], ['b', 3], ['neg', -2]]) },
        { hour: 976, counts: new Map([['a', 4], ['b', 1]]) },
      ],
      NOW,
      24,
    );
    expect(scores.map((s) => s.video_id)).toEqual(['b', 'a']);
    expect(scores[0]!.score).toBeCloseTo(3 + 0.5);
    expect(scores[1]!.score).toBeCloseTo(1 + 2);
    expect(decayTrending([{ hour: 1000, counts: new Map([['x', 1], ['y', 2]]) }], NOW, 24, 1)).toEqual([{ video_id: 'y', score: 2 }]);
  });
});
