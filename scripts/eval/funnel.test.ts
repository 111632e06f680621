import { describe, expect, it } from 'vitest';
import { buildFunnel } from './funnel.js';
import type { KindMetrics } from './kind-metrics.js';

const lists = {
  users: 40,
  mean_list_length: 180,
  mean_unseen_length: 150,
  at_k: { '10': { hit_rate: 0.25, precision: 0.03, slots: 380 } },
} as unknown as KindMetrics;

describe('buildFunnel', () => {
  it('takes users and items per list from the summary and the evaluation', () => {
    const f = buildFunnel({ users_with_events: 120, users_with_lists: 100, top_source_als: 15_000, top_source_trending: 5_000, lists: 'full' }, 40, lists, 10)!;
    expect(f.users.map((s) => s.value)).toEqual([120, 100, 40, 10]);
    expect(f.top_sources_per_user).toEqual([{ stage: 'als', value: 150 }, { stage: 'trending', value: 50 }]);
    expect(f.items_per_user.map((s) => s.value)).toEqual([200, 180, 150, 380 / 40, 0.03 * 10]);
    expect(f.items_per_user.at(-1)!.stage).toBe('test targets in the top 10');
  });
  it('leaves out stages the summary lacks, and is null without user lists', () => {
    const f = buildFunnel({ users_with_lists: 100 }, 40, lists, 10)!;
    expect(f.users).toHaveLength(3);
    expect(f.items_per_user).toHaveLength(4);
    expect(f.top_sources_per_user).toEqual([]);
    expect(buildFunnel({ job: 'rebuild' }, 40, lists, 10)).toBeNull();
    expect(() => buildFunnel({ users_with_lists: 1 }, 40, lists, 5)).toThrow(/no cutoff 5/);
  });
});
