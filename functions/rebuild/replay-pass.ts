// The rebuild's one pass over the event log, in time order. Everything the jobs derive from events
// comes out of it: the point-in-time feature state at the end of the log (what the heavy ranker
// scores with), trending and popularity, user profiles, per-video/creator counts, the ALS
// interaction triples and the two-tower positives.
import { FeatureState } from '../../models/features/state.js';
import { watchRatio, type Event, type User, type Video } from '../../models/schemas.js';
import { engagementWeight } from '../embeddings/engagement-weight.js';
import { loadUsers, loadVideos } from '../io/catalog.js';
import { newReadStats, type EventReadStats } from '../io/events.js';
import { progress } from '../io/progress.js';
import { readEventLogInTimeOrder } from '../io/time-ordered-events.js';
import type { WorldFiles } from '../io/world-files.js';
import type { RebuildConfig } from '../config.js';
import { addEvent, newAggregates, POSITIVE_VIEW_RATIO, type Aggregates } from '../stats/aggregate.js';
import { countEvent, newEngagementCounts, type EngagementCounts } from '../stats/video-stats.js';
import { Column } from './growable.js';

export type Positive = { user_id: string; video_id: string; ts: number };
export type Triples = { user: Int32Array; item: Int32Array; weight: Float32Array };

export type ReplayPass = {
  videos: Map<string, Video>;
  users: Map<string, User>;
  /** Catalogue order: row i of every item matrix is videoIds[i]. */
  videoIds: string[];
  /** Users with at least one event, in first-seen order: row i of the user matrices. */
  userIds: string[];
  state: FeatureState;
  agg: Aggregates;
  counts: EngagementCounts;
  triples: Triples;
  positives: Positive[];
  events: number;
  read: EventReadStats;
  logEndMs: number;
};

const isPositive = (e: Event) => e.type === 'like' || e.type === 'share' || e.type === 'follow' || (e.type === 'view' && (watchRatio(e) ?? 0) >= POSITIVE_VIEW_RATIO);

export async function replayPass(files: WorldFiles, config: RebuildConfig, log: (l: string) => void): Promise<ReplayPass> {
  const [videos, users] = await Promise.all([loadVideos(files), loadUsers(files)]);
  const videoIds = [...videos.keys()];
  const itemRow = new Map(videoIds.map((id, i) => [id, i]));
  const userRow = new Map<string, number>();
  const state = new FeatureState(videos, users);
  const agg = newAggregates();
  const counts = newEngagementCounts();
  const cols = { user: new Column(Int32Array), item: new Column(Int32Array), weight: new Column(Float32Array) };
  const positives: Positive[] = [];
  const ctx = { videos, users, trendingHalfLifeHours: config.trendingHalfLifeHours, popularityHalfLifeHours: config.popularityHalfLifeHours };
  const read = newReadStats();
  const bar = progress('replay events', { log, everyMs: 5000 });
  for await (const e of readEventLogInTimeOrder(files, read)) {
    bar.tick();
    const video = videos.get(e.video_id);
    state.apply(e);
    addEvent(agg, e, ctx);
    if (!video) continue;
    countEvent(counts, e, video);
    const w = engagementWeight(e);
    if (w !== 0) {
      let u = userRow.get(e.user_id);
      if (u === undefined) userRow.set(e.user_id, (u = userRow.size));
      cols.user.push(u);
      cols.item.push(itemRow.get(e.video_id)!);
      cols.weight.push(w);
    }
    if (isPositive(e)) positives.push({ user_id: e.user_id, video_id: e.video_id, ts: e.ts });
  }
  const { count, seconds } = bar.done();
  log(`  replayed ${count.toLocaleString('en')} events in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 1e-9)).toLocaleString('en')}/s)`);
  return {
    videos,
    users,
    videoIds,
    userIds: [...userRow.keys()],
    state,
    agg,
    counts,
    triples: { user: cols.user.view(), item: cols.item.view(), weight: cols.weight.view() },
    positives,
    events: agg.events,
    read,
    logEndMs: agg.maxTsMs,
  };
}
