// Streaming summary of a generated log: counts, rates and the median watch ratio (from a histogram),
// split by new and established users — O(1) memory whatever the number of events.
import { EVENT_TYPES, type EventType } from '../../models/schemas.js';

const BINS = 1000;

export type Summary = ReturnType<ReturnType<typeof summaryAccumulator>['result']>;

export function summaryAccumulator() {
  const counts = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
  const hist = new Float64Array(BINS + 1);
  const group = { new: { users: 0, views: 0, ratioSum: 0 }, established: { users: 0, views: 0, ratioSum: 0 } };
  let full = 0;
  return {
    user(isNew: boolean) {
      group[isNew ? 'new' : 'established'].users++;
    },
    event(e: { type: EventType; watch_time_sec?: number; video_duration_sec?: number }, isNew: boolean) {
      counts[e.type]++;
      if (e.type !== 'view') return;
      const r = Math.min(1, e.watch_time_sec! / e.video_duration_sec!);
      hist[Math.round(r * BINS)]!++;
      if (r >= 0.95) full++;
      const g = group[isNew ? 'new' : 'established'];
      g.views++;
      g.ratioSum += r;
    },
    result() {
      const views = counts.view;
      let acc = 0;
      let median = 0;
      for (let b = 0; b <= BINS; b++) if ((acc += hist[b]!) >= views / 2) { median = b / BINS; break; }
      const perUser = (g: typeof group.new) => ({
        users: g.users,
        views_per_user: g.users ? round(g.views / g.users) : 0,
        mean_watch_ratio: g.views ? round(g.ratioSum / g.views) : 0,
      });
      const events = Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        events,
        counts,
        view_rate: rate(views, counts.impression),
        median_watch_ratio: median,
        full_view_share: rate(full, views),
        like_per_view: rate(counts.like, views),
        share_per_view: rate(counts.share, views),
        comment_per_view: rate(counts.comment, views),
        dislike_per_impression: rate(counts.dislike, counts.impression),
        follows: counts.follow,
        new_users: perUser(group.new),
        established_users: perUser(group.established),
      };
    },
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const rate = (a: number, b: number) => (b ? round(a / b) : 0);
