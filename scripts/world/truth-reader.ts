// Reads truth/ back and scores (user, video, time) with the generator's own model: the oracle.
// Holds every user's latents in memory, which suits evaluation worlds (up to ~1e5 users).
import { readNdjson } from '../../functions/io/ndjson.js';
import { worldFiles } from '../../functions/io/world-files.js';
import { eventLogDay } from '../../models/keys.js';
import { expectedOutcomes, type UserSide, type VideoSide } from './engagement.js';
import { truthFiles } from './truth.js';

export type TruthUser = UserSide & { user_id: string; region: string; activity?: string; creators: Record<string, number> };
export type TruthVideo = VideoSide & { video_id: string; creator_id: string; category_name: string };
export type Truth = {
  users: Map<string, TruthUser>;
  videos: Map<string, TruthVideo>;
  /** `${region}|${YYYY-MM-DD}|${video_id}` → boost. */
  trends: Map<string, number>;
  /** `${user_id}|${creator_id}` → follow time. */
  follows: Map<string, number>;
};

export async function loadTruth(dir: string): Promise<Truth> {
  const t = truthFiles(worldFiles(dir));
  const truth: Truth = { users: new Map(), videos: new Map(), trends: new Map(), follows: new Map() };
  for await (const u of readNdjson<TruthUser>(t.users)) truth.users.set(u.user_id, u);
  for await (const v of readNdjson<TruthVideo>(t.videos)) truth.videos.set(v.video_id, v);
  for await (const r of readNdjson<{ region: string; day: string; video_id: string; boost: number }>(t.trends)) truth.trends.set(`${r.region}|${r.day}|${r.video_id}`, r.boost);
  for await (const f of readNdjson<{ user_id: string; creator_id: string; ts: number }>(t.follows)) truth.follows.set(`${f.user_id}|${f.creator_id}`, f.ts);
  return truth;
}

/** The oracle's expected outcomes of showing `videoId` to `userId` at `ts` in feed slot `position`. */
export function oracleScore(truth: Truth, userId: string, videoId: string, ts: number, position: number) {
  const u = truth.users.get(userId);
  const v = truth.videos.get(videoId);
  if (!u || !v) return undefined;
  const followedAt = truth.follows.get(`${userId}|${v.creator_id}`);
  return expectedOutcomes(u, v, {
    ts,
    position,
    creatorAffinity: u.creators[v.creator_id] ?? 0,
    followed: followedAt !== undefined && followedAt <= ts,
    trendBoost: truth.trends.get(`${u.region}|${eventLogDay(ts)}|${videoId}`) ?? 0,
  });
}
