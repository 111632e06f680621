// The live trending list of a region: what moved in the realtime counters over the last hours
// (decayed engagement, best first), then the rebuild's list for that region, without repeats, cut to
// the published list's length. Pure: the cron reads the inputs and writes the result.
import type { RankedItem, RankedList } from '../../models/candidates.js';
import type { TrendingScore, VideoRef } from '../stores/realtime-store.js';

export function liveTrendingList(o: {
  region: string;
  published: RankedList | null;
  movers: readonly TrendingScore[];
  refs: ReadonlyMap<string, VideoRef>;
  size: number;
  nowMs: number;
}): RankedList {
  const items: RankedItem[] = [];
  const taken = new Set<string>();
  const known = new Map((o.published?.items ?? []).map((i) => [i.video_id, i]));
  for (const m of o.movers) {
    const ref = o.refs.get(m.video_id) ?? known.get(m.video_id);
    if (!ref || taken.has(m.video_id)) continue; // a video nobody can describe is not served
    taken.add(m.video_id);
    items.push({ ...known.get(m.video_id), video_id: m.video_id, creator_id: ref.creator_id, category: ref.category, sources: ['trending'], score: m.score });
  }
  for (const item of o.published?.items ?? []) {
    if (items.length >= o.size) break;
    if (taken.has(item.video_id)) continue;
    taken.add(item.video_id);
    items.push(item);
  }
  return { key: o.region, version: 'live', generated_at: o.nowMs, items: items.slice(0, o.size) };
}
