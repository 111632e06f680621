// The logging policy: the production recommender whose impressions the log records. It is partly
// personalised (it knows users' tastes, but not for brand-new users), follows, regional trends, fresh
// uploads and some exploration; feed order within a session is random, so position bias is identifiable.
import type { Catalog } from './catalog.js';
import { recentFrom, uploadedBy, type CatalogIndex } from './catalog-index.js';
import { cumulative, type Stream } from './rng.js';
import type { Trends } from './trends.js';
import type { SimUser } from './users.js';

const HOUR_MS = 3_600_000;
export const POLICY_MIX = { followed: 0.1, trending: 0.12, fresh: 0.13, personal: 0.45 } as const;
export const FRESH_HOURS = 48;
/** Days after signup before the policy has learned a new user's tastes. */
export const COLD_START_DAYS = 2;

export type PolicyWorld = { cat: Catalog; index: CatalogIndex; trends: Trends; popularityCum: Float64Array };
export type PolicyUser = { user: SimUser; tasteCum: Float64Array; follows: Map<number, number>; seen: Set<number> };

export const policyUser = (user: SimUser): PolicyUser => ({ user, tasteCum: cumulative(user.side.taste), follows: new Map(), seen: new Set() });

/** Picks the video for the next slot at time t (day = window day index); -1 when nothing is uploaded yet. */
export function pickVideo(s: Stream, w: PolicyWorld, p: PolicyUser, t: number, day: number): number {
  let v = -1;
  for (let attempt = 0; attempt < 4; attempt++) {
    v = pickOnce(s, w, p, t, day);
    if (v < 0 || !p.seen.has(v)) break;
  }
  if (v >= 0) p.seen.add(v);
  return v;
}

function pickOnce(s: Stream, w: PolicyWorld, p: PolicyUser, t: number, day: number): number {
  const { index } = w;
  const x = s.float();
  let edge = POLICY_MIX.followed;
  if (x < edge && p.follows.size > 0) {
    const creators = [...p.follows.keys()];
    const { from, to } = uploadedBy(index.byCreator, creators[s.int(creators.length)]!, t);
    if (to > from) return index.byCreator.items[to - 1 - s.int(Math.min(5, to - from))]!; // their latest
  }
  if (x < (edge += POLICY_MIX.trending)) {
    const list = w.trends.list(p.user.region, day);
    if (list.length > 0) return list[s.int(list.length)]!;
  }
  if (x < (edge += POLICY_MIX.fresh)) {
    const { from, to } = uploadedBy(index.all, 0, t);
    const recent = recentFrom(index.all, from, to, t - FRESH_HOURS * HOUR_MS);
    if (to > recent) return index.all.items[recent + s.int(to - recent)]!;
  }
  if (x < (edge += POLICY_MIX.personal)) {
    const knowsUser = t - p.user.side.signup_ts > COLD_START_DAYS * 86_400_000;
    const c = s.pickCumulative(knowsUser && s.chance(0.8) ? p.tasteCum : w.popularityCum);
    const v = qualityBiased(s, w, index.byCategory.items, uploadedBy(index.byCategory, c, t));
    if (v >= 0) return v;
  }
  return qualityBiased(s, w, index.all.items, uploadedBy(index.all, 0, t));
}

/** Uniform over the range, with a mild preference for good videos (popularity feedback). */
function qualityBiased(s: Stream, w: PolicyWorld, items: Int32Array, r: { from: number; to: number }): number {
  if (r.to <= r.from) return -1;
  let v = items[r.from + s.int(r.to - r.from)]!;
  for (let i = 0; i < 3 && s.float() > 0.3 + 0.7 * w.cat.videos.quality[v]!; i++) v = items[r.from + s.int(r.to - r.from)]!;
  return v;
}
