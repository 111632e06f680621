import { describe, expect, it } from 'vitest';
import { RerankConfigError } from './errors.js';
import { EXPLORING_REASON, exploration, explorationSlots, type ExplorationContext } from './exploration.js';
import { ids, item } from './test-candidates.js';
import type { ArmCounters } from './thompson.js';

const stream = (k: number) => Array.from({ length: k }, (_, i) => item(`s${i}`, 1 - i / 100, {}, i));
const fresh = (...videoIds: string[]) => videoIds.map((id) => item(id, 0, { source: 'fresh' }));
const context = (n: number, over: Partial<ExplorationContext> = {}): ExplorationContext => ({
  n,
  seed: 1,
  pool: fresh('f1', 'f2', 'f3', 'f4'),
  counters: new Map(),
  seen: new Set(),
  ...over,
});
const explored = (out: ReturnType<ReturnType<typeof exploration>['rerank']>) =>
  out.flatMap((c, i) => (c.reason === EXPLORING_REASON ? [i] : []));

describe('explorationSlots', () => {
  it('gives a page of 20 two slots, centred in its halves', () => {
    expect(explorationSlots(20, 0.1, 10)).toEqual([5, 15]);
  });

  it('gives a page of 5 one slot mid-page, and a page of 4 none', () => {
    expect(explorationSlots(5, 0.1, 10)).toEqual([2]);
    expect(explorationSlots(4, 0.1, 10)).toEqual([]);
  });

  it('never uses more slots than eligible videos, nor any without them', () => {
    expect(explorationSlots(20, 0.1, 1)).toEqual([10]);
    expect(explorationSlots(20, 0.1, 0)).toEqual([]);
  });

  it('keeps slots distinct and off the first position up to a share of one half', () => {
    expect(explorationSlots(10, 0.5, 10)).toEqual([1, 3, 5, 7, 9]);
    const slots = explorationSlots(100, 0.29, 100);
    expect(slots).toHaveLength(29);
    expect(new Set(slots).size).toBe(29);
    expect(Math.min(...slots)).toBeGreaterThan(0);
  });
});

describe('exploration', () => {
  const explore = exploration();

  it('puts two explored videos at positions 5 and 15 of a page of 20, displacing, never dropping', () => {
    const items = stream(25);
    const out = explore.rerank(items, context(20));
    expect(explored(out)).toEqual([5, 15]);
    expect(out.filter((c) => c.reason !== EXPLORING_REASON)).toEqual(items);
    for (const i of [5, 15]) {
      expect(out[i]!.source).toBe('fresh');
      expect(out[i]!.video_id).toMatch(/^f/);
    }
  });

  it('puts one explored video at position 2 of a page of 5', () => {
    const out = explore.rerank(stream(8), context(5));
    expect(explored(out)).toEqual([2]);
    expect(out).toHaveLength(9);
  });

  it('leaves the page alone without eligible videos or below the minimum page', () => {
    const items = stream(6);
    expect(explore.rerank(items, context(4))).toEqual(items);
    expect(explore.rerank(items, context(5, { pool: [] }))).toEqual(items);
    expect(explore.rerank(items, context(5, { pool: fresh('f1', 's0'), seen: new Set(['f1']) }))).toEqual(items);
  });

  it('does not pick a video on the page or already seen; one further down moves up instead of repeating', () => {
    const items = stream(8);
    const pool = [items[0]!, ...fresh('f1'), items[6]!];
    const out = explore.rerank(items, context(5, { pool, seen: new Set(['f1']) }));
    expect(ids(out)).toEqual(['s0', 's1', 's6', 's2', 's3', 's4', 's5', 's7']);
    expect(out[2]!.reason).toBe(EXPLORING_REASON);
    expect(out[2]!.source).toBe(items[6]!.source);
  });

  it('is reproducible for a seed and varies across seeds', () => {
    const items = stream(20);
    const pick = (seed: number) => ids(explore.rerank(items, context(20, { seed }))).filter((id) => id.startsWith('f'));
    expect(pick(42)).toEqual(pick(42));
    expect(new Set(Array.from({ length: 30 }, (_, seed) => pick(seed).join())).size).toBeGreaterThan(1);
  });

  it('favours the arm whose counters are far better across seeds', () => {
    // Posterior means about 0.03 and 0.5, each within 0.03 of its mean at 1σ: f1 never out-draws f2.
    const counters = new Map<string, ArmCounters>([
      ['f1', { impressions: 500, engagements: 10 }],
      ['f2', { impressions: 500, engagements: 250 }],
    ]);
    const picks = Array.from({ length: 50 }, (_, seed) => ids(explore.rerank(stream(5), context(5, { seed, pool: fresh('f1', 'f2'), counters })))[2]);
    expect(picks.every((id) => id === 'f2')).toBe(true);
  });

  it('rejects a share over one half or a prior that is not positive when built', () => {
    expect(() => exploration({ share: 0.6 })).toThrow(RerankConfigError);
    expect(() => exploration({ prior: { alpha: 0, beta: 1 } })).toThrow(/prior.alpha/);
  });
});
