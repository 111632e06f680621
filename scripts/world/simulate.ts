// One user's whole history, session by session: impressions at feed positions, then a view (with
// watch time) or a skip, then rare likes, shares, comments, follows and dislikes. Events come out in
// time order through `emit`; nothing outlives the call except what `emit` keeps.
import type { EventInput } from '../../models/schemas.js';
import { videoVec } from './catalog.js';
import { afterView, dislikeOnSkip, engagement, partialRatio, type ImpressionContext, type VideoSide } from './engagement.js';
import { pickVideo, policyUser, type PolicyWorld } from './policy.js';
import { cumulative, stream } from './rng.js';
import type { SimUser } from './users.js';
import { HOURLY_SESSION_WEIGHT } from './vocab.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const hourCum = cumulative(HOURLY_SESSION_WEIGHT);
export const MAX_SESSION_LENGTH = 80;

export type SimWorld = PolicyWorld & { seed: number; startMs: number; endMs: number; days: number };
export type Follow = { user_id: string; creator_id: string; video_id: string; ts: number };
export type Emit = (e: EventInput & { type: EventInput['type'] }) => void;

export function simulateUser(w: SimWorld, u: SimUser, emit: Emit, onFollow: (f: Follow) => void): void {
  const s = stream(w.seed, 'history', u.idx);
  const p = policyUser(u);
  const v = w.cat.videos;
  const base = { user_id: u.row.user_id, surface: 'feed' as const, region: u.row.region, device: u.row.device };
  let seq = 0;
  const out = (type: EventInput['type'], video: number, ts: number, position: number, extra?: Partial<EventInput>) => {
    if (ts < w.endMs) emit({ event_id: `e${u.idx.toString(36)}-${(seq++).toString(36)}`, ...base, video_id: v.id[video]!, ts: Math.floor(ts), type, position, ...extra });
  };
  let sessionEnd = -Infinity;
  for (const start of sessionStarts(w, u, s)) {
    let t = Math.max(start, sessionEnd + 60_000);
    const length = Math.min(MAX_SESSION_LENGTH, Math.max(1, Math.round((u.sessionLength * s.gamma(1.5)) / 1.5)));
    const mood = 0.3 * s.normal();
    for (let pos = 0; pos < length && t < w.endMs; pos++) {
      const day = Math.floor((t - w.startMs) / DAY_MS);
      const i = pickVideo(s, w, p, t, day);
      if (i < 0) break;
      const creator = v.creator[i]!;
      const followedAt = p.follows.get(creator);
      const ctx: ImpressionContext = {
        ts: t,
        position: pos,
        creatorAffinity: u.favorites.get(creator) ?? 0,
        followed: followedAt !== undefined && followedAt <= t,
        trendBoost: w.trends.boost(u.region, day, i),
        mood,
      };
      const side: VideoSide = { category: v.category[i]!, quality: v.quality[i]!, duration_sec: v.duration[i]!, upload_ts: v.upload[i]!, vec: videoVec(v, i) };
      const e = engagement(u.side, side, ctx);
      out('impression', i, t, pos);
      if (!s.chance(e.view)) {
        const dwell = s.uniform(400, 2500); // the swipe past
        out('skip', i, t + dwell, pos);
        if (s.chance(dislikeOnSkip(e))) out('dislike', i, t + dwell + 100, pos);
        t += dwell + s.uniform(300, 1500);
        continue;
      }
      const duration = side.duration_sec;
      const full = s.chance(e.full);
      const ratio = full ? 0.95 + 0.05 * s.float() : partialRatio(e, s.float());
      // Short videos loop: a full view of a clip under 15 s sometimes plays more than once.
      const loops = full && duration < 15 && s.chance(0.3) ? 1 + s.float() : 1;
      const watch = Math.max(0.1, Math.round(duration * ratio * loops * 10) / 10);
      const tv = t + watch * 1000;
      out('view', i, tv, pos, { watch_time_sec: watch, video_duration_sec: duration });
      const a = afterView(e, ctx, Math.min(1, ratio));
      if (s.chance(a.like)) out('like', i, tv + 200, pos);
      if (s.chance(a.share)) out('share', i, tv + 300, pos);
      if (s.chance(a.comment)) out('comment', i, tv + 400, pos);
      if (s.chance(a.dislike)) out('dislike', i, tv + 500, pos);
      if (s.chance(a.follow) && tv + 600 < w.endMs) {
        p.follows.set(creator, tv + 600);
        out('follow', i, tv + 600, pos);
        onFollow({ user_id: u.row.user_id, creator_id: w.cat.creators[creator]!.id, video_id: v.id[i]!, ts: Math.floor(tv + 600) });
      }
      t = tv + s.uniform(800, 3000);
    }
    sessionEnd = t;
  }
}

/** Session start times over the user's active days, local-hour weighted, in order. */
function sessionStarts(w: SimWorld, u: SimUser, s: ReturnType<typeof stream>): number[] {
  const activeFrom = Math.max(w.startMs, u.side.signup_ts);
  const starts: number[] = [];
  for (let d = 0; d < w.days; d++) {
    const dayStart = w.startMs + d * DAY_MS;
    if (dayStart + DAY_MS <= activeFrom) continue;
    const weekday = new Date(dayStart).getUTCDay();
    const n = s.poisson(u.sessionsPerDay * (weekday === 0 || weekday === 6 ? 1.2 : 1));
    for (let k = 0; k < n; k++) {
      const utcHour = (((s.pickCumulative(hourCum) - u.side.tz_hours) % 24) + 24) % 24;
      const ts = dayStart + utcHour * HOUR_MS + Math.floor(s.float() * HOUR_MS);
      if (ts >= activeFrom) starts.push(ts);
    }
  }
  return starts.sort((a, b) => a - b);
}
