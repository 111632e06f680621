// A small seeded event stream shaped like the synthetic world's (impression, then one view or skip,
// then likes/dislikes/follows after views), for the feature tests. Not used by production code.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DEVICES, EventSchema, type Event, type User, type Video } from '../schemas.js';

export const T0 = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60_000;

export type SeededWorld = { users: Map<string, User>; videos: Map<string, Video>; events: Event[]; endMs: number };

export function seededWorld(seed: number, nUsers = 20, nVideos = 40, hours = 48): SeededWorld {
  const g = xoroshiro128plus(seed);
  const rnd = () => uniformFloat64(g);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const videos = new Map<string, Video>();
  for (let i = 0; i < nVideos; i++) {
    const v: Video = {
      video_id: `v${i}`,
      creator_id: `c${i % 7}`,
      category: pick(['music', 'sports', 'news', 'comedy']),
      tags: [],
      duration_sec: Math.round(5 + rnd() * 120),
      upload_ts: T0 - Math.round(rnd() * 72) * 3_600_000,
      region: pick(['eu', 'us']),
      language: pick(['en', 'de']),
      title: `video ${i}`,
    };
    videos.set(v.video_id, v);
  }
  const users = new Map<string, User>();
  const raw: Event[] = [];
  let seq = 0;
  const push = (type: Event['type'], u: User, v: Video, ts: number, pos: number, extra: Partial<Event> = {}) =>
    raw.push(EventSchema.parse({ event_id: `e${seq++}`, user_id: u.user_id, video_id: v.video_id, ts: Math.floor(ts), type, position: pos, device: u.device, region: u.region, ...extra }));
  const vids = [...videos.values()];
  for (let i = 0; i < nUsers; i++) {
    const u: User = { user_id: `u${i}`, region: pick(['eu', 'us']), language: pick(['en', 'de']), device: pick(DEVICES), signup_ts: T0 - Math.round(rnd() * 30 * 24) * 3_600_000 };
    users.set(u.user_id, u);
    const sessions = 1 + Math.floor(rnd() * (hours / 8));
    for (let s = 0; s < sessions; s++) {
      let t = T0 + rnd() * hours * 60 * MIN;
      for (let pos = 0; pos < 3 + Math.floor(rnd() * 8); pos++) {
        const v = pick(vids);
        push('impression', u, v, t, pos);
        if (rnd() < 0.4) {
          const watch = Math.round(v.duration_sec * (0.1 + rnd()) * 10) / 10;
          t += watch * 1000;
          push('view', u, v, t, pos, { watch_time_sec: watch, video_duration_sec: v.duration_sec });
          if (rnd() < 0.2) push('like', u, v, t + 200, pos);
          if (rnd() < 0.05) push('dislike', u, v, t + 500, pos);
          if (rnd() < 0.05) push('follow', u, v, t + 600, pos);
        } else push('skip', u, v, (t += 1000 + rnd() * 1500), pos);
        t += 800 + rnd() * 2000;
      }
    }
  }
  // Stable sort keeps each user's own order among equal timestamps.
  const events = raw.sort((a, b) => a.ts - b.ts);
  return { users, videos, events, endMs: T0 + (hours + 2) * 60 * MIN };
}
