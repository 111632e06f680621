// Ranked lists from the aggregates: regional/global trending and per-user popularity lists. At this
// stage a user's list is overall popularity within the categories they engage with, topped up with
// their region's trending; the multi-source candidate generation replaces it later.
import type { RankedItem, RankedList, SourceName } from '../../models/candidates.js';
import { GLOBAL_REGION } from '../../models/keys.js';
import type { Video } from '../../models/schemas.js';
import type { Aggregates, UserProfile } from './aggregate.js';
import { topK } from './top-k.js';

type Ctx = { videos: Map<string, Video>; version: string; nowMs: number };

const normalised = (entries: [string, number][]) => {
  const max = entries[0]?.[1] ?? 1;
  return entries.filter(([, s]) => s > 0).map(([id, s]) => [id, s / max] as [string, number]);
};

const item = (videos: Map<string, Video>, id: string, score: number, sources: SourceName[]): RankedItem => {
  const v = videos.get(id)!;
  return { video_id: id, creator_id: v.creator_id, category: v.category, sources, score };
};

export function trendingLists(agg: Aggregates, size: number, ctx: Ctx): RankedList[] {
  const regions: [string, Map<string, number>][] = [[GLOBAL_REGION, agg.globalTrend], ...agg.regionTrend];
  return regions.map(([region, scores]) => ({
    key: region,
    version: ctx.version,
    generated_at: ctx.nowMs,
    items: normalised(topK(scores, size)).map(([id, s]) => item(ctx.videos, id, s, ['trending'])),
  }));
}

/** Most popular videos per category, normalised to the category's best: the per-user lists' pool. */
export function categoryPools(agg: Aggregates, size: number, videos: Map<string, Video>): Map<string, [string, number][]> {
  const byCategory = new Map<string, [string, number][]>();
  for (const [id, score] of agg.videoScore) {
    const cat = videos.get(id)!.category;
    let list = byCategory.get(cat);
    if (!list) byCategory.set(cat, (list = []));
    list.push([id, score]);
  }
  return new Map([...byCategory].map(([cat, list]) => [cat, normalised(topK(list, size))]));
}

/** Weight of regional trending against the user's own categories in a popularity list. */
const TRENDING_SHARE = 0.3;

export function userList(
  userId: string,
  profile: UserProfile,
  pools: Map<string, [string, number][]>,
  trending: RankedItem[],
  size: number,
  ctx: Ctx,
): RankedList {
  const total = [...profile.categories.values()].reduce((a, b) => a + b, 0) || 1;
  const merged = new Map<string, { score: number; sources: Set<SourceName> }>();
  const offer = (id: string, score: number, source: SourceName) => {
    if (profile.watched.has(id) || score <= 0) return;
    const m = merged.get(id);
    if (m) {
      m.score += score;
      m.sources.add(source);
    } else merged.set(id, { score, sources: new Set([source]) });
  };
  for (const [cat, weight] of profile.categories) {
    for (const [id, s] of pools.get(cat) ?? []) offer(id, (weight / total) * s, 'popular');
  }
  for (const t of trending) offer(t.video_id, TRENDING_SHARE * t.score, 'trending');
  const best = topK(
    [...merged].map(([id, m]) => [id, m.score]),
    size,
  );
  return {
    key: userId,
    version: ctx.version,
    generated_at: ctx.nowMs,
    items: best.map(([id, s]) => item(ctx.videos, id, s, [...merged.get(id)!.sources])),
  };
}

/** Fewest views for a video to count as "watched to the end" evidence. */
export const COMPLETION_MIN_VIEWS = 20;

/**
 * What viewers finish, per region of upload and globally: videos with at least COMPLETION_MIN_VIEWS
 * views ranked by their smoothed mean watch ratio times their view rate (finished and chosen). Half of
 * a newcomer's first page, next to regional trending (the edge's onboarding mix).
 */
export function completionLists(rates: Map<string, { views: number; view_rate: number; mean_watch_ratio: number }>, size: number, ctx: Ctx): RankedList[] {
  const byRegion = new Map<string, [string, number][]>([[GLOBAL_REGION, []]]);
  for (const [id, r] of rates) {
    const v = ctx.videos.get(id);
    if (!v || r.views < COMPLETION_MIN_VIEWS) continue;
    const score = r.mean_watch_ratio * r.view_rate;
    byRegion.get(GLOBAL_REGION)!.push([id, score]);
    if (v.region) {
      if (!byRegion.has(v.region)) byRegion.set(v.region, []);
      byRegion.get(v.region)!.push([id, score]);
    }
  }
  return [...byRegion].map(([region, scores]) => ({
    key: region,
    version: ctx.version,
    generated_at: ctx.nowMs,
    items: normalised(topK(scores, size)).map(([id, s]) => item(ctx.videos, id, s, ['popular'])),
  }));
}
